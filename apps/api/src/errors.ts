import { SQLSTATE, sqlState } from "@clinic/db";

/**
 * Why a service refused a request, in the application's terms. Services throw
 * these and know nothing of tRPC or HTTP; `trpc/errors.ts` is the one place
 * that turns them (and database errors) into the transport's codes.
 */
export type AppErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_failed"
  | "unprocessable_content"
  | "too_many_requests";

export class AppError<Details = unknown> extends Error {
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    /** Structured data for the caller (e.g. the bookings a change would orphan). */
    readonly details?: Details,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request can't be done as asked, with no one field to blame. */
export class BadRequestError extends AppError {
  constructor(message: string) {
    super("bad_request", message);
  }
}

/** One field's value is wrong, found after parsing (e.g. "that time isn't bookable"). */
export class FieldError extends AppError {
  /** In the shape of a schema's issues, so callers read both alike. */
  readonly issues: { path: string[]; message: string }[];
  constructor(field: string, message: string) {
    super("bad_request", message);
    this.issues = [{ path: field.split("."), message }];
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Please sign in to continue") {
    super("unauthorized", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Your role doesn't allow this") {
    super("forbidden", message);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super("not_found", message);
  }
}

/** The request lost to another change (a slot just taken, a row with dependants). */
export class ConflictError extends AppError {
  /** When one field's value is what conflicts (a time over another booking), as `FieldError` says it. */
  readonly issues: { path: string[]; message: string }[] | undefined;
  constructor(message: string, options: { field?: string } = {}) {
    super("conflict", message);
    this.issues = options.field ? [{ path: options.field.split("."), message }] : undefined;
  }
}

/** The change needs something first (a confirmation, a state); `details` says what. */
export class PreconditionFailedError<Details = unknown> extends AppError<Details> {
  constructor(message: string, details?: Details) {
    super("precondition_failed", message, details);
  }
}

/**
 * Well-formed, but it contradicts what the same request said before (e.g. an
 * idempotency key reused for a different booking): retrying won't help.
 */
export class UnprocessableContentError extends AppError {
  constructor(message: string) {
    super("unprocessable_content", message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string) {
    super("too_many_requests", message);
  }
}

/**
 * Runs a write (usually a whole transaction); a unique violation becomes a
 * field error on `field`, e.g. a slug or email already taken by another row.
 * The database decides, so two concurrent writes can't both take the value.
 */
export async function withUniqueField<T>(
  field: string,
  message: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppError) && sqlState(error) === SQLSTATE.uniqueViolation) {
      throw new FieldError(field, message);
    }
    throw error;
  }
}

/** The slug message every area uses. */
export const SLUG_TAKEN = "That address is already used";
