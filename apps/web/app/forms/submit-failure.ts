import { apiFieldErrors, isApiError } from "@clinic/api-client";

export type SubmitFailure =
  /** The API found fields invalid: show each message next to its field. */
  | { kind: "fields"; status: 400; fieldErrors: Record<string, string[]> }
  /** The API refused the submission (spam guard, rate limit) with a message meant for people. */
  | { kind: "refused"; status: 400 | 429; detail: string }
  /** The API failed or could not be reached: nothing human to pass on. */
  | { kind: "unavailable"; status: 503 };

/** What a failed submission to the API means for the person who sent the form. */
export function classifySubmitFailure(error: unknown): SubmitFailure {
  const fieldErrors = apiFieldErrors(error);
  if (fieldErrors && Object.keys(fieldErrors).length > 0) {
    return { kind: "fields", status: 400, fieldErrors };
  }
  if (isApiError(error, "TOO_MANY_REQUESTS")) {
    return { kind: "refused", status: 429, detail: error.message };
  }
  if (isApiError(error, "BAD_REQUEST")) {
    return { kind: "refused", status: 400, detail: error.message };
  }
  return { kind: "unavailable", status: 503 };
}
