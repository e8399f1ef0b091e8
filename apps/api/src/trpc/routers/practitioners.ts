import {
  countBookingsOf,
  countStaffLinkedTo,
  countUpcomingBookingsOf,
  deletePractitioner,
  findStaffPractitioner,
  insertPractitioner,
  listPublicPractitioners,
  listStaffPractitioners,
  lockCatalogRow,
  recordAudit,
  type StaffPractitioner,
  updatePractitioner,
} from "@clinic/db";
import {
  idInputSchema,
  idSchema,
  imageTypeOf,
  imageUrlSchema,
  MAX_PHOTO_BYTES,
  photoUploadSchema,
  practitionerInputSchema,
  slugSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { changedFields } from "../../audit/audit.js";
import type { StaffContext } from "../../context.js";
import {
  ConflictError,
  FieldError,
  NotFoundError,
  SLUG_TAKEN,
  withUniqueField,
} from "../../errors.js";
import { removeStoredImage, storeImage } from "../../uploads/photos.js";
import { permissionProcedure, publicProcedure } from "../trpc.js";

const NOT_FOUND = "We couldn't find that practitioner";

// Photos are set by uploadPhoto or as an http(s) address; never an arbitrary string.
const practitionerFieldsSchema = practitionerInputSchema.extend({
  photoUrl: imageUrlSchema.nullable(),
});

async function mustFind(ctx: StaffContext, id: string): Promise<StaffPractitioner> {
  const practitioner = await findStaffPractitioner(ctx.db, id);
  if (!practitioner) throw new NotFoundError(NOT_FOUND);
  return practitioner;
}

function editableFields(p: StaffPractitioner) {
  return {
    slug: p.slug,
    name: p.name,
    title: p.title,
    bio: p.bio,
    photoUrl: p.photoUrl,
    active: p.active,
    sortOrder: p.sortOrder,
  };
}

/** Turns a practitioner on or off for booking and the public site; their records stay. */
async function setActive(ctx: StaffContext, id: string, active: boolean) {
  const before = await mustFind(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await updatePractitioner(tx, id, { active });
    await recordAudit(tx, {
      at: ctx.now(),
      actor: { id: ctx.user.id, name: ctx.user.name },
      action: active ? "practitioner.reactivate" : "practitioner.deactivate",
      entity: "practitioner",
      entityId: id,
      changes: { active: { from: before.active, to: active } },
    });
  });
  return {
    id,
    active,
    upcomingBookings: await countUpcomingBookingsOf(ctx.db, { practitionerId: id }, ctx.now()),
  };
}

export const practitionersRouter = {
  /** Active practitioners with the services they offer, as the public sees them. */
  list: publicProcedure.query(({ ctx }) => listPublicPractitioners(ctx.db)),

  bySlug: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
    const [practitioner] = await listPublicPractitioners(ctx.db, { slug: input.slug });
    if (!practitioner) {
      throw new NotFoundError(NOT_FOUND);
    }
    return practitioner;
  }),

  /** Staff: every practitioner, inactive ones included, with their services and booking count. */
  staffList: permissionProcedure("catalog.read").query(({ ctx }) => listStaffPractitioners(ctx.db)),

  /** Staff: one practitioner by id (NOT_FOUND otherwise). */
  get: permissionProcedure("catalog.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => mustFind(ctx, input.id)),

  /** Adds a practitioner; a slug already used is a field error on `slug`. Returns the new record. */
  create: permissionProcedure("catalog.write")
    .input(practitionerFieldsSchema)
    .mutation(async ({ ctx, input }) => {
      const { id } = await withUniqueField("slug", SLUG_TAKEN, () =>
        ctx.db.transaction(async (tx) => {
          const row = await insertPractitioner(tx, input);
          await recordAudit(tx, {
            at: ctx.now(),
            actor: { id: ctx.user.id, name: ctx.user.name },
            action: "practitioner.create",
            entity: "practitioner",
            entityId: row.id,
            changes: { after: input },
          });
          return row;
        }),
      );
      return mustFind(ctx, id);
    }),

  /** Edits a practitioner's profile (services are linked from the service's side). */
  update: permissionProcedure("catalog.write")
    .input(practitionerFieldsSchema.extend({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const { id, ...fields } = input;
      const before = await mustFind(ctx, id);
      const changes = changedFields(editableFields(before), fields);
      await withUniqueField("slug", SLUG_TAKEN, () =>
        ctx.db.transaction(async (tx) => {
          if (!(await updatePractitioner(tx, id, fields))) {
            throw new NotFoundError(NOT_FOUND);
          }
          await recordAudit(tx, {
            at: ctx.now(),
            actor: { id: ctx.user.id, name: ctx.user.name },
            action: "practitioner.update",
            entity: "practitioner",
            entityId: id,
            changes,
          });
        }),
      );
      return mustFind(ctx, id);
    }),

  /**
   * Hides a practitioner from booking and the public site, keeping their
   * bookings and history. Returns how many upcoming bookings they still have,
   * for staff to move or cancel.
   */
  deactivate: permissionProcedure("catalog.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => setActive(ctx, input.id, false)),

  /** Makes a deactivated practitioner bookable and public again. */
  reactivate: permissionProcedure("catalog.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => setActive(ctx, input.id, true)),

  /**
   * Deletes a practitioner for good, only if they never had a booking and no
   * staff account is linked to them (CONFLICT otherwise: deactivate instead).
   */
  remove: permissionProcedure("catalog.write")
    .input(idInputSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction(async (tx) => {
        // Locked first, so a booking made meanwhile waits and then fails its foreign key.
        if (!(await lockCatalogRow(tx, { practitionerId: input.id }))) {
          throw new NotFoundError(NOT_FOUND);
        }
        const before = await findStaffPractitioner(tx, input.id);
        if ((await countBookingsOf(tx, { practitionerId: input.id })) > 0) {
          throw new ConflictError(
            `${before?.name ?? "This practitioner"} has bookings, so they can't be deleted. Deactivate them instead.`,
          );
        }
        if ((await countStaffLinkedTo(tx, input.id)) > 0) {
          throw new ConflictError(
            "A staff account is linked to this practitioner. Change or deactivate that account first, or deactivate the practitioner instead.",
          );
        }
        await deletePractitioner(tx, input.id);
        await recordAudit(tx, {
          at: ctx.now(),
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: "practitioner.delete",
          entity: "practitioner",
          entityId: input.id,
          changes: { before: before ? editableFields(before) : null },
        });
      });
      return { id: input.id, deleted: true as const };
    }),

  /**
   * Replaces a practitioner's photo with an uploaded JPEG, PNG or WebP (at
   * most 2 MB; the file's first bytes must match `contentType`). Stored on
   * disk and served at the returned `/uploads/<file>` address.
   */
  uploadPhoto: permissionProcedure("catalog.write")
    .input(photoUploadSchema.extend({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const bytes = Buffer.from(input.dataBase64, "base64");
      if (bytes.length > MAX_PHOTO_BYTES)
        throw new FieldError("dataBase64", "Photos must be at most 2 MB");
      const actual = imageTypeOf(bytes);
      if (actual !== input.contentType) {
        throw new FieldError(
          "dataBase64",
          actual
            ? `That file is a ${actual.slice(6).toUpperCase()} image, not ${input.contentType.slice(6).toUpperCase()}`
            : "That file isn't a JPEG, PNG or WebP image",
        );
      }
      const before = await mustFind(ctx, input.id);
      const dir = ctx.uploadDir;
      const photoUrl = await storeImage(dir, bytes, actual);
      try {
        await ctx.db.transaction(async (tx) => {
          if (!(await updatePractitioner(tx, input.id, { photoUrl }))) {
            throw new NotFoundError(NOT_FOUND);
          }
          await recordAudit(tx, {
            at: ctx.now(),
            actor: { id: ctx.user.id, name: ctx.user.name },
            action: "practitioner.photo",
            entity: "practitioner",
            entityId: input.id,
            changes: {
              photoUrl: { from: before.photoUrl, to: photoUrl },
              bytes: bytes.length,
              contentType: actual,
            },
          });
        });
      } catch (error) {
        await removeStoredImage(dir, photoUrl);
        throw error;
      }
      return { id: input.id, photoUrl };
    }),
} satisfies TRPCRouterRecord;
