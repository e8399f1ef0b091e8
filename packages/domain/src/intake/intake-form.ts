import { z } from "zod";
import { multiLineText, singleLineText } from "../common/storable-text.js";

/**
 * The clinic's intake form (decision 029). The owner edits a draft; publishing it stores the
 * draft's definition as a new, numbered version that never changes again, and each patient's
 * answers are kept against the version they answered, so older answers stay readable.
 */

export const intakeQuestionKinds = [
  "short_text",
  "long_text",
  "single_choice",
  "multiple_choice",
  "yes_no",
  "date",
  "body_areas",
  "consent",
] as const;
export type IntakeQuestionKind = (typeof intakeQuestionKinds)[number];

/** What the admin calls each kind of question. */
export const intakeQuestionKindLabels: Record<IntakeQuestionKind, string> = {
  short_text: "Short text",
  long_text: "Long text",
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  yes_no: "Yes / no",
  date: "Date",
  body_areas: "Body-area checklist",
  consent: "Consent (signed with typed name and date)",
};

/** The fixed list a body-area question offers, in the order shown (head to feet). */
export const bodyAreas = [
  { id: "head_jaw", label: "Head / jaw" },
  { id: "neck", label: "Neck" },
  { id: "shoulders", label: "Shoulders" },
  { id: "upper_back", label: "Upper back" },
  { id: "chest_ribs", label: "Chest / ribs" },
  { id: "elbows", label: "Elbows" },
  { id: "wrists_hands", label: "Wrists / hands" },
  { id: "lower_back", label: "Lower back" },
  { id: "hips", label: "Hips" },
  { id: "knees", label: "Knees" },
  { id: "ankles_feet", label: "Ankles / feet" },
] as const;
export type BodyAreaId = (typeof bodyAreas)[number]["id"];
const bodyAreaIds = new Set<string>(bodyAreas.map((a) => a.id));

export function bodyAreaLabel(id: string): string {
  return bodyAreas.find((a) => a.id === id)?.label ?? id;
}

export const MAX_INTAKE_QUESTIONS = 60;
export const MAX_CHOICE_OPTIONS = 20;
export const SHORT_ANSWER_MAX = 200;
export const LONG_ANSWER_MAX = 4000;

/** A question's id: stable across versions while the question stays, the key of its answer. */
export const intakeQuestionIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Use lowercase letters, digits and hyphens (at most 40)");

const questionBase = {
  id: intakeQuestionIdSchema,
  label: singleLineText()
    .trim()
    .min(1, "Write the question")
    .max(200, "Keep the question to 200 characters"),
  helpText: multiLineText().trim().max(500, "Keep the help text to 500 characters").default(""),
  required: z.boolean().default(false),
};

const choiceOptions = z
  .array(
    singleLineText()
      .trim()
      .min(1, "An option can't be empty")
      .max(100, "Keep each option to 100 characters"),
  )
  .min(2, "Give at least two options, one a line")
  .max(MAX_CHOICE_OPTIONS, `At most ${MAX_CHOICE_OPTIONS} options`)
  .refine((options) => new Set(options.map((o) => o.toLowerCase())).size === options.length, {
    message: "Each option must be different",
  });

export const intakeQuestionSchema = z.discriminatedUnion("kind", [
  z.object({ ...questionBase, kind: z.literal("short_text") }),
  z.object({ ...questionBase, kind: z.literal("long_text") }),
  z.object({ ...questionBase, kind: z.literal("single_choice"), options: choiceOptions }),
  z.object({ ...questionBase, kind: z.literal("multiple_choice"), options: choiceOptions }),
  z.object({ ...questionBase, kind: z.literal("yes_no") }),
  z.object({ ...questionBase, kind: z.literal("date") }),
  z.object({ ...questionBase, kind: z.literal("body_areas") }),
  z.object({
    ...questionBase,
    kind: z.literal("consent"),
    /** What the patient agrees to by typing their name and the date. */
    statement: multiLineText()
      .trim()
      .min(1, "Write the statement the patient signs")
      .max(4000, "Keep the statement to 4000 characters"),
  }),
]);
export type IntakeQuestion = z.output<typeof intakeQuestionSchema>;
export type IntakeQuestionInput = z.input<typeof intakeQuestionSchema>;

/** A form's whole definition: what a published version stores (as JSON) and what the draft holds. */
export const intakeFormDefinitionSchema = z
  .object({
    title: singleLineText()
      .trim()
      .min(1, "Give the form a title")
      .max(120, "Keep the title to 120 characters"),
    introduction: multiLineText()
      .trim()
      .max(2000, "Keep the introduction to 2000 characters")
      .default(""),
    questions: z
      .array(intakeQuestionSchema)
      .max(MAX_INTAKE_QUESTIONS, `At most ${MAX_INTAKE_QUESTIONS} questions`),
  })
  .superRefine((form, context) => {
    const seen = new Set<string>();
    form.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        context.addIssue({
          code: "custom",
          path: ["questions", index, "id"],
          message: "Two questions share this id",
        });
      }
      seen.add(question.id);
    });
  });
export type IntakeFormDefinition = z.output<typeof intakeFormDefinitionSchema>;
export type IntakeFormDefinitionInput = z.input<typeof intakeFormDefinitionSchema>;

/** A draft may be saved with no questions yet; a version is published only with one or more. */
export function publishProblem(definition: IntakeFormDefinition): string | null {
  return definition.questions.length === 0 ? "Add at least one question before publishing" : null;
}

// Answers ---------------------------------------------------------------------------------

/** A consent answer: the name the patient typed as a signature, and the date they signed. */
export interface ConsentAnswer {
  name: string;
  date: string;
}
export type IntakeAnswerValue = string | string[] | ConsentAnswer;
/** Answers by question id; a question with no answer has no key. */
export type IntakeAnswers = Record<string, IntakeAnswerValue>;

/**
 * What the API accepts as answers before checking them against their version: plain values by
 * question id, bounded so a hostile body can't be large.
 */
export const intakeAnswersInputSchema = z
  .record(
    intakeQuestionIdSchema,
    z.union([
      z.string().max(LONG_ANSWER_MAX + 1000, "That answer is too long"),
      z.array(z.string().max(200, "That choice is too long")).max(MAX_CHOICE_OPTIONS + 20),
      z.object({
        name: z.string().max(300, "That name is too long"),
        date: z.string().max(20, "Use a date such as 2026-04-05"),
      }),
    ]),
  )
  .refine((answers) => Object.keys(answers).length <= MAX_INTAKE_QUESTIONS * 2, {
    message: "Too many answers",
  });

/** A calendar date a person gives (a birth date, an injury), `yyyy-MM-dd`, 1900–2999. */
const answerDateSchema = z.iso.date({ message: "Use a date such as 1985-04-05" }).refine(
  (date) => {
    const year = Number(date.slice(0, 4));
    return year >= 1900 && year <= 2999;
  },
  { message: "Use a date between 1900 and 2999" },
);

function textProblem(value: string, max: number, multiline: boolean): string | null {
  const schema = (multiline ? multiLineText() : singleLineText()).max(
    max,
    `Keep this to ${max} characters`,
  );
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "Invalid answer");
}

/** Whether an answer value says nothing (an empty text, no ticks, an unsigned consent). */
function isBlank(value: IntakeAnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return value.name.trim() === "" && value.date.trim() === "";
}

export type AnswerCheck =
  | { ok: true; answers: IntakeAnswers }
  | { ok: false; answers: IntakeAnswers; errors: Record<string, string> };

/**
 * Checks answers against the version they answer. Partial answers (`complete: false`, saving
 * to finish later) need only be well-formed; a submission (`complete: true`) also answers every
 * required question. Answers to questions the version doesn't have are dropped, blank ones
 * removed, text trimmed. Errors are keyed by question id (the field they belong next to).
 */
export function checkIntakeAnswers(
  definition: IntakeFormDefinition,
  raw: Record<string, unknown>,
  options: { complete: boolean },
): AnswerCheck {
  const answers: IntakeAnswers = {};
  const errors: Record<string, string> = {};
  for (const question of definition.questions) {
    const value = Object.hasOwn(raw, question.id) ? raw[question.id] : undefined;
    const problem = (message: string) => {
      errors[question.id] = message;
    };
    if (isBlank(value as IntakeAnswerValue | undefined)) {
      if (options.complete && question.required) {
        problem(
          question.kind === "consent"
            ? "Type your full name and the date to sign"
            : "Please answer this question",
        );
      }
      continue;
    }
    switch (question.kind) {
      case "short_text":
      case "long_text": {
        if (typeof value !== "string") {
          problem("Answer with text");
          break;
        }
        const long = question.kind === "long_text";
        const text = value.trim();
        const message = textProblem(text, long ? LONG_ANSWER_MAX : SHORT_ANSWER_MAX, long);
        if (message) problem(message);
        else answers[question.id] = text;
        break;
      }
      case "single_choice":
      case "yes_no": {
        const allowed: readonly string[] =
          question.kind === "yes_no" ? ["yes", "no"] : question.options;
        if (typeof value !== "string" || !allowed.includes(value)) problem("Choose one of these");
        else answers[question.id] = value;
        break;
      }
      case "multiple_choice":
      case "body_areas": {
        const list = typeof value === "string" ? [value] : value;
        const allowed =
          question.kind === "body_areas" ? bodyAreaIds : new Set<string>(question.options);
        if (!Array.isArray(list) || !list.every((v) => typeof v === "string" && allowed.has(v))) {
          problem("Choose from the listed options");
          break;
        }
        // In the order offered, each once.
        const order =
          question.kind === "body_areas" ? bodyAreas.map((a) => a.id as string) : question.options;
        answers[question.id] = order.filter((option) => list.includes(option));
        break;
      }
      case "date": {
        const result = answerDateSchema.safeParse(typeof value === "string" ? value.trim() : "");
        if (!result.success) problem(result.error.issues[0]?.message ?? "Use a date");
        else answers[question.id] = result.data;
        break;
      }
      case "consent": {
        if (typeof value !== "object" || value === null || Array.isArray(value)) {
          problem("Type your full name and the date to sign");
          break;
        }
        const { name, date } = value as ConsentAnswer;
        const signed = { name: String(name ?? "").trim(), date: String(date ?? "").trim() };
        if (signed.name === "") {
          problem("Type your full name to sign");
          break;
        }
        const nameProblem = textProblem(signed.name, 120, false);
        if (nameProblem) {
          problem(nameProblem);
          break;
        }
        const dated = answerDateSchema.safeParse(signed.date);
        if (!dated.success) {
          problem(signed.date === "" ? "Add the date you sign" : "Use a date such as 2026-04-05");
          break;
        }
        answers[question.id] = { name: signed.name, date: dated.data };
        break;
      }
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, answers, errors } : { ok: true, answers };
}

/** An answer as text for staff (and the patient's export): choices by label, a consent as its signature. */
export function formatIntakeAnswer(
  question: IntakeQuestion,
  value: IntakeAnswerValue | undefined,
): string {
  if (value === undefined) return "";
  if (question.kind === "yes_no") return value === "yes" ? "Yes" : value === "no" ? "No" : "";
  if (question.kind === "body_areas" && Array.isArray(value)) {
    return value.map(bodyAreaLabel).join(", ");
  }
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return `Signed “${value.name}” on ${value.date}`;
  return value;
}

/** Where a patient's form stands. `not_started`: the link was sent and nothing saved yet. */
export const intakeStatuses = ["not_started", "in_progress", "submitted"] as const;
export type IntakeStatus = (typeof intakeStatuses)[number];

export const intakeStatusLabels: Record<IntakeStatus, string> = {
  not_started: "Not started",
  in_progress: "Started, not submitted",
  submitted: "Submitted",
};

/** How long an intake link works: at least this long after it was sent… */
export const INTAKE_LINK_MIN_DAYS = 30;
/** …and at least until this long after the appointment it came with. */
export const INTAKE_LINK_DAYS_AFTER_APPOINTMENT = 7;

/** When a link sent at `now` for an appointment at `startsAt` stops working. */
export function intakeLinkExpiry(now: Date, startsAt: Date): Date {
  const day = 24 * 60 * 60 * 1000;
  return new Date(
    Math.max(
      now.getTime() + INTAKE_LINK_MIN_DAYS * day,
      startsAt.getTime() + INTAKE_LINK_DAYS_AFTER_APPOINTMENT * day,
    ),
  );
}

// Procedure inputs ------------------------------------------------------------------------

/** The secret part of an intake link. */
export const intakeTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32,100}$/, "That form link isn't valid");

/** A patient saving their answers (`submit`: they're done) through their link. */
export const intakeSaveInputSchema = z.object({
  token: intakeTokenSchema,
  answers: intakeAnswersInputSchema,
  submit: z.boolean().default(false),
});
export type IntakeSaveInput = z.input<typeof intakeSaveInputSchema>;

/** The owner saving the draft, or publishing it as a new version. */
export const intakeDraftInputSchema = z.object({ definition: intakeFormDefinitionSchema });
