import type { z } from "zod";

export type DomainInput<T> =
  | { ok: true; input: T }
  | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Checks a form's values against the domain's schema for the API input: the input, or the
 * domain's objections keyed by the form's field (`fieldOf` renames or, with "", sends an
 * objection to the whole form).
 */
export function domainInput<Schema extends z.ZodType>(
  schema: Schema,
  values: unknown,
  fieldOf: (key: string) => string = (key) => key,
): DomainInput<z.output<Schema>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(String(issue.path[0] ?? ""));
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return { ok: false, fieldErrors };
}
