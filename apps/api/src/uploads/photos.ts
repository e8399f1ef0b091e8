import { randomBytes } from "node:crypto";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ImageContentType,
  imageExtensions,
  imageTypeOf,
  MAX_PHOTO_BYTES,
  type PhotoUpload,
} from "@clinic/domain";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { FieldError } from "../errors.js";

/** Where uploads live unless `UPLOAD_DIR` says otherwise: `.data/uploads` at the repo root. */
export const defaultUploadDir = fileURLToPath(
  new URL("../../../../.data/uploads", import.meta.url),
);

/** The address stored uploads are served under; `photoUrl`s point here. */
const UPLOADS_PATH = "/uploads";

// Random names only: nothing a caller sends ever becomes part of a path.
const STORED_NAME = /^[0-9a-f]{32}\.(jpg|png|webp)$/;

const contentTypes: Record<string, ImageContentType> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/**
 * The photo's bytes and type, checked: at most 2 MB, and the file's first
 * bytes must announce the type it claims (a field error on `dataBase64` otherwise).
 */
export function decodePhoto(upload: PhotoUpload): { bytes: Buffer; contentType: ImageContentType } {
  const bytes = Buffer.from(upload.dataBase64, "base64");
  if (bytes.length > MAX_PHOTO_BYTES)
    throw new FieldError("dataBase64", "Photos must be at most 2 MB");
  const actual = imageTypeOf(bytes);
  if (actual !== upload.contentType) {
    const name = (type: ImageContentType) => type.slice("image/".length).toUpperCase();
    throw new FieldError(
      "dataBase64",
      actual
        ? `That file is a ${name(actual)} image, not ${name(upload.contentType)}`
        : "That file isn't a JPEG, PNG or WebP image",
    );
  }
  return { bytes, contentType: actual };
}

/** Writes an image under a new random name in `dir` and returns its public address (`/uploads/<file>`). */
export async function storeImage(
  dir: string,
  bytes: Uint8Array,
  contentType: ImageContentType,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = `${randomBytes(16).toString("hex")}.${imageExtensions[contentType]}`;
  await writeFile(join(dir, file), bytes, { flag: "wx", mode: 0o644 });
  return `${UPLOADS_PATH}/${file}`;
}

/** Removes a stored image by its public address; anything else (or a missing file) is ignored. */
export async function removeStoredImage(dir: string, url: string | null): Promise<void> {
  const file = url?.startsWith(`${UPLOADS_PATH}/`) ? url.slice(UPLOADS_PATH.length + 1) : null;
  if (!file || !STORED_NAME.test(file)) return;
  await unlink(join(dir, file)).catch(() => {});
}

/**
 * `GET /uploads/:file`: stored images, with their type and a year-long
 * immutable cache (names are never reused). Mount it before the app's own
 * secureHeaders: these images may be shown by the sites on other origins.
 */
export function uploadRoutes(deps: { uploadDir: string }) {
  const dir = resolve(deps.uploadDir);
  const routes = new Hono();
  routes.use(`${UPLOADS_PATH}/*`, secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
  routes.get(`${UPLOADS_PATH}/:file`, async (c) => {
    const file = c.req.param("file");
    const type = STORED_NAME.test(file) ? contentTypes[file.split(".")[1] ?? ""] : undefined;
    if (!type) return c.json({ error: { message: "Not found" } }, 404);
    let data: Buffer;
    try {
      data = await readFile(join(dir, file));
    } catch {
      return c.json({ error: { message: "Not found" } }, 404);
    }
    return c.body(new Uint8Array(data), 200, {
      "content-type": type,
      "cache-control": "public, max-age=31536000, immutable",
      "content-security-policy": "default-src 'none'",
    });
  });
  return routes;
}
