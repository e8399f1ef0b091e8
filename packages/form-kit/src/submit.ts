import type { SubmissionResult } from "@conform-to/react";
import { type ApiRefusal, apiRefusal, type RefusalOptions } from "./api-refusal";

/** A parsed conform submission: all the kit needs of it is its `reply`. */
export interface RepliableSubmission {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    resetForm?: boolean;
  }): SubmissionResult<string[]>;
}

export interface CallOptions extends RefusalOptions {
  /**
   * Shown as the form's error (status 503, what was typed kept) when the API fails or can't be
   * reached. Without it such failures are thrown to the route's error boundary.
   */
  unavailable?: string;
}

export type CallResult<T> = { ok: true; value: T } | ({ ok: false } & ApiRefusal);

/** Runs one API call for an action: its value, or the refusal as messages for the form. */
export async function callApi<T>(
  call: () => Promise<T>,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const refusal = apiRefusal(error, options);
    if (refusal) return { ok: false, ...refusal };
    if (options.unavailable === undefined) throw error;
    return {
      ok: false,
      code: "UNAVAILABLE",
      status: 503,
      fieldErrors: {},
      formErrors: [options.unavailable],
      details: null,
    };
  }
}

export type SubmitResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; reply: SubmissionResult<string[]>; refusal: ApiRefusal };

/**
 * Sends a validated form to the API. A refusal comes back as the conform reply to return from
 * the action (each message next to its field, what was typed kept) with the status to answer.
 */
export async function submitToApi<T>(
  submission: RepliableSubmission,
  call: () => Promise<T>,
  options: CallOptions = {},
): Promise<SubmitResult<T>> {
  const result = await callApi(call, options);
  if (result.ok) return result;
  const { ok: _ok, ...refusal } = result;
  return {
    ok: false,
    status: refusal.status,
    reply: submission.reply({ fieldErrors: refusal.fieldErrors, formErrors: refusal.formErrors }),
    refusal,
  };
}
