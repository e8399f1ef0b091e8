import {
  countStaffLinkedTo,
  deletePractitioner,
  findStaffPractitioner,
  insertPractitioner,
  listPublicPractitioners,
  listStaffPractitioners,
  type StaffPractitioner,
  updatePractitioner,
} from "@clinic/db";
import {
  type ImageUpload,
  imageSources,
  type NewPractitionerInput,
  type PractitionerInput,
} from "@clinic/domain";
import { audit, changedFields, createdFields } from "../audit/audit.js";
import { cachedRead } from "../cache/public-cache.js";
import type { AppContext, StaffContext } from "../context.js";
import { FieldError, NotFoundError, SLUG_TAKEN, withUniqueField } from "../errors.js";
import { uploadImage } from "../uploads/image-pipeline.js";
import { type CatalogKind, deleteCatalogEntry, setCatalogActive } from "./catalog-lifecycle.js";

const NOT_FOUND = "We couldn't find that practitioner";

/** Active practitioners with the services they offer, as the public sees them. */
export function publicPractitioners(ctx: AppContext) {
  return cachedRead(ctx, "practitioners", async () => ({
    value: await listPublicPractitioners(ctx.db),
  }));
}

export async function publicPractitionerBySlug(ctx: AppContext, slug: string) {
  // The list holds every public practitioner, as the query by slug would find them.
  const practitioner = (await publicPractitioners(ctx)).find((p) => p.slug === slug);
  if (!practitioner) throw new NotFoundError(NOT_FOUND);
  return practitioner;
}

/** Every practitioner, inactive ones included, with their services and booking count. */
export function staffPractitioners(ctx: StaffContext) {
  return listStaffPractitioners(ctx.db);
}

export async function staffPractitioner(ctx: StaffContext, id: string): Promise<StaffPractitioner> {
  const practitioner = await findStaffPractitioner(ctx.db, id);
  if (!practitioner) throw new NotFoundError(NOT_FOUND);
  return practitioner;
}

function editableFields(p: StaffPractitioner): PractitionerInput {
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

/**
 * Adds a practitioner; a slug already used is a field error on `slug`. Without a display
 * order they are listed last. Returns the new record.
 */
export async function createPractitioner(ctx: StaffContext, input: NewPractitionerInput) {
  const { id } = await withUniqueField("slug", SLUG_TAKEN, () =>
    ctx.db.transaction(async (tx) => {
      const row = await insertPractitioner(tx, input);
      await audit(tx, ctx, {
        action: "practitioner.create",
        entityId: row.id,
        changes: createdFields({ ...input, sortOrder: row.sortOrder }),
      });
      return row;
    }),
  );
  return staffPractitioner(ctx, id);
}

/** Edits a practitioner's profile (services are linked from the service's side). */
export async function updateStaffPractitioner(
  ctx: StaffContext,
  input: PractitionerInput & { id: string },
) {
  const { id, ...fields } = input;
  const before = await staffPractitioner(ctx, id);
  const changes = changedFields(editableFields(before), fields);
  // An uploaded photo's variants and alt text belong to its address: a new one (or none) drops them.
  const photo = fields.photoUrl === before.photoUrl ? {} : { photo: null, photoAlt: null };
  await withUniqueField("slug", SLUG_TAKEN, () =>
    ctx.db.transaction(async (tx) => {
      if (!(await updatePractitioner(tx, id, { ...fields, ...photo }))) {
        throw new NotFoundError(NOT_FOUND);
      }
      await audit(tx, ctx, { action: "practitioner.update", entityId: id, changes });
    }),
  );
  return staffPractitioner(ctx, id);
}

const practitionerKind: CatalogKind<StaffPractitioner> = {
  entity: "practitioner",
  notFound: NOT_FOUND,
  ref: (practitionerId) => ({ practitionerId }),
  find: findStaffPractitioner,
  setActive: (tx, id, active) => updatePractitioner(tx, id, { active }),
  remove: deletePractitioner,
  hasBookings: (name) =>
    `${name ?? "This practitioner"} has bookings, so they can't be deleted. Deactivate them instead.`,
  otherDependants: async (tx, id) =>
    (await countStaffLinkedTo(tx, id)) > 0
      ? "A staff account is linked to this practitioner. Change or deactivate that account first, or deactivate the practitioner instead."
      : null,
  auditFields: editableFields,
};

/**
 * Hides (or shows again) a practitioner for booking and the public site,
 * keeping their bookings and history; returns how many upcoming bookings
 * they still have, for staff to move or cancel.
 */
export function setPractitionerActive(ctx: StaffContext, id: string, active: boolean) {
  return setCatalogActive(ctx, practitionerKind, id, active);
}

/**
 * Deletes a practitioner for good, only if they never had a booking and no
 * staff account is linked to them (a conflict otherwise: deactivate instead).
 */
export function deleteStaffPractitioner(ctx: StaffContext, id: string) {
  return deleteCatalogEntry(ctx, practitionerKind, id);
}

/**
 * Replaces a practitioner's photo with an uploaded JPEG, PNG or WebP (at most 8 MB; the file's
 * first bytes must match `contentType`), resized to its variants by the image pipeline and
 * described by `alt`. Its `photoUrl` is the largest WebP, served at `/uploads/<file>`.
 */
export async function uploadPractitionerPhoto(
  ctx: StaffContext,
  input: ImageUpload & { id: string },
) {
  const before = await staffPractitioner(ctx, input.id);
  const { image, bytes } = await uploadImage(ctx.images, input, (photo) =>
    ctx.db.transaction(async (tx) => {
      const photoUrl = imageSources(photo).src;
      const values = { photoUrl, photo, photoAlt: input.alt };
      if (!(await updatePractitioner(tx, input.id, values))) throw new NotFoundError(NOT_FOUND);
      await audit(tx, ctx, {
        action: "practitioner.update_photo",
        entityId: input.id,
        changes: {
          photoUrl: { from: before.photoUrl, to: photoUrl },
          photoAlt: { from: before.photoAlt, to: input.alt },
          bytes: { from: null, to: uploadedBytes(input) },
          contentType: { from: null, to: input.contentType },
        },
      });
    }),
  );
  return {
    id: input.id,
    photoUrl: imageSources(image).src,
    photo: { ...image, alt: input.alt },
    storedBytes: bytes,
  };
}

/** Changes the alt text of a practitioner's uploaded photo (a field error when there is none). */
export async function describePractitionerPhoto(
  ctx: StaffContext,
  input: { id: string; alt: string },
) {
  const before = await staffPractitioner(ctx, input.id);
  if (!before.photo) throw new FieldError("alt", "Upload a photo first");
  await ctx.db.transaction(async (tx) => {
    if (!(await updatePractitioner(tx, input.id, { photoAlt: input.alt }))) {
      throw new NotFoundError(NOT_FOUND);
    }
    await audit(tx, ctx, {
      action: "practitioner.update_photo",
      entityId: input.id,
      changes: { photoAlt: { from: before.photoAlt, to: input.alt } },
    });
  });
  return { id: input.id, photo: { ...before.photo, alt: input.alt } };
}

/** The uploaded file's size in bytes, from its base64. */
function uploadedBytes(upload: ImageUpload): number {
  return Buffer.byteLength(upload.dataBase64, "base64");
}
