/**
 * The sites serve uploaded images on their own origin (`/uploads/<file>`, decision 021): the
 * page's CSP allows only its own images, and the API stays private. Each request is passed to
 * the API's `/uploads` route, which reads the image store (a folder or an S3-compatible
 * bucket); names never change, so browsers and any CDN in front keep each file for a year.
 */

// The names the API stores: variants `<key>-<width>.<format>`, and older single files.
const STORED_NAME = /^[0-9a-f]{32}(?:-\d{1,4}\.(?:avif|webp)|\.(?:jpg|png|webp))$/;

const IMMUTABLE = "public, max-age=31536000, immutable";

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      // A file may be written a moment after a page names it (another instance): ask again soon.
      "cache-control": "public, max-age=60",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * The answer to `GET /uploads/<file>` on a site: the API's stored image with its type, a
 * year-long immutable cache and nosniff; 404 for a name that is never ours, 502 when the API
 * can't be reached. `headers` go to the API (the request id).
 */
export async function storedImageResponse(
  apiUrl: string,
  file: string,
  options: { fetch?: typeof fetch; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Response> {
  if (!STORED_NAME.test(file)) return notFound();
  let upstream: Response;
  try {
    upstream = await (options.fetch ?? fetch)(`${apiUrl.replace(/\/+$/, "")}/uploads/${file}`, {
      headers: options.headers,
      // The visitor leaving stops the read; so does an API that doesn't answer.
      signal: AbortSignal.any([
        AbortSignal.timeout(10_000),
        ...(options.signal ? [options.signal] : []),
      ]),
    });
  } catch {
    return new Response("The image is unavailable for a moment", {
      status: 502,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const type = upstream.headers.get("content-type") ?? "";
  if (upstream.status !== 200 || !type.startsWith("image/")) {
    await upstream.body?.cancel();
    return upstream.status === 404 ? notFound() : new Response("Bad gateway", { status: 502 });
  }
  const headers = new Headers({
    "content-type": type,
    "cache-control": IMMUTABLE,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'",
    "cross-origin-resource-policy": "same-origin",
  });
  const length = upstream.headers.get("content-length");
  if (length) headers.set("content-length", length);
  return new Response(upstream.body, { status: 200, headers });
}
