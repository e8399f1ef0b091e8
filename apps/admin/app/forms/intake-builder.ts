import {
  type IntakeFormDefinitionInput,
  type IntakeQuestionKind,
  intakeQuestionKinds,
  intakeQuestionSchema,
} from "@clinic/domain";

// The intake form builder's one big form (decision 029): every question's fields by index
// (`q.3.label`), a blank "add a question" group (`new.*`), and buttons that save, publish, add,
// move or remove. Without JavaScript each button posts the whole form, so edits are never lost.

/** What a builder button asks for. */
export type BuilderIntent =
  | { kind: "save" }
  | { kind: "publish" }
  | { kind: "add" }
  | { kind: "up" | "down" | "remove"; index: number };

export function builderIntentOf(value: unknown, questionCount: number): BuilderIntent | null {
  if (value === "save" || value === "publish" || value === "add") return { kind: value };
  if (typeof value !== "string") return null;
  const match = /^(up|down|remove):(\d{1,3})$/.exec(value);
  if (!match) return null;
  const index = Number(match[2]);
  if (index >= questionCount) return null;
  return { kind: match[1] as "up" | "down" | "remove", index };
}

/** The question kinds whose options are typed one a line. */
export const CHOICE_KINDS: readonly IntakeQuestionKind[] = ["single_choice", "multiple_choice"];

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

type QuestionDraft = IntakeFormDefinitionInput["questions"][number];

function questionFrom(
  formData: FormData,
  prefix: string,
  id: string,
  kind: IntakeQuestionKind,
): QuestionDraft {
  const base = {
    id,
    label: text(formData, `${prefix}.label`),
    helpText: text(formData, `${prefix}.helpText`),
    required: formData.get(`${prefix}.required`) === "on",
  };
  if (kind === "single_choice" || kind === "multiple_choice") {
    return { ...base, kind, options: lines(text(formData, `${prefix}.options`)) };
  }
  if (kind === "consent")
    return { ...base, kind, statement: text(formData, `${prefix}.statement`) };
  return { ...base, kind };
}

const isKind = (value: string): value is IntakeQuestionKind =>
  (intakeQuestionKinds as readonly string[]).includes(value);

/** The definition the posted form holds (unchecked: the API checks it with the domain's schema). */
export function definitionFromForm(formData: FormData): IntakeFormDefinitionInput {
  const count = Math.min(Number(text(formData, "questionCount")) || 0, 100);
  const questions: QuestionDraft[] = [];
  for (let index = 0; index < count; index++) {
    const prefix = `q.${index}`;
    const kind = text(formData, `${prefix}.kind`);
    const id = text(formData, `${prefix}.id`);
    if (!isKind(kind) || id === "") continue;
    questions.push(questionFrom(formData, prefix, id, kind));
  }
  return {
    title: text(formData, "title"),
    introduction: text(formData, "introduction"),
    questions,
  };
}

/** A new question's id: short, random, stable from then on (its answers are kept under it). */
export function newQuestionId(): string {
  return `q-${globalThis.crypto.randomUUID().slice(0, 8)}`;
}

/**
 * The "add a question" group as a question, checked on its own so its messages go next to its
 * own fields (`new.label`, …); null with errors when it doesn't parse.
 */
export function newQuestionFrom(
  formData: FormData,
): { question: QuestionDraft; errors: null } | { question: null; errors: Record<string, string> } {
  const kind = text(formData, "new.kind");
  if (!isKind(kind)) return { question: null, errors: { "new.kind": "Choose a kind of question" } };
  const question = questionFrom(formData, "new", newQuestionId(), kind);
  const parsed = intakeQuestionSchema.safeParse(question);
  if (parsed.success) return { question, errors: null };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = `new.${String(issue.path[0] ?? "label")}`;
    errors[key] ??= issue.message;
  }
  return { question: null, errors };
}

/** The definition after a move or a removal. */
export function rearranged(
  definition: IntakeFormDefinitionInput,
  intent: BuilderIntent,
): IntakeFormDefinitionInput {
  if (intent.kind !== "up" && intent.kind !== "down" && intent.kind !== "remove") return definition;
  const questions = [...definition.questions];
  const { index } = intent;
  if (intent.kind === "remove") questions.splice(index, 1);
  else {
    const other = intent.kind === "up" ? index - 1 : index + 1;
    if (other >= 0 && other < questions.length) {
      [questions[index], questions[other]] = [questions[other]!, questions[index]!];
    }
  }
  return { ...definition, questions };
}

/**
 * The API's messages (`definition.questions.2.label`) under the builder's field names
 * (`q.2.label`); anything else is for the whole form.
 */
export function builderFieldErrors(apiErrors: Record<string, string[]>): {
  fields: Record<string, string>;
  form: string[];
} {
  const fields: Record<string, string> = {};
  const form: string[] = [];
  for (const [path, messages] of Object.entries(apiErrors)) {
    const message = messages[0] ?? "Check this field";
    const question = /^definition\.questions\.(\d+)\.(\w+)/.exec(path);
    if (question) fields[`q.${question[1]}.${question[2]}`] ??= message;
    else if (path === "definition.title" || path === "definition.introduction") {
      fields[path.slice("definition.".length)] ??= message;
    } else form.push(...messages);
  }
  return { fields, form };
}
