import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import { DOCUMENT_CACHE_CONTROL, PUBLIC_PAGE_CACHE_CONTROL } from "./cache-control";
import type { ContentVersionSource } from "./content-version";

/**
 * The site's own cache of public pages (decision 016): a page the same for every visitor is
 * rendered once per content version and then served from memory, with a fresh CSP nonce in
 * each response.
 *
 * - What is stored is decided by the response alone: a 200 whose Cache-Control is the public
 *   declaration (`cache-control.ts`; only routes exporting `publicPageHeaders` get it), with
 *   no Set-Cookie, answering a GET or HEAD that carries no cookie and no credentials.
 * - A page is rendered for the cache with `placeholder` as its nonce (entry.server.tsx marks
 *   such responses with `RENDERED_WITH_PLACEHOLDER`); every response, stored or not, gets the
 *   placeholder replaced by a new nonce in its body and headers (the CSP).
 * - A stored page is served only while the content version it was rendered under is the
 *   current one, and never once older than `maxAgeMs`; while the version is unknown (API
 *   unreachable, or without the route), only for `fallbackTtlMs`.
 * - A page holding a public form (contact, testimonials) is rendered with a placeholder for
 *   the form's token too (`CacheRender.formToken`), filled per response from `formTokens`: a
 *   token the API issued at most a moment ago. With none to give (the API unreachable), the
 *   page is rendered for that visitor instead.
 * - Concurrent misses of one page share one render; memory is bounded by `maxBytes` (LRU).
 */

/** Internal: set by entry.server.tsx on a page rendered with the placeholder nonce. */
export const RENDERED_WITH_PLACEHOLDER = "x-clinic-page-cache-render";

/** What a render for the cache writes in place of the values each response gets its own of. */
export interface CacheRender {
  /** The nonce the page must be rendered with. */
  nonce: string;
  /** What a loader gives its form as the token (the cache fills in a fresh one per response). */
  formToken(form: string): string;
}

/** Renders a request; `forCache`, when given, says the page may be kept (see CacheRender). */
export type RenderPage = (request: Request, forCache?: CacheRender) => Promise<Response>;

/** Where the cache gets each response's form tokens (`FreshFormTokens` in the server). */
export interface FormTokenSource {
  /** A token for `form` recent enough to hand out now, or null when there is none. */
  current(form: string): string | null;
}

export interface PageCacheOptions {
  versions: ContentVersionSource;
  /** The nonce cached renders use: random, fixed for the process, never sent to anyone. */
  placeholder: string;
  /** A new nonce for one response. */
  createNonce: () => string;
  /** Bytes of pages kept (about: strings are counted at two bytes a character). */
  maxBytes?: number;
  /** Even under an unchanged content version, a page is rendered again after this long. */
  maxAgeMs?: number;
  /** While the content version is unknown, a page is served for at most this long. */
  fallbackTtlMs?: number;
  /** Tokens for the public forms on cached pages; without it, such pages are never kept. */
  formTokens?: FormTokenSource;
  now?: () => number;
}

export const PAGE_CACHE_DEFAULTS = {
  maxBytes: 64 * 1024 * 1024,
  // Bounds what the version can't see (a post scheduled for later becoming due).
  maxAgeMs: 60_000,
  fallbackTtlMs: 2_000,
} as const;

/** A stored page that a form's missing token keeps from being served. */
const UNFILLED = Symbol("unfilled");

/** What goes between two parts of a stored body: the response's nonce, or a form's token. */
type Fill = { nonce: true } | { form: string };

interface Entry {
  status: number;
  headers: [string, string][];
  /** The body (UTF-8) split at the placeholders: `fills[i]` goes between `parts[i]` and the next. */
  parts: Buffer[];
  fills: Fill[];
  /** The content version when the render started (null: unknown). */
  version: string | null;
  renderedAt: number;
}

type Flight = Promise<{ entry: Entry } | { response: Response }>;

export class PageCache {
  readonly #versions: ContentVersionSource;
  readonly #placeholder: string;
  readonly #createNonce: () => string;
  readonly #formTokens: FormTokenSource | undefined;
  /** Per form, the placeholder its token is rendered as: random, like the nonce's. */
  readonly #tokenPlaceholders = new Map<string, string>();
  readonly #maxAgeMs: number;
  readonly #fallbackTtlMs: number;
  readonly #now: () => number;
  readonly #entries: LRUCache<string, Entry>;
  readonly #flights = new Map<string, Flight>();

  constructor(options: PageCacheOptions) {
    this.#versions = options.versions;
    this.#placeholder = options.placeholder;
    this.#createNonce = options.createNonce;
    this.#formTokens = options.formTokens;
    this.#maxAgeMs = options.maxAgeMs ?? PAGE_CACHE_DEFAULTS.maxAgeMs;
    this.#fallbackTtlMs = options.fallbackTtlMs ?? PAGE_CACHE_DEFAULTS.fallbackTtlMs;
    this.#now = options.now ?? Date.now;
    const maxBytes = options.maxBytes ?? PAGE_CACHE_DEFAULTS.maxBytes;
    this.#entries = new LRUCache<string, Entry>({
      maxSize: maxBytes,
      // One page may take at most an eighth: a huge one would push out all the others.
      maxEntrySize: Math.floor(maxBytes / 8),
      sizeCalculation: (entry, key) =>
        key.length * 2 + entry.parts.reduce((sum, part) => sum + part.length, 0) + 1_024,
    });
  }

  /** Drops every stored page (the content version changed). */
  clear(): void {
    this.#entries.clear();
  }

  /** How many pages are stored (for tests). */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * The stored page answering this request, or null. Cheap enough to try before anything else
   * (server.ts does, ahead of the static files, which can't change while the server runs).
   */
  lookup(request: Request, render: RenderPage): Response | null {
    const hit = this.#hit(request, render);
    return hit === UNFILLED ? null : hit;
  }

  async handle(request: Request, render: RenderPage): Promise<Response> {
    if (!cacheableRequest(request)) return render(request);
    const hit = this.#hit(request, render);
    // Stored, but a form on it has no token to give right now: this visitor's own render.
    if (hit === UNFILLED) return render(request);
    if (hit) return hit;
    const key = request.url;
    const version = this.#versions.current();

    // One render for the concurrent misses of a page under one content version.
    const flightKey = `${version ?? ""}\n${key}`;
    const existing = this.#flights.get(flightKey);
    if (existing) {
      const result = await existing;
      if ("entry" in result) {
        return this.#respond(result.entry, request.method) ?? render(request);
      }
      // Not storable: that response was the first visitor's own; this one gets its own.
      return render(request);
    }
    const flight = this.#fill(request, version, render);
    this.#flights.set(flightKey, flight);
    try {
      const result = await flight;
      if ("entry" in result) {
        return this.#respond(result.entry, request.method) ?? render(request);
      }
      return result.response;
    } finally {
      this.#flights.delete(flightKey);
    }
  }

  #hit(request: Request, render: RenderPage): Response | typeof UNFILLED | null {
    if (!cacheableRequest(request)) return null;
    const version = this.#versions.current();
    const stored = this.#entries.get(request.url);
    if (!stored || !this.#fresh(stored, version)) return null;
    // Past half its time: rendered again in the background, so visitors never wait for it.
    if (this.#dueForRefresh(stored, version)) this.#refresh(request, version, render);
    return this.#respond(stored, request.method) ?? UNFILLED;
  }

  #fresh(entry: Entry, version: string | null): boolean {
    if (version !== null && entry.version !== null && entry.version !== version) return false;
    return this.#now() - entry.renderedAt < this.#lifetime(entry, version);
  }

  /** How long a page may be served: long under a known version, briefly otherwise. */
  #lifetime(entry: Entry, version: string | null): number {
    return version !== null && entry.version === version ? this.#maxAgeMs : this.#fallbackTtlMs;
  }

  #dueForRefresh(entry: Entry, version: string | null): boolean {
    return this.#now() - entry.renderedAt >= this.#lifetime(entry, version) / 2;
  }

  #refresh(request: Request, version: string | null, render: RenderPage): void {
    const flightKey = `${version ?? ""}\n${request.url}`;
    if (this.#flights.has(flightKey)) return;
    const flight = this.#fill(request, version, render);
    this.#flights.set(flightKey, flight);
    flight
      .then((result) => {
        if ("entry" in result) return;
        void result.response.body?.cancel();
        // No longer a public page (gone, moved): stop serving it. A failure (the API busy)
        // leaves the stored page to serve until its time is up.
        if (result.response.status < 500) this.#entries.delete(request.url);
      })
      .catch(() => {})
      .finally(() => this.#flights.delete(flightKey));
  }

  async #fill(request: Request, version: string | null, render: RenderPage): Flight {
    const renderedAt = this.#now();
    // The stored page answers GETs and HEADs alike; it is rendered as a GET, and not aborted
    // when the visitor who caused the render goes away (others may be waiting for it).
    const get = new Request(request.url, { method: "GET", headers: request.headers });
    const forms = new Set<string>();
    const response = await render(get, {
      nonce: this.#placeholder,
      formToken: (form) => {
        forms.add(form);
        return this.#tokenPlaceholder(form);
      },
    });
    const placeholderUsed = response.headers.has(RENDERED_WITH_PLACEHOLDER);
    const cacheControl = response.headers.get("Cache-Control");
    const storable =
      response.status === 200 &&
      !response.headers.has("Set-Cookie") &&
      (forms.size === 0 || this.#formTokens !== undefined) &&
      (placeholderUsed
        ? cacheControl === DOCUMENT_CACHE_CONTROL
        : cacheControl === PUBLIC_PAGE_CACHE_CONTROL);
    if (!storable && forms.size > 0) {
      // A form's placeholder must never reach a visitor: this one gets a render of their own.
      void response.body?.cancel();
      return { response: await render(request) };
    }
    if (!storable && !placeholderUsed) return { response: headFor(request, response) };

    const body = await response.text();
    const entry: Entry = {
      status: response.status,
      headers: [...response.headers].filter(
        ([name]) => name !== RENDERED_WITH_PLACEHOLDER && name !== "content-length",
      ),
      ...this.#split(body, placeholderUsed, forms),
      version,
      renderedAt,
    };
    if (!storable) {
      return { response: this.#respond(entry, request.method) ?? (await render(request)) };
    }
    this.#entries.set(request.url, entry);
    return { entry };
  }

  #tokenPlaceholder(form: string): string {
    let placeholder = this.#tokenPlaceholders.get(form);
    if (!placeholder) {
      placeholder = `form-token-placeholder-${randomUUID()}`;
      this.#tokenPlaceholders.set(form, placeholder);
    }
    return placeholder;
  }

  /** The body cut at each placeholder it holds, in order. */
  #split(body: string, nonceUsed: boolean, forms: Set<string>) {
    const marks: [string, Fill][] = [...forms].map((form) => [
      this.#tokenPlaceholder(form),
      { form },
    ]);
    if (nonceUsed) marks.push([this.#placeholder, { nonce: true }]);
    const parts: Buffer[] = [];
    const fills: Fill[] = [];
    let rest = 0;
    for (;;) {
      let next: { at: number; placeholder: string; fill: Fill } | null = null;
      for (const [placeholder, fill] of marks) {
        const at = body.indexOf(placeholder, rest);
        if (at !== -1 && (next === null || at < next.at)) next = { at, placeholder, fill };
      }
      if (next === null) break;
      parts.push(Buffer.from(body.slice(rest, next.at)));
      fills.push(next.fill);
      rest = next.at + next.placeholder.length;
    }
    parts.push(Buffer.from(body.slice(rest)));
    return { parts, fills };
  }

  /** The stored page with this response's nonce and tokens; null if a form has no token now. */
  #respond(entry: Entry, method: string): Response | null {
    const nonce = this.#createNonce();
    const values: Buffer[] = [];
    for (const fill of entry.fills) {
      if ("nonce" in fill) {
        values.push(Buffer.from(nonce));
        continue;
      }
      const token = this.#formTokens?.current(fill.form);
      if (!token) return null;
      values.push(Buffer.from(token));
    }
    const headers = new Headers();
    for (const [name, value] of entry.headers) {
      headers.append(name, value.replaceAll(this.#placeholder, nonce));
    }
    const chunks = entry.parts.flatMap((part, i) => (i === 0 ? [part] : [values[i - 1]!, part]));
    const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    headers.set("Content-Length", String(length));
    const body = method === "HEAD" ? null : Buffer.concat(chunks, length);
    return new Response(body, { status: entry.status, headers });
  }
}

/** A GET's response turned into the HEAD's the visitor asked for. */
function headFor(request: Request, response: Response): Response {
  if (request.method !== "HEAD") return response;
  void response.body?.cancel();
  return new Response(null, { status: response.status, headers: response.headers });
}

/**
 * Whether a request may be answered from (and fill) the cache: a GET or HEAD without cookies
 * or credentials. The public routes read no cookie, but a request carrying one is answered
 * as rendered for it, so nothing a cookie could change is ever shared.
 */
export function cacheableRequest(request: Request): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.headers.has("Cookie") || request.headers.has("Authorization")) return false;
  // Long URLs are someone's experiment, not a page worth memory.
  return request.url.length <= 2_048;
}
