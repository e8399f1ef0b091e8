import { type IntakeFormDefinition, intakeFormDefinitionSchema } from "@clinic/domain";
import type { Transaction } from "../database.js";
import { intakeFormDrafts, intakeFormVersions } from "../schema-intake.js";

/** The demo clinic's new patient form (decision 029), published as version 1. */
export const demoIntakeForm: IntakeFormDefinition = intakeFormDefinitionSchema.parse({
  title: "New patient questionnaire",
  introduction:
    "Welcome to Westside Sports Chiro. These questions help your chiropractor prepare for your first visit. Your answers are private: only your practitioner and the clinic owner read them.",
  questions: [
    {
      id: "date-of-birth",
      kind: "date",
      label: "Date of birth",
      required: true,
    },
    {
      id: "main-concern",
      kind: "short_text",
      label: "What brings you in?",
      helpText: "For example: sore lower back after deadlifts.",
      required: true,
    },
    {
      id: "pain-areas",
      kind: "body_areas",
      label: "Where do you feel pain or stiffness?",
      helpText: "Tick every area that applies.",
    },
    {
      id: "how-long",
      kind: "single_choice",
      label: "How long have you had it?",
      options: ["Less than a week", "1–6 weeks", "6 weeks to 6 months", "Longer than 6 months"],
      required: true,
    },
    {
      id: "sports",
      kind: "multiple_choice",
      label: "Which sports or training do you do?",
      options: ["Running", "Gym / weights", "Football codes", "Cycling", "Swimming", "Other"],
    },
    {
      id: "history",
      kind: "long_text",
      label: "Past injuries, surgery or conditions we should know about",
      helpText: "Include medication you take regularly.",
    },
    {
      id: "red-flags",
      kind: "yes_no",
      label:
        "Have you had unexplained weight loss, numbness in the groin, or loss of bladder control?",
      helpText: "If yes, please also call us before your visit.",
      required: true,
    },
    {
      id: "consent",
      kind: "consent",
      label: "Consent to assessment and treatment",
      statement:
        "I consent to an assessment and to chiropractic treatment, which may include spinal and joint manipulation, soft-tissue work and exercise. My practitioner will explain the benefits and risks, and I may ask questions or stop at any time.",
      required: true,
    },
  ],
});

export async function insertDemoIntakeForm(
  tx: Transaction,
  now: Date,
  ownerName: string,
): Promise<void> {
  await tx.insert(intakeFormDrafts).values({ definition: demoIntakeForm, updatedAt: now });
  await tx.insert(intakeFormVersions).values({
    version: 1,
    definition: demoIntakeForm,
    publishedByName: ownerName,
    publishedAt: now,
  });
}
