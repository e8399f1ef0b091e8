import type { Database } from "@clinic/db";
import type { StaffRole, StaffUser } from "@clinic/domain";
import { hasRole } from "@clinic/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { resolveSession } from "../auth/sessions.js";
import type { Logger } from "../logger.js";

export interface Context {
  db: Database;
  logger: Logger;
  /** The current instant; injectable so time-based rules are testable. */
  now: () => Date;
  /** The bearer token sent by the admin app, if any. */
  sessionToken: string | null;
}

export type FieldErrors = Record<string, string[]>;

/** Field errors from a zod (or any standard-schema) validation failure, keyed by dotted path. */
function fieldErrorsOf(cause: unknown): FieldErrors | null {
  const issues = (cause as { issues?: unknown })?.issues;
  if (!Array.isArray(issues)) return null;
  const errors: FieldErrors = {};
  for (const issue of issues as { path?: PropertyKey[]; message: string }[]) {
    const key = (issue.path ?? []).map(String).join(".") || "_form";
    errors[key] = [...(errors[key] ?? []), issue.message];
  }
  return errors;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  isDev: false,
  errorFormatter({ shape, error }) {
    const fieldErrors = error.code === "BAD_REQUEST" ? fieldErrorsOf(error.cause) : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      // Unknown failures are logged with their stack by the handler; the caller learns nothing internal.
      message: internal
        ? "Something went wrong on our side. Please try again."
        : fieldErrors
          ? "Some fields are invalid"
          : shape.message,
      data: { ...data, fieldErrors },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;
export const publicProcedure = t.procedure;

/** Needs a valid, unexpired staff session; puts the user on the context. */
export const staffProcedure = t.procedure.use(async ({ ctx, next }) => {
  const user = ctx.sessionToken ? await resolveSession(ctx.db, ctx.sessionToken, ctx.now()) : null;
  if (!user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue" });
  }
  return next({ ctx: { ...ctx, user, sessionToken: ctx.sessionToken! } });
});

/** A staff procedure open only to the given roles (the owner may always). */
export function roleProcedure(...roles: StaffRole[]) {
  return staffProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.user.role, roles)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role doesn't allow this" });
    }
    return next();
  });
}

export type StaffContext = Context & { user: StaffUser; sessionToken: string };
