import { imageTypeOf, MAX_PHOTO_BYTES, type PhotoUpload } from "@clinic/domain";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { runAction } from "./form-action.server";

export const PHOTO_TOO_LARGE = "Photos must be at most 2 MB";
export const PHOTO_MISSING = "Choose a photo to upload";
export const PHOTO_NOT_AN_IMAGE = "That file isn't a JPEG, PNG or WebP image";

export type PhotoFormResult = { ok: true; formData: FormData } | { ok: false; message: string };

/**
 * Reads a multipart form holding a photo, keeping at most 2 MB of any one file in memory: a
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
 * The API's upload input for a file from a form: a JPEG, PNG or WebP of at most 2 MB, its type
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

/**
 * A photo form's action: reads and checks the upload, sends it and redirects; otherwise
 * `{ form: "photo", error }` saying what's wrong with the file, or the API's refusal.
 */
export async function uploadPhoto<T>(
  request: Request,
  send: (photo: PhotoUpload) => Promise<T>,
  options: { redirectTo: string },
) {
  const read = await readPhotoForm(request);
  if (!read.ok) return data({ form: "photo" as const, error: read.message }, { status: 400 });
  const photo = await photoUploadFrom(read.formData.get("photo"));
  if (!photo.ok) return data({ form: "photo" as const, error: photo.message }, { status: 400 });
  const upload = photo.upload;
  return runAction(
    () => send(upload),
    () => options.redirectTo,
    { form: "photo" },
  );
}
