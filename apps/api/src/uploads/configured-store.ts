import { resolve } from "node:path";
import type { Config } from "../config.js";
import { diskImageStore, type ImageStore, s3ImageStore } from "./image-store.js";
import { defaultUploadDir } from "./photos.js";

/** The image store the environment asks for: the S3-compatible bucket when set, else UPLOAD_DIR. */
export function imageStoreFrom(config: Config): ImageStore {
  const bucket = config.UPLOAD_S3_BUCKET;
  if (bucket && config.UPLOAD_S3_ENDPOINT) {
    return s3ImageStore({
      bucket,
      endpoint: config.UPLOAD_S3_ENDPOINT,
      region: config.UPLOAD_S3_REGION,
      // loadConfig refuses a bucket without both keys.
      accessKeyId: config.UPLOAD_S3_ACCESS_KEY_ID ?? "",
      secretAccessKey: config.UPLOAD_S3_SECRET_ACCESS_KEY ?? "",
      prefix: config.UPLOAD_S3_PREFIX,
    });
  }
  return diskImageStore(config.UPLOAD_DIR ? resolve(config.UPLOAD_DIR) : defaultUploadDir);
}
