import {
  clearSignInFailures,
  createStaffUser,
  deleteSessionsOfUser,
  type Executor,
  findStaffById,
  hashPassword,
  listStaffAccounts,
  lockActiveOwnerIds,
  recordAudit,
  type StaffAccount,
  unknownPractitionerIds,
  updateStaffUser,
} from "@clinic/db";
import {
  idInputSchema,
  leavesNoActiveOwner,
  passwordResetSchema,
  type StaffRole,
  staffAccountCreateSchema,
  staffAccountUpdateSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { changedFields } from "../../audit/audit.js";
import type { StaffContext } from "../../context.js";
import { ConflictError, FieldError, NotFoundError, withUniqueField } from "../../errors.js";
import { permissionProcedure } from "../trpc.js";

const NOT_FOUND = "We couldn't find that staff account";
const LAST_OWNER = "The clinic needs at least one active owner. Make someone else an owner first.";

async function mustFind(ctx: StaffContext, id: string): Promise<StaffAccount> {
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

async function setActive(ctx: StaffContext, id: string, active: boolean) {
  const endedSessions = await ctx.db.transaction(async (tx) => {
    const before = await lockForChange(tx, id, (current) => ({ role: current.role, active }));
    await updateStaffUser(tx, id, { active });
    const ended = active ? 0 : await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, {
      at: ctx.now(),
      actor: { id: ctx.user.id, name: ctx.user.name },
      action: active ? "staff.reactivate" : "staff.deactivate",
      entity: "staff_user",
      entityId: id,
      changes: { active: { from: before.active, to: active }, endedSessions: ended },
    });
    return ended;
  });
  return { ...(await mustFind(ctx, id)), endedSessions };
}

export const staffRouter = {
  /** Owner: every staff account (active first), with its linked practitioner and last activity. */
  list: permissionProcedure("staff.manage").query(({ ctx }) => listStaffAccounts(ctx.db)),

  /** Owner: one account (NOT_FOUND otherwise). */
  get: permissionProcedure("staff.manage")
    .input(idInputSchema)
    .query(({ ctx, input }) => mustFind(ctx, input.id)),

  /**
   * Owner: adds an account with a first password (they should change it).
   * Practitioner accounts must be linked to a practitioner; an email already
   * used is a field error on `email`.
   */
  create: permissionProcedure("staff.manage")
    .input(staffAccountCreateSchema)
    .mutation(async ({ ctx, input }) => {
      const { password, ...account } = input;
      const passwordHash = await hashPassword(password);
      const created = await withUniqueField("email", "That email already has an account", () =>
        ctx.db.transaction(async (tx) => {
          await requireKnownPractitioner(tx, account.practitionerId);
          const user = await createStaffUser(tx, { ...account, passwordHash });
          await recordAudit(tx, {
            at: ctx.now(),
            actor: { id: ctx.user.id, name: ctx.user.name },
            action: "staff.create",
            entity: "staff_user",
            entityId: user.id,
            changes: { after: account },
          });
          return user;
        }),
      );
      return mustFind(ctx, created.id);
    }),

  /** Owner: changes an account's name, role and practitioner link; the last active owner keeps the owner role. */
  update: permissionProcedure("staff.manage")
    .input(staffAccountUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      const { id, ...fields } = input;
      await ctx.db.transaction(async (tx) => {
        const before = await lockForChange(tx, id, (current) => ({
          role: fields.role,
          active: current.active,
        }));
        await requireKnownPractitioner(tx, fields.practitionerId);
        await updateStaffUser(tx, id, fields);
        await recordAudit(tx, {
          at: ctx.now(),
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: "staff.update",
          entity: "staff_user",
          entityId: id,
          changes: changedFields(
            { name: before.name, role: before.role, practitionerId: before.practitionerId },
            fields,
          ),
        });
      });
      return mustFind(ctx, id);
    }),

  /** Owner: sets a new password for an account and signs it out everywhere. */
  resetPassword: permissionProcedure("staff.manage")
    .input(passwordResetSchema)
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.password);
      const endedSessions = await ctx.db.transaction(async (tx) => {
        const user = await findStaffById(tx, input.id, { lock: true });
        if (!user) throw new NotFoundError(NOT_FOUND);
        await updateStaffUser(tx, input.id, { passwordHash });
        // A locked-out user can sign in with the new password at once.
        await clearSignInFailures(tx, user.email);
        const ended = await deleteSessionsOfUser(tx, input.id);
        await recordAudit(tx, {
          at: ctx.now(),
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: "staff.reset_password",
          entity: "staff_user",
          entityId: input.id,
          changes: { endedSessions: ended },
        });
        return ended;
      });
      return { id: input.id, endedSessions };
    }),

  /** Owner: blocks an account from signing in and ends its sessions; never the last active owner. */
  deactivate: permissionProcedure("staff.manage")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => setActive(ctx, input.id, false)),

  /** Owner: lets a deactivated account sign in again. */
  reactivate: permissionProcedure("staff.manage")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => setActive(ctx, input.id, true)),
} satisfies TRPCRouterRecord;
