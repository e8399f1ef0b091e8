import {
  clearSignInFailures,
  createStaffUser,
  deleteSessionsOfUser,
  type Executor,
  findStaffById,
  hashPassword,
  listStaffAccounts,
  lockActiveOwnerIds,
  type StaffAccount,
  unknownPractitionerIds,
  updateStaffUser,
} from "@clinic/db";
import {
  leavesNoActiveOwner,
  type StaffAccountCreate,
  type StaffAccountUpdate,
  type StaffRole,
} from "@clinic/domain";
import { audit, changedFields, createdFields } from "../audit/audit.js";
import type { StaffContext } from "../context.js";
import { ConflictError, FieldError, NotFoundError, withUniqueField } from "../errors.js";

const NOT_FOUND = "We couldn't find that staff account";
const LAST_OWNER = "The clinic needs at least one active owner. Make someone else an owner first.";

/** Every staff account (active first), with its linked practitioner and last activity. */
export function staffAccounts(ctx: StaffContext) {
  return listStaffAccounts(ctx.db);
}

export async function staffAccount(ctx: StaffContext, id: string): Promise<StaffAccount> {
  const [account] = await listStaffAccounts(ctx.db, { id });
  if (!account) throw new NotFoundError(NOT_FOUND);
  return account;
}

async function requireKnownPractitioner(tx: Executor, practitionerId: string | null) {
  if (practitionerId && (await unknownPractitionerIds(tx, [practitionerId])).length > 0) {
    throw new FieldError("practitionerId", "Choose a practitioner from the clinic's list");
  }
}

/**
 * Locks the active owners and the account, and refuses a change that would
 * leave no active owner. Returns the account as it was.
 */
async function lockForChange(
  tx: Executor,
  id: string,
  next: (current: { role: StaffRole; active: boolean }) => { role: StaffRole; active: boolean },
) {
  const ownerIds = await lockActiveOwnerIds(tx);
  const current = await findStaffById(tx, id, { lock: true });
  if (!current) throw new NotFoundError(NOT_FOUND);
  const after = next(current);
  if (
    leavesNoActiveOwner(ownerIds, { userId: id, nextRole: after.role, nextActive: after.active })
  ) {
    throw new ConflictError(LAST_OWNER);
  }
  return current;
}

/**
 * Adds an account with a first password (they should change it). An email
 * already used is a field error on `email`; the password is never logged.
 */
export async function createStaffAccount(ctx: StaffContext, input: StaffAccountCreate) {
  const { password, ...account } = input;
  const passwordHash = await hashPassword(password);
  const created = await withUniqueField("email", "That email already has an account", () =>
    ctx.db.transaction(async (tx) => {
      await requireKnownPractitioner(tx, account.practitionerId);
      const user = await createStaffUser(tx, { ...account, passwordHash });
      await audit(tx, ctx, {
        action: "staff_user.create",
        entityId: user.id,
        changes: createdFields(account),
      });
      return user;
    }),
  );
  return staffAccount(ctx, created.id);
}

/** Changes an account's name, role and practitioner link; the last active owner keeps the owner role. */
export async function updateStaffAccount(ctx: StaffContext, input: StaffAccountUpdate) {
  const { id, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    const before = await lockForChange(tx, id, (current) => ({
      role: fields.role,
      active: current.active,
    }));
    await requireKnownPractitioner(tx, fields.practitionerId);
    await updateStaffUser(tx, id, fields);
    await audit(tx, ctx, {
      action: "staff_user.update",
      entityId: id,
      changes: changedFields(
        { name: before.name, role: before.role, practitionerId: before.practitionerId },
        fields,
      ),
    });
  });
  return staffAccount(ctx, id);
}

/** Sets a new password for an account and signs it out everywhere; returns how many sessions ended. */
export async function resetStaffPassword(
  ctx: StaffContext,
  input: { id: string; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  const endedSessions = await ctx.db.transaction(async (tx) => {
    const user = await findStaffById(tx, input.id, { lock: true });
    if (!user) throw new NotFoundError(NOT_FOUND);
    await updateStaffUser(tx, input.id, { passwordHash });
    // A locked-out user can sign in with the new password at once.
    await clearSignInFailures(tx, user.email);
    const ended = await deleteSessionsOfUser(tx, input.id);
    await audit(tx, ctx, {
      action: "staff_user.reset_password",
      entityId: input.id,
      changes: { endedSessions: { from: null, to: ended } },
    });
    return ended;
  });
  return { id: input.id, endedSessions };
}

/**
 * Blocks an account from signing in (ending its sessions; never the last
 * active owner), or lets it sign in again.
 */
export async function setStaffAccountActive(ctx: StaffContext, id: string, active: boolean) {
  const endedSessions = await ctx.db.transaction(async (tx) => {
    const before = await lockForChange(tx, id, (current) => ({ role: current.role, active }));
    await updateStaffUser(tx, id, { active });
    const ended = active ? 0 : await deleteSessionsOfUser(tx, id);
    await audit(tx, ctx, {
      action: active ? "staff_user.reactivate" : "staff_user.deactivate",
      entityId: id,
      changes: {
        active: { from: before.active, to: active },
        endedSessions: { from: null, to: ended },
      },
    });
    return ended;
  });
  return { ...(await staffAccount(ctx, id)), endedSessions };
}
