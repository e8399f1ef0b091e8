import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { AwsClient } from "aws4fetch";

/**
 * Where uploaded image files live: a folder on disk (the default) or an S3-compatible bucket.
 * Names are always ours (random keys, checked before any call): nothing a caller sends becomes
 * part of a path or an object key.
 */
export interface ImageStore {
  /** Writes a new file; names are never reused, so nothing is overwritten. */
  put(name: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file's bytes, or null when there is none. */
  get(name: string): Promise<Uint8Array | null>;
  /** Removes a file; a missing one is not an error. */
  remove(name: string): Promise<void>;
  /** Where files go, for logs: a folder or a bucket, never a secret. */
  readonly description: string;
}

/** The default store: files in `dir` (UPLOAD_DIR), which backups include. */
export function diskImageStore(dir: string): ImageStore {
  const root = resolve(dir);
  return {
    description: `folder ${root}`,
    async put(name, bytes) {
      await mkdir(root, { recursive: true });
      await writeFile(join(root, name), bytes, { flag: "wx", mode: 0o644 });
    },
    async get(name) {
      try {
        return new Uint8Array(await readFile(join(root, name)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(name) {
      await unlink(join(root, name)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    },
  };
}

export interface S3StoreOptions {
  /** The service's address, e.g. https://s3.eu-west-1.amazonaws.com or a MinIO/R2 endpoint. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every object key (e.g. `uploads/`), so a bucket can hold other things too. */
  prefix?: string;
  /** Lets tests hand requests to an in-process fake. */
  fetch?: typeof fetch;
}

/**
 * An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, …), addressed path-style
 * (`<endpoint>/<bucket>/<key>`), which every compatible service accepts. Requests are signed
 * with AWS Signature V4 by aws4fetch.
 */
export function s3ImageStore(options: S3StoreOptions): ImageStore {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    service: "s3",
  });
  const doFetch = options.fetch ?? fetch;
  const base = `${options.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(options.bucket)}/`;
  const url = (name: string) => `${base}${options.prefix ?? ""}${encodeURIComponent(name)}`;
  const send = async (name: string, init: RequestInit) => {
    const request = await client.sign(url(name), init);
    return doFetch(request);
  };
  const fail = (action: string, name: string, res: Response) =>
    new Error(`S3 ${action} of ${name} answered ${res.status}`);
  return {
    description: `bucket ${options.bucket} at ${new URL(options.endpoint).host}`,
    async put(name, bytes, contentType) {
      const res = await send(name, {
        method: "PUT",
        body: new Uint8Array(bytes), // a copy typed as every fetch accepts
        headers: { "content-type": contentType, "content-length": String(bytes.byteLength) },
      });
      await res.body?.cancel();
      if (!res.ok) throw fail("PUT", name, res);
    },
    async get(name) {
      const res = await send(name, { method: "GET" });
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw fail("GET", name, res);
      }
      return new Uint8Array(await res.arrayBuffer());
    },
    async remove(name) {
      const res = await send(name, { method: "DELETE" });
      await res.body?.cancel();
      if (!res.ok && res.status !== 404) throw fail("DELETE", name, res);
    },
  };
}
