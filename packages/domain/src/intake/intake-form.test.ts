import { describe, expect, it } from "vitest";
import { answersFromFormEntries } from "./form-fields.js";
import {
  checkIntakeAnswers,
  formatIntakeAnswer,
  type IntakeFormDefinition,
  type IntakeFormDefinitionInput,
  intakeAnswersInputSchema,
  intakeFormDefinitionSchema,
  intakeLinkExpiry,
  publishProblem,
} from "./intake-form.js";

const input: IntakeFormDefinitionInput = {
  title: "New patient questionnaire",
  introduction: "A few questions before your first visit.",
  questions: [
    { id: "reason", kind: "short_text", label: "What brings you in?", required: true },
    { id: "history", kind: "long_text", label: "Past injuries", helpText: "Anything relevant" },
    {
      id: "sport",
      kind: "single_choice",
      label: "Main sport",
      options: ["Running", "Football", "Other"],
    },
    { id: "goals", kind: "multiple_choice", label: "Goals", options: ["Pain", "Performance"] },
    { id: "surgery", kind: "yes_no", label: "Any surgery in the last year?", required: true },
    { id: "dob", kind: "date", label: "Date of birth" },
    { id: "areas", kind: "body_areas", label: "Where does it hurt?" },
    {
      id: "consent",
      kind: "consent",
      label: "Consent to treatment",
      statement: "I consent to assessment and treatment.",
      required: true,
    },
  ],
};
const definition: IntakeFormDefinition = intakeFormDefinitionSchema.parse(input);

describe("intake form definition", () => {
  it("accepts every kind of question and fills in defaults", () => {
    expect(definition.questions).toHaveLength(8);
    expect(definition.questions[0]).toMatchObject({ helpText: "", required: true });
    expect(definition.questions[2]).toMatchObject({ required: false });
    expect(publishProblem(definition)).toBeNull();
  });

  it("refuses choices without two distinct options, blank labels and repeated ids", () => {
    const result = intakeFormDefinitionSchema.safeParse({
      title: "",
      questions: [
        { id: "a", kind: "single_choice", label: "Pick", options: ["One"] },
        { id: "b", kind: "multiple_choice", label: "Pick", options: ["One", "one"] },
        { id: "b", kind: "short_text", label: "  " },
        { id: "c", kind: "consent", label: "Consent", statement: "" },
        { id: "Bad Id", kind: "date", label: "When" },
      ],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "title",
        "questions.0.options",
        "questions.1.options",
        "questions.2.label",
        "questions.2.id",
        "questions.3.statement",
        "questions.4.id",
      ]),
    );
  });

  it("refuses an unknown kind of question", () => {
    const result = intakeFormDefinitionSchema.safeParse({
      title: "T",
      questions: [{ id: "x", kind: "essay", label: "Write" }],
    });
    expect(result.success).toBe(false);
  });

  it("needs a question before a version is published", () => {
    expect(publishProblem({ title: "T", introduction: "", questions: [] })).toMatch(/at least one/);
  });

  it("keeps a published version readable after the draft changes (versions are values)", () => {
    const v1 = intakeFormDefinitionSchema.parse(JSON.parse(JSON.stringify(definition)));
    const v2 = intakeFormDefinitionSchema.parse({
      ...input,
      questions: input.questions.filter((q) => q.id !== "sport"),
    });
    const answers = { sport: "Running" };
    expect(checkIntakeAnswers(v1, answers, { complete: false }).answers).toEqual(answers);
    // Against the newer version the answer has no question: it isn't kept.
    expect(checkIntakeAnswers(v2, answers, { complete: false }).answers).toEqual({});
  });
});

describe("intake answers", () => {
  it("saves part of a form without the required answers", () => {
    const check = checkIntakeAnswers(definition, { reason: "  Sore knee  " }, { complete: false });
    expect(check).toEqual({ ok: true, answers: { reason: "Sore knee" } });
  });

  it("asks for every required answer on submit, by question", () => {
    const check = checkIntakeAnswers(definition, { reason: "Knee" }, { complete: true });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(["consent", "surgery"]);
    expect(check.errors.consent).toMatch(/name and the date/);
  });

  it("accepts a complete, valid submission and orders ticks as offered", () => {
    const check = checkIntakeAnswers(
      definition,
      {
        reason: "Knee pain when running",
        history: "Sprained ankle\n2019",
        sport: "Running",
        goals: ["Performance", "Pain"],
        surgery: "no",
        dob: "1985-04-05",
        areas: ["knees", "lower_back"],
        consent: { name: "Alex Runner", date: "2026-11-30" },
        unknown: "dropped",
      },
      { complete: true },
    );
    expect(check.ok).toBe(true);
    expect(check.answers.goals).toEqual(["Pain", "Performance"]);
    expect(check.answers.areas).toEqual(["lower_back", "knees"]);
    expect(check.answers).not.toHaveProperty("unknown");
  });

  it("refuses answers outside the question's options or shape, next to the question", () => {
    const check = checkIntakeAnswers(
      definition,
      {
        reason: "x".repeat(201),
        sport: "Cricket",
        goals: ["Pain", "Fame"],
        surgery: "maybe",
        dob: "1985-02-30",
        areas: ["tail"],
        consent: { name: "Alex", date: "" },
        history: "bad\u0000text",
      },
      { complete: false },
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(
      ["areas", "consent", "dob", "goals", "history", "reason", "sport", "surgery"].sort(),
    );
    expect(check.errors.consent).toMatch(/date/);
  });

  it("reads posted form fields, checkboxes and the consent signature", () => {
    const raw = answersFromFormEntries([
      ["q.reason", "Knee"],
      ["q.areas", "knees"],
      ["q.areas", "hips"],
      ["q.goals", "Pain"],
      ["q.consent.name", "Alex Runner"],
      ["q.consent.date", "2026-11-30"],
      ["q.sport", ""],
      ["intent", "save"],
      ["q.Bad.id", "x"],
    ]);
    expect(raw).toEqual({
      reason: "Knee",
      areas: ["knees", "hips"],
      goals: "Pain",
      sport: "",
      consent: { name: "Alex Runner", date: "2026-11-30" },
    });
    const check = checkIntakeAnswers(definition, raw, { complete: false });
    expect(check.answers).toMatchObject({ goals: ["Pain"], areas: ["hips", "knees"] });
    expect(check.answers).not.toHaveProperty("sport");
  });

  it("bounds what the API accepts before checking it", () => {
    expect(intakeAnswersInputSchema.safeParse({ reason: "ok", areas: ["knees"] }).success).toBe(
      true,
    );
    expect(intakeAnswersInputSchema.safeParse({ "Not An Id": "x" }).success).toBe(false);
    expect(intakeAnswersInputSchema.safeParse({ reason: 5 }).success).toBe(false);
  });

  it("formats answers for staff", () => {
    const [, , , , surgery, , areas, consent] = definition.questions;
    expect(formatIntakeAnswer(surgery!, "yes")).toBe("Yes");
    expect(formatIntakeAnswer(areas!, ["lower_back", "knees"])).toBe("Lower back, Knees");
    expect(formatIntakeAnswer(consent!, { name: "Alex", date: "2026-11-30" })).toMatch(/Alex/);
  });
});

describe("intake link expiry", () => {
  it("counts real days across a daylight-saving change (Sydney, 4 October 2026)", () => {
    // 9 am AEST on 20 September; the clocks go forward in between: 10 am AEDT, 30 × 24 h later.
    const sent = new Date("2026-09-19T23:00:00Z");
    const expiry = intakeLinkExpiry(sent, new Date("2026-09-25T00:00:00Z"));
    expect(expiry.getTime() - sent.getTime()).toBe(30 * 86_400_000);
    expect(
      expiry.toLocaleString("en-AU", {
        timeZone: "Australia/Sydney",
        hour: "numeric",
        hour12: false,
      }),
    ).toBe("10");
  });

  const now = new Date("2026-11-30T10:00:00Z");
  it("lasts 30 days, or until a week after a later appointment", () => {
    expect(intakeLinkExpiry(now, new Date("2026-12-02T00:00:00Z")).toISOString()).toBe(
      "2026-12-30T10:00:00.000Z",
    );
    expect(intakeLinkExpiry(now, new Date("2027-02-01T00:00:00Z")).toISOString()).toBe(
      "2027-02-08T00:00:00.000Z",
    );
  });
});
