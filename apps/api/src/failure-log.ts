import { sqlState } from "@clinic/db";

/** The driver's error under Drizzle's `DrizzleQueryError`: what PostgreSQL (or PGlite) said. */
interface DatabaseErrorFields {
  code: string;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
}

function databaseErrorIn(error: unknown): DatabaseErrorFields | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    // The error that carries the SQLSTATE itself, not a wrapper whose cause does.
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && sqlState(current) === code)
      return current as DatabaseErrorFields;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/** A stack's frames without its first line, which repeats the message. */
function framesOf(error: unknown): string | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  const frames = stack
    ?.split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");
  return frames || undefined;
}

export interface FailureFields {
  /** A safe description: `database error 42703`, or an error's type and message. */
  error: string;
  sqlState?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  stack?: string;
}

/**
 * What a log line may say about a failure. A database error is described by its SQLSTATE and
 * the names of the constraint, table and column involved, never by its message: Drizzle's
 * `DrizzleQueryError` message carries every bound parameter (patients' names, emails and
 * phones), and PostgreSQL's own messages and details quote the offending values. Other errors
 * keep their type and message (scrubbed again by the logger), and every error its stack frames.
 */
export function failureFields(error: unknown): FailureFields {
  const database = databaseErrorIn(error);
  const fields: FailureFields = { error: "" };
  if (database) {
    fields.sqlState = database.code;
    fields.constraint = text(database.constraint);
    fields.table = text(database.table);
    fields.column = text(database.column);
    fields.routine = text(database.routine);
    fields.error = `database error ${database.code}`;
  } else if (error instanceof Error) {
    fields.error = `${error.name}: ${error.message}`;
  } else {
    fields.error = typeof error;
  }
  fields.stack = framesOf(error);
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as FailureFields;
}
