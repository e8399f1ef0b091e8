import type { ZodType } from "zod";
import { appRouter } from "../trpc/root.js";
import type { ProcedureMeta } from "../trpc/trpc.js";

/** One procedure of the router, as tests that walk every procedure see it. */
export interface RouterProcedure {
  /** Dotted path, e.g. "bookings.create". */
  path: string;
  type: "query" | "mutation";
  meta: ProcedureMeta | undefined;
  /** The zod schemas given to `.input()` (none for procedures without input). */
  inputs: ZodType[];
}

/**
 * Every procedure of the app router, read from the router itself, so tests
 * that walk them (permissions, generated input) cover a new procedure
 * without being told about it.
 */
export function routerProcedures(): RouterProcedure[] {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: ProcedureMeta; type: "query" | "mutation"; inputs?: unknown[] } }
  >;
  return Object.entries(procedures).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    meta: procedure._def.meta,
    inputs: (procedure._def.inputs ?? []) as ZodType[],
  }));
}
