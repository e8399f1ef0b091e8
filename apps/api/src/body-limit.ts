import type { Context } from "hono";

/** The most of a refused body read (and thrown away) to keep its connection usable. */
export const MAX_DRAIN_BYTES = 8 * 1024 * 1024;
/** How long a refused body may take to arrive before the connection is given up instead. */
export const MAX_DRAIN_MS = 2_000;

/**
 * Reads the rest of a request body nobody will use, so the connection can carry the next
 * request. Resolves whether it got to the end: false when the body is already being read (a
 * chunked body cut off at the limit), runs past `MAX_DRAIN_BYTES`, takes longer than
 * `MAX_DRAIN_MS`, or the client goes away.
 */
export async function drainBody(body: ReadableStream<Uint8Array> | null): Promise<boolean> {
  if (!body) return true;
  if (body.locked) return false;
  const reader = body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), MAX_DRAIN_MS);
  });
  try {
    let bytes = 0;
    for (;;) {
      const chunk = await Promise.race([reader.read(), timedOut]);
      if (chunk === "timeout") return false;
      if (chunk.done) return true;
      bytes += chunk.value.byteLength;
      if (bytes > MAX_DRAIN_BYTES) return false;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}

/**
 * The answer to a body over the limit (hono's `bodyLimit` refuses it unread when it declares
 * its length). Left unread, its bytes would be parsed as the next request on the connection,
 * so the servers under us drop the socket after the 413 and a keep-alive client (the sites'
 * fetch) that reuses it sees a reset. Reading the rest, within bounds, keeps the connection
 * usable; past them the answer says `Connection: close`, which makes Node close the socket once
 * it is sent, and tells the client not to send anything more on it.
 */
export async function tooLarge(c: Context) {
  if (!(await drainBody(c.req.raw.body))) c.header("Connection", "close");
  return c.json({ error: { message: "Request body is too large" } }, 413);
}
