/**
 * The names of an intake form's fields in HTML (the public page posts them without
 * JavaScript), and the answers they post. One name per question (`q.<id>`), repeated for
 * checkboxes; a consent posts its signature as `q.<id>.name` and `q.<id>.date`. Question ids
 * hold no dots, so the names read back without the form's definition.
 */
export function answerFieldName(questionId: string, part?: "name" | "date"): string {
  return part ? `q.${questionId}.${part}` : `q.${questionId}`;
}

const FIELD = /^q\.([a-z0-9][a-z0-9-]{0,39})(?:\.(name|date))?$/;

/**
 * The raw answers a posted form holds, by question id, for `checkIntakeAnswers` (which
 * checks each against its question): one value, or a list when a name was posted more than
 * once (ticked checkboxes), or a consent's `{ name, date }`. Other fields are ignored.
 */
export function answersFromFormEntries(
  entries: Iterable<[string, unknown]>,
): Record<string, string | string[] | { name: string; date: string }> {
  const answers: Record<string, string | string[] | { name: string; date: string }> = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    const match = FIELD.exec(name);
    if (!match) continue;
    const [, id, part] = match as unknown as [string, string, "name" | "date" | undefined];
    if (part) {
      const existing = answers[id];
      const signed =
        existing && typeof existing === "object" && !Array.isArray(existing)
          ? existing
          : { name: "", date: "" };
      signed[part] = value;
      answers[id] = signed;
      continue;
    }
    const existing = answers[id];
    if (existing === undefined) answers[id] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else if (typeof existing === "string") answers[id] = [existing, value];
  }
  return answers;
}
