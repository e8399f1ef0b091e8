/**
 * The API's content version, polled once a `intervalMs` per site instance (not per page view):
 * `GET {API_URL}/content-version` answers `{"version":"<opaque>"}`, a string that changes
 * whenever public content changed on any API instance. The page cache keeps a page only while
 * the version it was rendered under is still the current one (decision 016).
 *
 * `current()` is null whenever the version isn't known for sure: before the first answer,
 * while the API is unreachable or answers anything else (an API without the route: 404), and
 * once the last good answer is older than `staleAfterMs`. The cache then keeps pages only for
 * its short fallback time.
 */
export interface ContentVersionSource {
  current(): string | null;
}

export interface ContentVersionPollerOptions {
  /** The API's base URL, e.g. http://localhost:4000. */
  apiUrl: string;
  /** Time between polls, ms. */
  intervalMs: number;
  /** A good answer older than this no longer counts; default 3 intervals, at least 5 s. */
  staleAfterMs?: number;
  /**
   * Called when a version is read that differs from the last one read (not when the version
   * becomes unknown: pages are then kept only briefly anyway, and are good again if the
   * version turns out unchanged).
   */
  onChange?: (version: string) => void;
  /** For tests. */
  fetch?: typeof fetch;
  now?: () => number;
}

export class ContentVersionPoller implements ContentVersionSource {
  readonly #url: string;
  readonly #intervalMs: number;
  readonly #staleAfterMs: number;
  readonly #onChange: (version: string) => void;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  #version: string | null = null;
  #lastRead: string | null = null;
  #checkedAt = Number.NEGATIVE_INFINITY;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #polling: Promise<void> | undefined;

  constructor(options: ContentVersionPollerOptions) {
    this.#url = `${options.apiUrl.replace(/\/$/, "")}/content-version`;
    this.#intervalMs = options.intervalMs;
    this.#staleAfterMs = options.staleAfterMs ?? Math.max(options.intervalMs * 3, 5_000);
    this.#onChange = options.onChange ?? (() => {});
    this.#fetch = options.fetch ?? fetch;
    this.#now = options.now ?? Date.now;
  }

  current(): string | null {
    if (this.#version === null) return null;
    // Polls stopped answering (a hung API): what we knew may be out of date by now.
    if (this.#now() - this.#checkedAt > this.#staleAfterMs) return null;
    return this.#version;
  }

  /** Polls now, then every interval until `stop()`. The timer never holds the process open. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#loop();
  }

  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
  }

  /** One poll; resolves once the answer (or its failure) has been taken in. */
  poll(): Promise<void> {
    this.#polling ??= this.#pollOnce().finally(() => {
      this.#polling = undefined;
    });
    return this.#polling;
  }

  async #loop(): Promise<void> {
    await this.poll();
    if (!this.#running) return;
    this.#timer = setTimeout(() => void this.#loop(), this.#intervalMs);
    this.#timer.unref();
  }

  async #pollOnce(): Promise<void> {
    let version: string | null = null;
    try {
      const response = await this.#fetch(this.#url, {
        headers: { accept: "application/json" },
        // A poll that hangs longer than a few intervals is as good as a failed one.
        signal: AbortSignal.timeout(Math.max(this.#intervalMs * 2, 1_000)),
      });
      if (response.ok) version = parseVersion(await response.json());
      else await response.body?.cancel();
    } catch {
      // Unreachable, timed out or not JSON: unknown, like an API without the route.
    }
    this.#version = version;
    if (version === null) return;
    this.#checkedAt = this.#now();
    if (version !== this.#lastRead) {
      this.#lastRead = version;
      this.#onChange(version);
    }
  }
}

function parseVersion(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const { version } = body as { version?: unknown };
  return typeof version === "string" && version.length > 0 && version.length <= 200
    ? version
    : null;
}
