import type { Permission } from "@clinic/domain";
import { can } from "@clinic/domain";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { looksLikeApiKey, recordApiKeyUse, resolveApiKey } from "../api-keys/api-keys.js";
import { resolveSession } from "../auth/sessions.js";
import type { AnswerWindow } from "../cache/public-cache.js";
import type { AppContext } from "../context.js";
import { AppError, ForbiddenError, UnauthorizedError } from "../errors.js";
import { fieldErrorsOf, toTRPCError } from "./errors.js";

/** A request's context: what services need, plus the bearer token the admin app sent, if any. */
export interface Context extends AppContext {
  sessionToken: string | null;
  /** A signed-in patient's session token, from the public site (patient self-service). */
  patientSessionToken?: string | null;
}

/**
 * Every procedure says who may call it: the public, any signed-in staff
 * member, or staff holding a permission of the domain's matrix. A test walks
 * the router and holds each procedure to what it declares.
 */
export type ProcedureMeta = (
  | { access: "public" }
  | { access: "staff" }
  | { access: "staff"; permission: Permission }
) & {
  /**
   * A mutation that can't change what the public reads (sign-in, enquiries, a pending
   * review) says so, and leaves the public caches alone; every other one drops them.
   */
  publicContent?: "unchanged";
  /**
   * A public query answered from the public cache alone: the same input gives every caller
   * the same answer, so its whole HTTP answer may be kept (cache/shared-answers.ts).
   */
  publicRead?: true;
  /**
   * A public procedure that goes on only for a live patient session (self-service, decision
   * 031): the router walks call it without one, with a staff one, and with a patient's.
   */
  patientSession?: true;
};

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    isDev: false,
    errorFormatter({ shape, error }) {
      const fieldErrors =
        error.code === "BAD_REQUEST" || error.code === "CONFLICT"
          ? fieldErrorsOf(error.cause)
          : null;
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const { stack: _stack, ...data } = shape.data;
      // A refusal's structured data (e.g. the bookings a change would orphan), for the caller.
      const details = error.cause instanceof AppError ? (error.cause.details ?? null) : null;
      return {
        ...shape,
        // Unknown failures are logged with their stack by the handler; the caller learns nothing internal.
        message: internal
          ? "Something went wrong on our side. Please try again."
          : fieldErrors && !(error.cause instanceof AppError)
            ? "Some fields are invalid"
            : shape.message,
        data: { ...data, fieldErrors, details },
      };
    },
  });

/** Application and database errors become tRPC errors here, whichever procedure threw them. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

/** Every call counted with its outcome and duration, for `/metrics` (after the errors are mapped). */
const measure = t.middleware(async ({ ctx, path, next }) => {
  if (!ctx.metrics) return next();
  const started = performance.now();
  const result = await next();
  const outcome = result.ok ? "ok" : result.error.code;
  ctx.metrics.procedureCalled(path, outcome, (performance.now() - started) / 1000);
  return result;
});

/**
 * The one place writes reach the public caches (decision 015): a mutation that
 * ended, or failed on our side (it may have committed before failing), drops
 * them on this instance and tells the others, before its answer is sent. A
 * refusal (4xx) wrote nothing ("never a partial write").
 */
const publishChanges = t.middleware(async ({ ctx, type, meta, next }) => {
  const result = await next();
  if (type !== "mutation" || meta?.publicContent === "unchanged" || !ctx.cache) return result;
  if (result.ok || toTRPCError(result.error).code === "INTERNAL_SERVER_ERROR") {
    await ctx.cache.changed();
  }
  return result;
});

const procedure = t.procedure.use(measure).use(mapErrors).use(publishChanges);

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;
export const publicProcedure = procedure.meta({ access: "public" });

/**
 * A public query of content anyone may read, answered through `cachedRead` only (never
 * personal data). Each call gets its own window for the reads to narrow; the request's
 * answer is kept only if every call was served from the cache.
 */
export const publicReadProcedure = procedure
  .meta({ access: "public", publicRead: true })
  .use(async ({ ctx, next }) => {
    const request = ctx.answer;
    if (!request) return next();
    const call: AnswerWindow = {
      from: request.from,
      until: Number.POSITIVE_INFINITY,
      fromCache: true,
      reads: 0,
    };
    const result = await next({ ctx: { answer: call } });
    request.from = Math.max(request.from, call.from);
    request.until = Math.min(request.until, call.until);
    // A call that read nothing through the cache answered from somewhere else.
    request.fromCache &&= call.fromCache && call.reads > 0;
    return result;
  });

/**
 * A public mutation whose writes the public never reads back (sign-in, the contact and
 * review forms, which wait for moderation): it leaves the public caches alone, so a flood
 * of submissions can't keep emptying them.
 */
export const publicSubmitProcedure = procedure.meta({
  access: "public",
  publicContent: "unchanged",
});

/**
 * Needs a valid, unexpired staff session, or a staff API key (decision 033); puts the user on
 * the context. A key reaches only procedures of the permission matrix (not the account's own
 * procedures, nor keys themselves), and each call made with one is audited with its outcome.
 */
export const staffProcedure = procedure
  .meta({ access: "staff" })
  .use(async ({ ctx, meta, path, next }) => {
    const token = ctx.sessionToken;
    if (token && looksLikeApiKey(token)) {
      const caller = await resolveApiKey(ctx.db, token, ctx.now());
      if (!caller)
        throw new UnauthorizedError(
          "This API key is not valid: it may have expired or been revoked",
        );
      const permission = meta && "permission" in meta ? meta.permission : undefined;
      let outcome = "OK";
      try {
        if (!permission || permission === "apiKeys.manage") {
          throw new ForbiddenError("API keys can't do this: sign in to the admin instead");
        }
        const result = await next({ ctx: { ...ctx, user: caller.user, sessionToken: token } });
        if (!result.ok) outcome = toTRPCError(result.error).code;
        return result;
      } catch (error) {
        outcome = toTRPCError(error).code;
        throw error;
      } finally {
        await recordApiKeyUse(ctx.db, caller, ctx.now(), { procedure: path, outcome });
      }
    }
    const user = token ? await resolveSession(ctx.db, token, ctx.now()) : null;
    if (!user) throw new UnauthorizedError();
    return next({ ctx: { ...ctx, user, sessionToken: token! } });
  });

/**
 * A staff procedure open to roles holding `permission` (with "all" or "own"
 * access); services check "own" records with `requireAccessTo`.
 */
export function permissionProcedure(permission: Permission) {
  return staffProcedure.meta({ access: "staff", permission }).use(({ ctx, next }) => {
    if (!can(ctx.user.role, permission)) throw new ForbiddenError();
    return next();
  });
}

/**
 * A CSV export of a list (owner and front desk): a mutation because it is audited, and one
 * that changes nothing the public reads, so it leaves the public caches alone.
 */
export const exportProcedure = permissionProcedure("lists.export").meta({
  access: "staff",
  permission: "lists.export",
  publicContent: "unchanged",
});
