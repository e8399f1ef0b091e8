import {
  idInputSchema,
  passwordResetSchema,
  staffAccountCreateSchema,
  staffAccountUpdateSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import {
  createStaffAccount,
  resetStaffPassword,
  setStaffAccountActive,
  staffAccount,
  staffAccounts,
  updateStaffAccount,
} from "../../staff/staff-accounts.js";
import { permissionProcedure } from "../trpc.js";

export const staffRouter = {
  /** Owner: every staff account (active first), with its linked practitioner and last activity. */
  list: permissionProcedure("staff.manage").query(({ ctx }) => staffAccounts(ctx)),

  /** Owner: one account (NOT_FOUND otherwise). */
  get: permissionProcedure("staff.manage")
    .input(idInputSchema)
    .query(({ ctx, input }) => staffAccount(ctx, input.id)),

  /**
   * Owner: adds an account with a first password (they should change it).
   * Practitioner accounts must be linked to a practitioner; an email already
   * used is a field error on `email`.
   */
  create: permissionProcedure("staff.manage")
    .input(staffAccountCreateSchema)
    .mutation(({ ctx, input }) => createStaffAccount(ctx, input)),

  /** Owner: changes an account's name, role and practitioner link; the last active owner keeps the owner role. */
  update: permissionProcedure("staff.manage")
    .input(staffAccountUpdateSchema)
    .mutation(({ ctx, input }) => updateStaffAccount(ctx, input)),

  /** Owner: sets a new password for an account and signs it out everywhere. */
  resetPassword: permissionProcedure("staff.manage")
    .input(passwordResetSchema)
    .mutation(({ ctx, input }) => resetStaffPassword(ctx, input)),

  /** Owner: blocks an account from signing in and ends its sessions; never the last active owner. */
  deactivate: permissionProcedure("staff.manage")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => setStaffAccountActive(ctx, input.id, false)),

  /** Owner: lets a deactivated account sign in again. */
  reactivate: permissionProcedure("staff.manage")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => setStaffAccountActive(ctx, input.id, true)),
} satisfies TRPCRouterRecord;
