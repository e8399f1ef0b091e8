import { sqlState } from "@clinic/db";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { AppError, type AppErrorKind } from "../errors.js";

const CODE_OF: Record<AppErrorKind, TRPC_ERROR_CODE_KEY> = {
  bad_request: "BAD_REQUEST",
  unauthorized: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  precondition_failed: "PRECONDITION_FAILED",
  unprocessable_content: "UNPROCESSABLE_CONTENT",
  too_many_requests: "TOO_MANY_REQUESTS",
};

/**
 * The one place a failure becomes a tRPC error: application errors by kind,
 * and database errors by SQLSTATE class. Class 22 (data exception: a value
 * PostgreSQL can't store) is the caller's bad input; class 23 (integrity
 * constraint: unique, foreign key, check, exclusion) a conflict with the data
 * as it stands. Services that know which field a constraint guards say so
 * first (`withUniqueField`); this is the floor under them. Anything else is
 * a 500, logged by the handler.
 */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) {
    // tRPC wraps what a resolver throws; what matters is what it wrapped.
    return error.code === "INTERNAL_SERVER_ERROR" && error.cause ? toTRPCError(error.cause) : error;
  }
  if (error instanceof AppError) {
    return new TRPCError({ code: CODE_OF[error.kind], message: error.message, cause: error });
  }
  if (isInvalidTimeValue(error)) {
    return new TRPCError({
      code: "BAD_REQUEST",
      message: "A date or time is outside the range we can work with. Check it and try again.",
      cause: error as Error,
    });
  }
  const state = sqlState(error);
  if (state?.startsWith("22")) {
    return new TRPCError({
      code: "BAD_REQUEST",
      message: "Some of what was sent can't be stored. Check the values and try again.",
      cause: error as Error,
    });
  }
  if (state?.startsWith("23")) {
    return new TRPCError({
      code: "CONFLICT",
      message: "That conflicts with the clinic's records as they stand now. Reload and try again.",
      cause: error as Error,
    });
  }
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    cause: error instanceof Error ? error : undefined,
  });
}

/**
 * A date too far out to compute with: `z.date()` accepts any valid Date (up to
 * year ±275760), but date arithmetic on one near the edge (date-fns, a time
 * zone conversion, `toISOString`) throws `RangeError: Invalid time value`, in
 * the service or inside the database driver. Like class 22, that is the
 * caller's bad input; services still name the field where they can (a
 * schema bound on the date comes first). Only this message: another
 * RangeError (a stack overflow, an array length) is our bug and stays a 500.
 */
function isInvalidTimeValue(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof RangeError && /^Invalid (time value|Date)$/i.test(current.message))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export type FieldErrors = Record<string, string[]>;

/** Field errors from a validation failure (zod's issues or a `FieldError`), keyed by dotted path. */
export function fieldErrorsOf(cause: unknown): FieldErrors | null {
  const issues = (cause as { issues?: unknown })?.issues;
  if (!Array.isArray(issues)) return null;
  const errors: FieldErrors = {};
  for (const issue of issues as { path?: PropertyKey[]; message: string }[]) {
    const key = (issue.path ?? []).map(String).join(".") || "_form";
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}
