import { type DatabaseConfig, SchemaNewerThanCodeError, sqlState } from "@clinic/db";

// Why a PostgreSQL server can't be used, by the error's code (node's or the server's SQLSTATE).
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: "nothing listens there",
  ENOTFOUND: "no such host",
  EAI_AGAIN: "the host name could not be looked up",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host is unreachable",
  "28P01": "the password was refused",
  "28000": "the user may not connect",
  "3D000": "the database does not exist",
};

function errorCode(error: unknown): string | undefined {
  const state = sqlState(error);
  if (state) return state;
  // A failed connection to every address of a host comes as an AggregateError of the tries.
  const inner = error instanceof AggregateError ? error.errors[0] : error;
  const code = (inner as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Where the database is, without its password. */
function where(config: DatabaseConfig): string {
  if (config.kind !== "postgres") return "the embedded database";
  const url = new URL(config.url);
  return `the database at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

/**
 * The one line a production start prints when it can't go on for a reason the operator must
 * fix (the database unreachable, or migrated by a newer release), or null for anything else,
 * which is a bug and keeps its stack trace. Never the password.
 */
export function startupFailure(error: unknown, config: DatabaseConfig): string | null {
  if (error instanceof SchemaNewerThanCodeError) return `cannot start: ${error.message}`;
  const code = errorCode(error);
  const reason = code ? UNREACHABLE[code] : undefined;
  if (!reason) return null;
  return `cannot start: ${where(config)} can't be used: ${reason} (${code}); check DATABASE_URL`;
}
