import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { AppContext } from "../context.js";
import { failureFields } from "../failure-log.js";
import type { Logger } from "../logger.js";
import type { ChangeFeed } from "./change-feed.js";

/** What a fill produced: the value, and the instant (ms) from which it may differ by itself. */
export interface Filled<T> {
  value: T;
  /** Exclusive; omitted when only a write can change the value. */
  until?: number;
}

/**
 * How long one procedure's answer holds, as its cached reads report it, and
 * whether all of it came from the cache (only then may the HTTP answer be
 * kept: cache/shared-answers.ts).
 */
export interface AnswerWindow {
  /** The latest instant (ms) a read was made for: before it the answer may differ. */
  from: number;
  /** Exclusive instant (ms) from which the answer may differ by itself. */
  until: number;
  /** False once any read bypassed the cache. */
  fromCache: boolean;
  reads: number;
}

/** A kept HTTP answer: the body and the headers the handler gave it. */
export interface KeptAnswer {
  /** Encoded once, not on every send. */
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
}

interface Entry {
  value: unknown;
  /** The instant the value was read for: before it, the value may differ (a test moved the clock back). */
  from: number;
  until: number;
}

export interface PublicCacheOptions {
  feed: ChangeFeed;
  logger: Logger;
  /** Bound on what is kept, in characters of the values' JSON (default 32 million). */
  maxSize?: number;
  /** Safety net for a change whose announcement was lost (a crash after its commit): default 5 minutes. */
  ttlMs?: number;
}

/**
 * Public reads kept in memory between writes (decision 015). Anything that
 * changes public content calls `changed()` (the tRPC middleware does so for
 * every mutation), which drops everything; so does the feed for changes made
 * elsewhere. A fill that began before a drop is handed to its callers but
 * never stored, and concurrent callers of one key share one fill.
 */
export class PublicCache {
  readonly #feed: ChangeFeed;
  readonly #logger: Logger;
  readonly #entries: LRUCache<string, Entry>;
  readonly #inflight = new Map<string, Promise<Entry>>();
  // Changes this process has seen; with the boot id it makes the content version.
  #epoch = 0;
  readonly #boot = randomUUID().slice(0, 8);
  #unheard = 0;

  constructor(options: PublicCacheOptions) {
    this.#feed = options.feed;
    this.#logger = options.logger;
    this.#entries = new LRUCache<string, Entry>({
      maxSize: options.maxSize ?? 32_000_000,
      ttl: options.ttlMs ?? 5 * 60_000,
      sizeCalculation: (entry) =>
        entry.value instanceof Object &&
        "body" in entry.value &&
        entry.value.body instanceof Uint8Array
          ? entry.value.body.byteLength
          : Math.max(1, JSON.stringify(entry.value)?.length ?? 1),
    });
    options.feed.onChange(() => this.#drop());
  }

  /**
   * Changes whenever public content may have changed: after this instance
   * commits a change, or hears of one. While the feed isn't live a change could
   * go unheard, so every call answers a new version.
   */
  get version(): string {
    if (!this.#feed.live) return `${this.#boot}.${this.#epoch}.unheard.${++this.#unheard}`;
    return `${this.#boot}.${this.#epoch}`;
  }

  /** How many values are kept (for tests). */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * The value under `key` as of `at`: kept if it holds then, else filled
   * (once, for everyone asking at the same time) and kept unless a change
   * came in meanwhile.
   */
  async read<T>(key: string, at: Date, fill: (at: Date) => Promise<Filled<T>>): Promise<T> {
    return (await this.#read(key, at, fill)).value;
  }

  /** `read`, telling `window` how long the value holds and whether it came from the cache. */
  async readFor<T>(
    window: AnswerWindow,
    key: string,
    at: Date,
    fill: (at: Date) => Promise<Filled<T>>,
  ): Promise<T> {
    const { value, until, fromCache } = await this.#read(key, at, fill);
    window.from = Math.max(window.from, at.getTime());
    window.until = Math.min(window.until, until);
    window.fromCache &&= fromCache;
    window.reads += 1;
    return value;
  }

  async #read<T>(
    key: string,
    at: Date,
    fill: (at: Date) => Promise<Filled<T>>,
  ): Promise<{ value: T; until: number; fromCache: boolean }> {
    const now = at.getTime();
    const uncached = async () => {
      const filled = await fill(at);
      return { value: filled.value, until: filled.until ?? Infinity, fromCache: false };
    };
    if (!this.#feed.live) return uncached();
    const kept = this.#entries.get(key);
    if (kept && holdsAt(kept, now)) {
      return { value: kept.value as T, until: kept.until, fromCache: true };
    }

    let flight = this.#inflight.get(key);
    if (!flight) {
      const epoch = this.#epoch;
      const started = fill(at).then(
        ({ value, until }): Entry => ({ value, from: now, until: until ?? Infinity }),
      );
      flight = started;
      this.#inflight.set(key, started);
      started.then(
        (entry) => {
          if (this.#inflight.get(key) === started) this.#inflight.delete(key);
          // A change since the fill began may have been read half-way, or not at all.
          if (epoch === this.#epoch && this.#feed.live) {
            this.#entries.set(key, { ...entry, value: freezeShared(entry.value) });
          }
        },
        () => {
          if (this.#inflight.get(key) === started) this.#inflight.delete(key);
        },
      );
    }
    const entry = await flight;
    // A fill started for another instant may not hold at ours.
    if (!holdsAt(entry, now)) return uncached();
    return { value: entry.value as T, until: entry.until, fromCache: true };
  }

  /** A token to hand back to `keepAnswer`: answers computed across a change are not kept. */
  ticket(): number {
    return this.#epoch;
  }

  /** The HTTP answer kept under `key`, if it holds at `at`. */
  answer(key: string, at: Date): KeptAnswer | undefined {
    if (!this.#feed.live) return undefined;
    const kept = this.#entries.get(`answer ${key}`);
    return kept && holdsAt(kept, at.getTime()) ? (kept.value as KeptAnswer) : undefined;
  }

  /** Keeps an HTTP answer holding for `window`, unless a change came in since `ticket`. */
  keepAnswer(key: string, ticket: number, window: AnswerWindow, answer: KeptAnswer) {
    if (ticket !== this.#epoch || !this.#feed.live || !(window.from < window.until)) return;
    this.#entries.set(`answer ${key}`, { value: answer, from: window.from, until: window.until });
  }

  /**
   * Public content may have changed here (committed): drop everything at once
   * and tell the other instances. An announcement that fails is logged; the
   * others catch up when their entries expire.
   */
  async changed(): Promise<void> {
    this.#drop();
    try {
      await this.#feed.announce();
    } catch (error) {
      this.#logger.error("announcing a change to other instances failed", {
        ...failureFields(error),
      });
    }
  }

  #drop() {
    this.#epoch += 1;
    this.#entries.clear();
    // Fills in flight may hold data from before the change: later callers must not join them.
    this.#inflight.clear();
  }
}

/**
 * Freezes a value many requests will share, all the way down: a caller that
 * changed it would change it for everyone. Frozen values are also serialized
 * only once (trpc/transformer.ts).
 */
export function freezeShared<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
    for (const child of Object.values(value)) freezeShared(child);
  }
  return Object.freeze(value);
}

function holdsAt(entry: Entry, now: number): boolean {
  return entry.from <= now && now < entry.until;
}

/**
 * A public read through the context's cache under `key` (straight to the
 * database when there is none). `key` must name everything the value depends
 * on besides the database and `now`, the instant the fill reads for.
 */
export function cachedRead<T>(
  ctx: AppContext,
  key: string,
  fill: (now: Date) => Promise<Filled<T>>,
): Promise<T> {
  const now = ctx.now();
  if (!ctx.cache) {
    if (ctx.answer) ctx.answer.fromCache = false;
    return fill(now).then((filled) => filled.value);
  }
  if (ctx.answer) return ctx.cache.readFor(ctx.answer, key, now, fill);
  return ctx.cache.read(key, now, fill);
}
