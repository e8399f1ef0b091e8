import {
  idInputSchema,
  idSchema,
  intakeDraftInputSchema,
  intakeSaveInputSchema,
  intakeTokenSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  intakeAnswersForPatient,
  intakeFormByToken,
  intakeFormEditor,
  intakeFormVersion,
  intakeStatusForBooking,
  intakeStatusForPatient,
  publishIntakeForm,
  saveIntakeByToken,
  saveIntakeFormDraft,
} from "../../intake/intake-forms.js";
import { permissionProcedure, publicProcedure, publicSubmitProcedure } from "../trpc.js";

/**
 * The clinic's intake form (decision 029). Nothing here is public content: no write touches
 * the public caches.
 */
export const intakeRouter = {
  // --- The patient, through the link in their confirmation email. ---

  /** The form a link opens, with the answers saved so far (or that it was submitted / expired). */
  byToken: publicProcedure
    .input(z.object({ token: intakeTokenSchema }))
    .query(({ ctx, input }) => intakeFormByToken(ctx, input.token)),

  /** Saves answers as they go (`submit: false`) or completes the form (`submit: true`). */
  saveByToken: publicSubmitProcedure
    .input(intakeSaveInputSchema)
    .mutation(({ ctx, input }) => saveIntakeByToken(ctx, input)),

  // --- The owner builds the form. ---

  /** The draft, whether it has unpublished changes, and every published version. */
  editor: permissionProcedure("intake.manage").query(({ ctx }) => intakeFormEditor(ctx)),

  /** Saves the draft (patients keep getting the published version). */
  saveDraft: permissionProcedure("intake.manage")
    .meta({ access: "staff", permission: "intake.manage", publicContent: "unchanged" })
    .input(intakeDraftInputSchema)
    .mutation(({ ctx, input }) => saveIntakeFormDraft(ctx, input.definition)),

  /** Saves the draft and publishes it as the next version. */
  publish: permissionProcedure("intake.manage")
    .meta({ access: "staff", permission: "intake.manage", publicContent: "unchanged" })
    .input(intakeDraftInputSchema)
    .mutation(({ ctx, input }) => publishIntakeForm(ctx, input.definition)),

  /** One published version, as published. */
  version: permissionProcedure("intake.manage")
    .input(idInputSchema)
    .query(({ ctx, input }) => intakeFormVersion(ctx, input.id)),

  // --- Staff read where forms stand, and (whose role allows it) the answers. ---

  /** A patient's forms and where each stands; no answers (the front desk sees this much). */
  statusForPatient: permissionProcedure("patients.read")
    .input(z.object({ patientId: idSchema }))
    .query(({ ctx, input }) => intakeStatusForPatient(ctx, input.patientId)),

  /** Where the form of a booking's patient stands; no answers. */
  statusForBooking: permissionProcedure("bookings.read")
    .input(z.object({ bookingId: idSchema }))
    .query(({ ctx, input }) => intakeStatusForBooking(ctx, input.bookingId)),

  /**
   * A patient's answers with the questions of the version each form answered. A mutation
   * because every read is audited.
   */
  answersForPatient: permissionProcedure("intake.read")
    .meta({ access: "staff", permission: "intake.read", publicContent: "unchanged" })
    .input(z.object({ patientId: idSchema, bookingId: idSchema.optional() }))
    .mutation(({ ctx, input }) => intakeAnswersForPatient(ctx, input)),
} satisfies TRPCRouterRecord;
