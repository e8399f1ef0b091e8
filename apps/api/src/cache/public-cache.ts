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
      sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry.value)?.length ?? 1),
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
    if (!this.#feed.live) return (await fill(at)).value;
    const now = at.getTime();
    const kept = this.#entries.get(key);
    if (kept && holdsAt(kept, now)) return kept.value as T;

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
          if (epoch === this.#epoch && this.#feed.live) this.#entries.set(key, entry);
        },
        () => {
          if (this.#inflight.get(key) === started) this.#inflight.delete(key);
        },
      );
    }
    const entry = await flight;
    // A fill started for another instant may not hold at ours.
    return holdsAt(entry, now) ? (entry.value as T) : (await fill(at)).value;
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
  if (!ctx.cache) return fill(now).then((filled) => filled.value);
  return ctx.cache.read(key, now, fill);
}
