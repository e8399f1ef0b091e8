import { apiFieldErrors, isApiError } from "@clinic/api-client";

/** What a form shows when the API refused a change: messages by field, and for the whole form. */
export interface ApiRefusal {
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
}

// Refusals people can act on; anything else (API down, a bug) is a real error and is thrown.
const EXPECTED = [
  "BAD_REQUEST",
  "CONFLICT",
  "NOT_FOUND",
  "PRECONDITION_FAILED",
  "FORBIDDEN",
] as const;

/**
 * Runs one API call for a form action. A refusal comes back as messages for the form: field
 * errors renamed to the form's own field names by `fieldNames` (e.g. the API's `priceCents` is
 * the form's `price`), and a field the form doesn't show becomes a message for the whole form.
 */
export async function callApi<T>(
  call: () => Promise<T>,
  options: { fields?: readonly string[]; fieldNames?: Readonly<Record<string, string>> } = {},
): Promise<{ ok: true; value: T } | ({ ok: false } & ApiRefusal)> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!EXPECTED.some((code) => isApiError(error, code))) throw error;
    const refusal = refusalOf(error, options);
    return { ok: false, ...refusal };
  }
}

function refusalOf(
  error: unknown,
  options: { fields?: readonly string[]; fieldNames?: Readonly<Record<string, string>> },
): ApiRefusal {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  const byField = apiFieldErrors(error);
  if (byField) {
    for (const [apiField, messages] of Object.entries(byField)) {
      const field = options.fieldNames?.[apiField] ?? apiField;
      const shown = options.fields === undefined || options.fields.includes(field);
      if (field !== "_form" && shown)
        fieldErrors[field] = [...(fieldErrors[field] ?? []), ...messages];
      else formErrors.push(...messages);
    }
  }
  if (Object.keys(fieldErrors).length === 0 && formErrors.length === 0) {
    formErrors.push(error instanceof Error && error.message ? error.message : "That didn't work.");
  }
  return { fieldErrors, formErrors: [...new Set(formErrors)] };
}
