import {
  IMAGE_TOO_LARGE,
  type ImageUpload,
  imageAltSchema,
  imageTypeOf,
  MAX_IMAGE_BYTES,
  type PhotoUpload,
} from "@clinic/domain";
import { callApi } from "@clinic/form-kit/server";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

const MAX_PHOTO_BYTES = MAX_IMAGE_BYTES;
export const PHOTO_TOO_LARGE = IMAGE_TOO_LARGE;
export const PHOTO_MISSING = "Choose an image to upload";
export const PHOTO_NOT_AN_IMAGE = "That file isn't a JPEG, PNG or WebP image";

export type PhotoFormResult = { ok: true; formData: FormData } | { ok: false; message: string };

/**
 * Reads a multipart form holding a photo, keeping at most 8 MB of any one file in memory: a
 * larger file stops the read with a message instead of filling the server's memory.
 */
export async function readPhotoForm(request: Request): Promise<PhotoFormResult> {
  const handler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_PHOTO_BYTES });
  try {
    return { ok: true, formData: await unstable_parseMultipartFormData(request, handler) };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, message: PHOTO_TOO_LARGE };
    throw error;
  }
}

export type PhotoCheck = { ok: true; upload: PhotoUpload } | { ok: false; message: string };

/**
 * The API's upload input for a file from a form: a JPEG, PNG or WebP of at most 8 MB, its type
 * taken from the file's first bytes (what the browser claims is ignored), sent as base64.
 */
export async function photoUploadFrom(file: FormDataEntryValue | null): Promise<PhotoCheck> {
  if (file === null || typeof file === "string" || file.size === 0) {
    return { ok: false, message: PHOTO_MISSING };
  }
  if (file.size > MAX_PHOTO_BYTES) return { ok: false, message: PHOTO_TOO_LARGE };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = imageTypeOf(bytes);
  if (contentType === null) return { ok: false, message: PHOTO_NOT_AN_IMAGE };
  return { ok: true, upload: { contentType, dataBase64: Buffer.from(bytes).toString("base64") } };
}

/** What an image form shows after a refusal: messages by field, and the alt text typed. */
export interface ImageFormErrors {
  photo?: string[];
  alt?: string[];
  form?: string[];
}

/**
 * An image form's action (a practitioner's photo, a post's cover): reads and checks the file
 * and its alt text, sends them and redirects; otherwise `{ ...tag, errors, alt }` with each
 * message for its field and the alt text kept, or the API's refusal placed the same way.
 */
export async function uploadPhoto<T, const Tag extends object = { form: "photo" }>(
  request: Request,
  send: (image: ImageUpload) => Promise<T>,
  options: {
    redirectTo: string;
    tag?: Tag;
    /** With an image already there, a form sent without a file changes only its alt text. */
    describe?: ((alt: string) => Promise<unknown>) | undefined;
  },
) {
  const tag = options.tag ?? ({ form: "photo" } as Tag);
  const refuse = (errors: ImageFormErrors, alt: string, status = 400) =>
    data({ ...tag, error: undefined as string | undefined, errors, alt }, { status });
  const read = await readPhotoForm(request);
  if (!read.ok) return refuse({ photo: [read.message] }, "");
  const typed = read.formData.get("alt");
  const alt = typeof typed === "string" ? typed : "";
  const photo = await photoUploadFrom(read.formData.get("photo"));
  const altCheck = imageAltSchema.safeParse(alt);
  const describe = options.describe;
  if (!photo.ok && photo.message === PHOTO_MISSING && describe && altCheck.success) {
    const described = await callApi(() => describe(altCheck.data), { fields: ["alt"] });
    if (described.ok) throw redirect(options.redirectTo);
    return refuse(
      {
        ...(described.fieldErrors.alt ? { alt: described.fieldErrors.alt } : {}),
        ...(described.formErrors.length ? { form: described.formErrors } : {}),
      },
      alt,
      described.status,
    );
  }
  if (!photo.ok || !altCheck.success) {
    return refuse(
      {
        ...(photo.ok ? {} : { photo: [photo.message] }),
        ...(altCheck.success ? {} : { alt: altCheck.error.issues.map((i) => i.message) }),
      },
      alt,
    );
  }
  const upload = { ...photo.upload, alt: altCheck.data };
  const result = await callApi(() => send(upload), {
    fields: ["dataBase64", "contentType", "alt"],
  });
  if (result.ok) throw redirect(options.redirectTo);
  const fileErrors = [
    ...(result.fieldErrors.dataBase64 ?? []),
    ...(result.fieldErrors.contentType ?? []),
  ];
  return refuse(
    {
      ...(fileErrors.length ? { photo: fileErrors } : {}),
      ...(result.fieldErrors.alt ? { alt: result.fieldErrors.alt } : {}),
      ...(result.formErrors.length ? { form: result.formErrors } : {}),
    },
    alt,
    result.status,
  );
}
