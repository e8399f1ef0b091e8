import type { IntakeFormDefinition } from "./intake-form.js";

/**
 * The names of an intake form's fields in HTML (the public page posts them without
 * JavaScript), and the answers they post. One name per question (`q.<id>`), repeated for
 * checkboxes; a consent posts its signature as `q.<id>.name` and `q.<id>.date`.
 */
export function answerFieldName(questionId: string, part?: "name" | "date"): string {
  return part ? `q.${questionId}.${part}` : `q.${questionId}`;
}

/** The raw answers a posted form holds, by question id, for `checkIntakeAnswers`. */
export function answersFromFormEntries(
  definition: IntakeFormDefinition,
  entries: Iterable<[string, unknown]>,
): Record<string, unknown> {
  const values = new Map<string, string[]>();
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const answers: Record<string, unknown> = {};
  for (const question of definition.questions) {
    const name = answerFieldName(question.id);
    if (question.kind === "consent") {
      const signed = {
        name: values.get(answerFieldName(question.id, "name"))?.[0] ?? "",
        date: values.get(answerFieldName(question.id, "date"))?.[0] ?? "",
      };
      if (signed.name !== "" || signed.date !== "") answers[question.id] = signed;
      continue;
    }
    const posted = values.get(name) ?? [];
    if (question.kind === "multiple_choice" || question.kind === "body_areas") {
      if (posted.length > 0) answers[question.id] = posted;
    } else if (posted[0] !== undefined && posted[0] !== "") {
      answers[question.id] = posted[0];
    }
  }
  return answers;
}
