import { isApiError } from "@clinic/api-client";

/**
 * The API's refusals a person can act on, by tRPC code, with the HTTP status a
 * form action answers with. Anything else (the API down, a bug) is not a
 * refusal: it is thrown, or shown as "unavailable" where a form asks for that.
 */
export const REFUSAL_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
} as const;

export type RefusalCode = keyof typeof REFUSAL_STATUS;

/** What a form shows when the API refused a change. */
export interface ApiRefusal {
  /** The API's code; `UNAVAILABLE` when it failed or couldn't be reached (see `callApi`). */
  code: RefusalCode | "UNAVAILABLE";
  status: number;
  /** Messages by the form's own field names. */
  fieldErrors: Record<string, string[]>;
  /** Messages for the whole form: the API's message, or field errors the form doesn't show. */
  formErrors: string[];
  /** Structured data the API sent with the refusal (e.g. the bookings a change would orphan). */
  details: unknown;
}

export interface RefusalOptions {
  /**
   * The fields the form shows; an API field error on any other field becomes a message for the
   * whole form. Omitted: every field counts as shown.
   */
  fields?: readonly string[];
  /** The form's names for the API's fields, e.g. `{ priceCents: "price" }`. */
  fieldNames?: Readonly<Record<string, string>>;
}

function refusalCode(error: unknown): RefusalCode | null {
  if (!isApiError(error)) return null;
  const code = error.data?.code;
  return typeof code === "string" && Object.hasOwn(REFUSAL_STATUS, code)
    ? (code as RefusalCode)
    : null;
}

/** The refusal an API error stands for, or null when it isn't one (the API failed). */
export function apiRefusal(error: unknown, options: RefusalOptions = {}): ApiRefusal | null {
  const code = refusalCode(error);
  if (!code || !isApiError(error)) return null;
  const data = error.data as {
    fieldErrors?: Record<string, string[]> | null;
    details?: unknown;
  };
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const [apiField, messages] of Object.entries(data.fieldErrors ?? {})) {
    const field = options.fieldNames?.[apiField] ?? apiField;
    const shown = options.fields === undefined || options.fields.includes(field);
    if (field !== "_form" && shown)
      fieldErrors[field] = [...(fieldErrors[field] ?? []), ...messages];
    else formErrors.push(...messages);
  }
  if (Object.keys(fieldErrors).length === 0 && formErrors.length === 0) {
    formErrors.push(error.message || "That didn't work.");
  }
  return {
    code,
    status: REFUSAL_STATUS[code],
    fieldErrors,
    formErrors: [...new Set(formErrors)],
    details: data.details ?? null,
  };
}
