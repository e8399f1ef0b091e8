import { fileURLToPath } from "node:url";
import { IMAGE_VARIANT_NAME, type ImageFormat } from "@clinic/domain";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { variantContentTypes } from "./image-pipeline.js";
import type { ImageStore } from "./image-store.js";

/** Where uploads live unless `UPLOAD_DIR` says otherwise: `.data/uploads` at the repo root. */
export const defaultUploadDir = fileURLToPath(
  new URL("../../../../.data/uploads", import.meta.url),
);

/** The address stored uploads are served under; image addresses point here. */
export const UPLOADS_PATH = "/uploads";

// Photos uploaded before the pipeline (decision 021) were stored as one file each.
const SINGLE_FILE_NAME = /^[0-9a-f]{32}\.(jpg|png|webp)$/;
const singleFileTypes: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/** The content type a stored name is served with, or null for a name that is never ours. */
export function storedContentType(name: string): string | null {
  const variant = IMAGE_VARIANT_NAME.exec(name);
  if (variant) return variantContentTypes[variant[3] as ImageFormat];
  const single = SINGLE_FILE_NAME.exec(name);
  return single ? (singleFileTypes[single[1]!] ?? null) : null;
}

/** Headers of a stored image: names are never reused, so a year's cache is safe. */
export const STORED_IMAGE_HEADERS = {
  "cache-control": "public, max-age=31536000, immutable",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'",
} as const;

/**
 * `GET /uploads/:file`: stored images from the image store, with their type and a year-long
 * immutable cache. The site and admin serve the same path on their own origins by asking this
 * route (decision 021). Mounted before the app's own secureHeaders.
 */
export function uploadRoutes(deps: { store: ImageStore }) {
  const routes = new Hono();
  routes.use(`${UPLOADS_PATH}/*`, secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
  routes.get(`${UPLOADS_PATH}/:file`, async (c) => {
    const file = c.req.param("file");
    const type = storedContentType(file);
    const data = type ? await deps.store.get(file) : null;
    if (!type || !data) return c.json({ error: { message: "Not found" } }, 404);
    return c.body(data as Uint8Array<ArrayBuffer>, 200, {
      "content-type": type,
      ...STORED_IMAGE_HEADERS,
    });
  });
  return routes;
}
