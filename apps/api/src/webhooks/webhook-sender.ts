import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { ipAddressRefusal, webhookUrlProblem } from "@clinic/domain";

/** Resolves a host name to every address it has (node:dns's `lookup`, `all: true`). */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Whether targets on private networks (and plain http) are allowed: development and tests only. */
export interface WebhookTargetPolicy {
  allowPrivate: boolean;
}

/** A target refused before anything was sent (SSRF rules): retried like any failure, never sent. */
export class WebhookTargetRefused extends Error {}

/**
 * The address to connect to for `url`: every address its host resolves to is checked (one
 * private address refuses the lot, so a name can't mix a public and a private answer), and
 * the connection then goes to a checked address, never to a second lookup's answer.
 */
export async function resolveWebhookTarget(
  url: URL,
  policy: WebhookTargetPolicy,
  resolve: Resolver = systemResolver,
): Promise<{ address: string; family: number }> {
  const problem = webhookUrlProblem(url.href, policy);
  if (problem) throw new WebhookTargetRefused(problem);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const family = isIP(host);
  let addresses: { address: string; family: number }[];
  if (family !== 0) addresses = [{ address: host, family }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      throw new WebhookTargetRefused(
        `the host name didn't resolve (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
    }
  }
  if (addresses.length === 0) throw new WebhookTargetRefused("the host name has no addresses");
  if (!policy.allowPrivate) {
    for (const { address } of addresses) {
      const refusal = ipAddressRefusal(address);
      if (refusal) {
        throw new WebhookTargetRefused(`the host resolves to ${address}, which ${refusal}`);
      }
    }
  }
  return addresses[0]!;
}

export interface WebhookResponse {
  statusCode: number;
  /** The start of the body, as text (at most `maxResponseBytes` read). */
  body: string;
  durationMs: number;
}

export interface PostOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  policy: WebhookTargetPolicy;
  resolve?: Resolver;
  /** The whole exchange, connection to last byte read; default 10 s. */
  timeoutMs?: number;
  /** Bytes of the answer read before the connection is dropped; default 16 KB. */
  maxResponseBytes?: number;
}

/**
 * POSTs a delivery to a checked address (see `resolveWebhookTarget`): no redirects followed
 * (a 3xx is the receiver's answer), a time limit on the whole exchange, and only the start of
 * the answer read. Throws `WebhookTargetRefused` for a refused target, another error when no
 * answer came.
 */
export async function postWebhook(options: PostOptions): Promise<WebhookResponse> {
  const url = new URL(options.url);
  const started = performance.now();
  const target = await resolveWebhookTarget(url, options.policy, options.resolve);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxResponseBytes ?? 16 * 1024;
  const pinned: LookupFunction = (_host, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        target,
      ]);
    } else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<WebhookResponse>((resolve, reject) => {
    const request = client.request(
      {
        method: "POST",
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: { ...options.headers, "content-length": String(Buffer.byteLength(options.body)) },
        lookup: pinned,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          clearTimeout(timer);
          resolve({
            statusCode: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            durationMs: Math.round(performance.now() - started),
          });
        };
        response.on("data", (chunk: Buffer) => {
          if (size >= maxBytes) return;
          chunks.push(chunk.subarray(0, maxBytes - size));
          size += chunk.length;
          // Enough read: the rest of a huge answer is never downloaded.
          if (size >= maxBytes) {
            response.destroy();
            finish();
          }
        });
        response.on("end", finish);
        response.on("error", (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(options.body);
  });
}
