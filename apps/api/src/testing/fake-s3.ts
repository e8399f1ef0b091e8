import { createServer } from "node:http";

/**
 * A small S3-compatible server: path-style PUT, GET and DELETE of objects in one bucket, which
 * refuses a request not signed with AWS Signature V4 by the expected key id. Enough to prove the
 * store's requests are what S3, MinIO and R2 expect, with no network.
 */
export function fakeS3(options: { bucket: string; accessKeyId: string }) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: { method: string; path: string }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://s3").pathname);
    requests.push({ method: req.method ?? "", path });
    const auth = req.headers.authorization ?? "";
    const signed =
      auth.startsWith(`AWS4-HMAC-SHA256 Credential=${options.accessKeyId}/`) &&
      auth.includes("/s3/aws4_request") &&
      typeof req.headers["x-amz-date"] === "string" &&
      typeof req.headers["x-amz-content-sha256"] === "string";
    if (!signed) return void res.writeHead(403).end("<Error><Code>AccessDenied</Code></Error>");
    const prefix = `/${options.bucket}/`;
    if (!path.startsWith(prefix)) return void res.writeHead(404).end();
    const key = path.slice(prefix.length);
    if (req.method === "PUT") {
      objects.set(key, {
        body: Buffer.concat(chunks),
        contentType: String(req.headers["content-type"]),
      });
      return void res.writeHead(200, { etag: '"1"' }).end();
    }
    const object = objects.get(key);
    if (req.method === "GET") {
      if (!object) return void res.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
      return void res.writeHead(200, { "content-type": object.contentType }).end(object.body);
    }
    if (req.method === "DELETE") {
      objects.delete(key);
      return void res.writeHead(204).end();
    }
    res.writeHead(405).end();
  });
  return { server, objects, requests };
}
