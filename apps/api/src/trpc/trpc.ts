import type { Database } from "@clinic/db";
import type { Permission, StaffUser } from "@clinic/domain";
import { can, canOn } from "@clinic/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { resolveSession } from "../auth/sessions.js";
import type { Logger } from "../logger.js";
import { FieldValidationError } from "./field-error.js";

export interface Context {
  db: Database;
  logger: Logger;
  /** The current instant; injectable so time-based rules are testable. */
  now: () => Date;
  /** The bearer token sent by the admin app, if any. */
  sessionToken: string | null;
  /** The public site's address, for links in emails. */
  webUrl: string;
  /** Server secret: manage tokens and sender hashes are derived from it. */
  appSecret: string;
  /** The visitor's address as forwarded by the site (or the caller's own), for rate limits. */
  clientIp: string;
  /** Where uploaded images are stored. */
  uploadDir: string;
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

/**
 * Every procedure says who may call it: the public, any signed-in staff
 * member, or staff holding a permission of the domain's matrix. A test walks
 * the router and holds each procedure to what it declares.
 */
export type ProcedureMeta =
  | { access: "public" }
  | { access: "staff" }
  | { access: "staff"; permission: Permission };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
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
          : fieldErrors && !(error.cause instanceof FieldValidationError)
            ? "Some fields are invalid"
            : shape.message,
        data: { ...data, fieldErrors },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;
export const publicProcedure = t.procedure.meta({ access: "public" });

/** Needs a valid, unexpired staff session; puts the user on the context. */
export const staffProcedure = t.procedure.meta({ access: "staff" }).use(async ({ ctx, next }) => {
  const user = ctx.sessionToken ? await resolveSession(ctx.db, ctx.sessionToken, ctx.now()) : null;
  if (!user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue" });
  }
  return next({ ctx: { ...ctx, user, sessionToken: ctx.sessionToken! } });
});

/**
 * A staff procedure open to roles holding `permission` (with "all" or "own"
 * access); procedures with "own" access also check the record with `canOn`.
 */
export function permissionProcedure(permission: Permission) {
  return staffProcedure.meta({ access: "staff", permission }).use(({ ctx, next }) => {
    if (!can(ctx.user.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role doesn't allow this" });
    }
    return next();
  });
}

/** Throws FORBIDDEN unless the user may act on a record owned by that practitioner. */
export function requireAccessTo(
  user: StaffUser,
  permission: Permission,
  ownerPractitionerId: string | null,
): void {
  if (!canOn(user, permission, ownerPractitionerId)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "You can only change your own records",
    });
  }
}

export type StaffContext = Context & { user: StaffUser; sessionToken: string };
