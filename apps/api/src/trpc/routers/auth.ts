import {
  clearSignInFailures,
  countRecentSignInFailures,
  decoyPasswordHash,
  deleteSessionsOfUser,
  findStaffByEmail,
  findStaffById,
  hashPassword,
  recordAudit,
  recordSignInFailure,
  updateStaffUser,
  verifyPassword,
} from "@clinic/db";
import { changePasswordSchema, signInInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { endSession, hashToken, startSession } from "../../auth/sessions.js";
import { FieldError, TooManyRequestsError, UnauthorizedError } from "../../errors.js";
import { publicProcedure, staffProcedure } from "../trpc.js";

/** After this many failures for one email within the window, sign-in is refused for a while. */
export const MAX_SIGN_IN_FAILURES = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
const INCORRECT = "Email or password is incorrect";

export const authRouter = {
  signIn: publicProcedure.input(signInInputSchema).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
    if ((await countRecentSignInFailures(ctx.db, input.email, since)) >= MAX_SIGN_IN_FAILURES) {
      throw new TooManyRequestsError(
        "Too many failed sign-in attempts. Please wait 15 minutes and try again.",
      );
    }
    const user = await findStaffByEmail(ctx.db, input.email);
    // Unknown emails still pay for a hash check, so timing doesn't reveal which accounts exist.
    const valid = await verifyPassword(
      user?.passwordHash ?? (await decoyPasswordHash()),
      input.password,
    );
    if (!user?.active || !valid) {
      await recordSignInFailure(ctx.db, input.email, now);
      ctx.logger.warn("sign-in failed", { email: input.email });
      throw new UnauthorizedError(INCORRECT);
    }
    await clearSignInFailures(ctx.db, input.email);
    const session = await startSession(ctx.db, user.id, now);
    const { passwordHash: _hash, active: _active, ...publicUser } = user;
    return { ...session, user: publicUser };
  }),

  me: staffProcedure.query(({ ctx }) => {
    const { active: _active, ...user } = ctx.user;
    return user;
  }),

  signOut: staffProcedure.mutation(async ({ ctx }) => {
    await endSession(ctx.db, ctx.sessionToken);
    return { ok: true as const };
  }),

  /**
   * Any signed-in staff member: changes their own password after checking
   * the current one, and signs out their other sessions (this one stays).
   * Wrong current passwords count towards the sign-in throttle.
   */
  changePassword: staffProcedure.input(changePasswordSchema).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
    if ((await countRecentSignInFailures(ctx.db, ctx.user.email, since)) >= MAX_SIGN_IN_FAILURES) {
      throw new TooManyRequestsError(
        "Too many wrong passwords. Please wait 15 minutes and try again.",
      );
    }
    const account = await findStaffById(ctx.db, ctx.user.id);
    if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
      await recordSignInFailure(ctx.db, ctx.user.email, now);
      throw new FieldError("currentPassword", "That isn't your current password");
    }
    const passwordHash = await hashPassword(input.newPassword);
    const endedSessions = await ctx.db.transaction(async (tx) => {
      await updateStaffUser(tx, ctx.user.id, { passwordHash });
      const ended = await deleteSessionsOfUser(tx, ctx.user.id, hashToken(ctx.sessionToken));
      await recordAudit(tx, {
        at: ctx.now(),
        actor: { id: ctx.user.id, name: ctx.user.name },
        action: "staff.change_password",
        entity: "staff_user",
        entityId: ctx.user.id,
        changes: { endedSessions: ended },
      });
      return ended;
    });
    return { ok: true as const, endedSessions };
  }),
} satisfies TRPCRouterRecord;
