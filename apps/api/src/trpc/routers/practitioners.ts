import {
  idInputSchema,
  idSchema,
  imageAltSchema,
  imageUploadSchema,
  imageUrlSchema,
  practitionerInputSchema,
  slugSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  createPractitioner,
  deleteStaffPractitioner,
  describePractitionerPhoto,
  publicPractitionerBySlug,
  publicPractitioners,
  setPractitionerActive,
  staffPractitioner,
  staffPractitioners,
  updateStaffPractitioner,
  uploadPractitionerPhoto,
} from "../../catalog/practitioners.js";
import { permissionProcedure, publicReadProcedure } from "../trpc.js";

// Photos are set by uploadPhoto or as an http(s) address; never an arbitrary string.
const practitionerFieldsSchema = practitionerInputSchema.extend({
  photoUrl: imageUrlSchema.nullable(),
});

export const practitionersRouter = {
  /** Active practitioners with the services they offer, as the public sees them. */
  list: publicReadProcedure.query(({ ctx }) => publicPractitioners(ctx)),

  bySlug: publicReadProcedure
    .input(z.object({ slug: slugSchema }))
    .query(({ ctx, input }) => publicPractitionerBySlug(ctx, input.slug)),

  /** Staff: every practitioner, inactive ones included, with their services and booking count. */
  staffList: permissionProcedure("catalog.read").query(({ ctx }) => staffPractitioners(ctx)),

  /** Staff: one practitioner by id (NOT_FOUND otherwise). */
  get: permissionProcedure("catalog.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => staffPractitioner(ctx, input.id)),

  /**
   * Adds a practitioner; a slug already used is a field error on `slug`. Without a
   * `sortOrder` they are listed after everyone else. Returns the new record.
   */
  create: permissionProcedure("catalog.write")
    .input(
      practitionerFieldsSchema.extend({
        sortOrder: practitionerFieldsSchema.shape.sortOrder.optional(),
      }),
    )
    .mutation(({ ctx, input }) => createPractitioner(ctx, input)),

  /** Edits a practitioner's profile (services are linked from the service's side). */
  update: permissionProcedure("catalog.write")
    .input(practitionerFieldsSchema.extend({ id: idSchema }))
    .mutation(({ ctx, input }) => updateStaffPractitioner(ctx, input)),

  /**
   * Hides a practitioner from booking and the public site, keeping their
   * bookings and history. Returns how many upcoming bookings they still have,
   * for staff to move or cancel.
   */
  deactivate: permissionProcedure("catalog.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => setPractitionerActive(ctx, input.id, false)),

  /** Makes a deactivated practitioner bookable and public again. */
  reactivate: permissionProcedure("catalog.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => setPractitionerActive(ctx, input.id, true)),

  /**
   * Deletes a practitioner for good, only if they never had a booking and no
   * staff account is linked to them (CONFLICT otherwise: deactivate instead).
   */
  remove: permissionProcedure("catalog.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => deleteStaffPractitioner(ctx, input.id)),

  /**
   * Replaces a practitioner's photo with an uploaded JPEG, PNG or WebP (at most 8 MB; the
   * file's first bytes must match `contentType`) and its alt text. Resized to variants in the
   * image store and served at `/uploads/<file>` (decision 021).
   */
  uploadPhoto: permissionProcedure("catalog.write")
    .input(imageUploadSchema.extend({ id: idSchema }))
    .mutation(({ ctx, input }) => uploadPractitionerPhoto(ctx, input)),

  /** Changes the alt text of a practitioner's uploaded photo. */
  describePhoto: permissionProcedure("catalog.write")
    .input(z.object({ id: idSchema, alt: imageAltSchema }))
    .mutation(({ ctx, input }) => describePractitionerPhoto(ctx, input)),
} satisfies TRPCRouterRecord;
