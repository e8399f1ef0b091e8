import {
  clearSignInFailures,
  countRecentSignInFailures,
  decoyPasswordHash,
  deleteSessionsOfUser,
  findStaffByEmail,
  findStaffById,
  hashPassword,
  recordSignInFailure,
  touchStaffActivity,
  updateStaffUser,
  verifyPassword,
} from "@clinic/db";
import type { ChangePassword, SignInInput } from "@clinic/domain";
import { audit } from "../audit/audit.js";
import type { AppContext, StaffContext } from "../context.js";
import { FieldError, TooManyRequestsError, UnauthorizedError } from "../errors.js";
import { endSession, hashToken, startSession } from "./sessions.js";

/**
 * Failed passwords are counted per client address, so that a stranger's failures never lock
 * the account's owner out from elsewhere (lockout is no denial of service): this many for one
 * email from one address…
 */
export const MAX_SIGN_IN_FAILURES = 5;
/** …and this many from one address whatever the email, so spraying passwords across accounts stops too. */
export const MAX_SIGN_IN_FAILURES_PER_ADDRESS = 20;
const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
const INCORRECT = "Email or password is incorrect";

/**
 * Refuses while this address has had too many recent wrong passwords, for this email or for
 * any (sign-ins and password changes alike). Checked before the password, so a throttled
 * address learns nothing, even from the right one.
 */
async function refuseWhenThrottled(
  ctx: AppContext,
  email: string,
  messages: { account: string; address: string },
) {
  const since = new Date(ctx.now().getTime() - SIGN_IN_WINDOW_MS);
  const failures = await countRecentSignInFailures(ctx.db, { email, address: ctx.clientIp }, since);
  // Not on our own proxy's address (the admin app signing in without forwarding its visitor's):
  // the cap would lock every staff member out. Its per-email limit still holds.
  if (!ctx.clientIsTrustedProxy && failures.fromAddress >= MAX_SIGN_IN_FAILURES_PER_ADDRESS) {
    throw new TooManyRequestsError(messages.address);
  }
  if (failures.forEmailFromAddress >= MAX_SIGN_IN_FAILURES) {
    throw new TooManyRequestsError(messages.account);
  }
}

/**
 * Checks an email and password and starts a session; returns its token, its
 * expiry and the user. A wrong password and an unknown email get the same answer.
 */
export async function signIn(ctx: AppContext, input: SignInInput) {
  const now = ctx.now();
  await refuseWhenThrottled(ctx, input.email, {
    account:
      "Too many failed sign-in attempts for this account. Please wait 15 minutes and try again, or ask the clinic's owner to reset your password.",
    address:
      "Too many failed sign-in attempts from your connection. Please wait 15 minutes and try again.",
  });
  const user = await findStaffByEmail(ctx.db, input.email);
  // Unknown emails still pay for a hash check, so timing doesn't reveal which accounts exist.
  const valid = await verifyPassword(
    user?.passwordHash ?? (await decoyPasswordHash()),
    input.password,
  );
  if (!user?.active || !valid) {
    await recordSignInFailure(ctx.db, { email: input.email, address: ctx.clientIp }, now);
    ctx.logger.warn("sign-in failed", { email: input.email });
    throw new UnauthorizedError(INCORRECT);
  }
  await clearSignInFailures(ctx.db, input.email, ctx.clientIp);
  const session = await startSession(ctx.db, user.id, now);
  await touchStaffActivity(ctx.db, user.id, now);
  const { passwordHash: _hash, active: _active, ...publicUser } = user;
  return { ...session, user: publicUser };
}

/** Who is signed in, as the admin app shows them. */
export function signedInUser(ctx: StaffContext) {
  const { active: _active, ...user } = ctx.user;
  return user;
}

export async function signOut(ctx: AppContext, sessionToken: string) {
  await endSession(ctx.db, sessionToken);
  return { ok: true as const };
}

/**
 * Changes the user's own password after checking the current one, and signs
 * out their other sessions (`sessionToken`'s stays). Wrong current passwords
 * count towards the sign-in throttle.
 */
export async function changeOwnPassword(
  ctx: StaffContext,
  sessionToken: string,
  input: ChangePassword,
) {
  const now = ctx.now();
  const tooMany = "Too many wrong passwords. Please wait 15 minutes and try again.";
  await refuseWhenThrottled(ctx, ctx.user.email, { account: tooMany, address: tooMany });
  const account = await findStaffById(ctx.db, ctx.user.id);
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await recordSignInFailure(ctx.db, { email: ctx.user.email, address: ctx.clientIp }, now);
    throw new FieldError("currentPassword", "That isn't your current password");
  }
  const passwordHash = await hashPassword(input.newPassword);
  const endedSessions = await ctx.db.transaction(async (tx) => {
    await updateStaffUser(tx, ctx.user.id, { passwordHash });
    const ended = await deleteSessionsOfUser(tx, ctx.user.id, hashToken(sessionToken));
    await audit(tx, ctx, {
      action: "staff_user.change_password",
      entityId: ctx.user.id,
      changes: { endedSessions: { from: null, to: ended } },
    });
    return ended;
  });
  return { ok: true as const, endedSessions };
}
