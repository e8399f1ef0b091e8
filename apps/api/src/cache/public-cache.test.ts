import { describe, expect, it } from "vitest";
import { silentLogger } from "../logger.js";
import type { ChangeFeed } from "./change-feed.js";
import { type Filled, PublicCache } from "./public-cache.js";

/** A feed a test drives: changes "heard", the connection up or down, announcements counted. */
function manualFeed() {
  const listeners: (() => void)[] = [];
  const feed = {
    live: true as boolean,
    announced: 0,
    onChange: (listener: () => void) => void listeners.push(listener),
    announce: async () => {
      feed.announced += 1;
    },
    close: async () => {},
    hear: () => {
      for (const listener of listeners) listener();
    },
  } satisfies ChangeFeed & Record<string, unknown>;
  return feed;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const at = (ms: number) => new Date(ms);

/** A fill that counts its calls and answers the current value of `source`. */
function counter(source: { value: string }) {
  const fill = async (): Promise<Filled<string>> => {
    fill.calls += 1;
    return { value: source.value };
  };
  fill.calls = 0;
  return fill;
}

describe("the public cache", () => {
  it("keeps a value until a change here or one heard from elsewhere", async () => {
    const feed = manualFeed();
    const cache = new PublicCache({ feed, logger: silentLogger });
    const source = { value: "v1" };
    const fill = counter(source);

    expect(await cache.read("k", at(0), fill)).toBe("v1");
    source.value = "v2";
    expect(await cache.read("k", at(1), fill)).toBe("v1");
    expect(fill.calls).toBe(1);

    await cache.changed();
    expect(feed.announced).toBe(1);
    expect(await cache.read("k", at(2), fill)).toBe("v2");

    source.value = "v3";
    feed.hear();
    expect(await cache.read("k", at(3), fill)).toBe("v3");
    expect(fill.calls).toBe(3);
  });

  it("never stores a fill that was in flight when a change came in", async () => {
    const cache = new PublicCache({ feed: manualFeed(), logger: silentLogger });
    const slow = deferred<Filled<string>>();
    const inFlight = cache.read("k", at(0), () => slow.promise);

    // The write commits and drops the cache while the read still holds the old rows.
    await cache.changed();
    const fresh = counter({ value: "new" });
    // A caller after the change doesn't join the old fill.
    expect(await cache.read("k", at(1), fresh)).toBe("new");
    slow.resolve({ value: "old" });
    expect(await inFlight).toBe("old");

    // What the late fill read is not kept: the next read is still the new value.
    expect(await cache.read("k", at(2), counter({ value: "unused" }))).toBe("new");
    expect(fresh.calls).toBe(1);
  });

  it("lets callers of one key share a fill", async () => {
    const cache = new PublicCache({ feed: manualFeed(), logger: silentLogger });
    const slow = deferred<Filled<string>>();
    let calls = 0;
    const fill = () => {
      calls += 1;
      return slow.promise;
    };
    const reads = [cache.read("k", at(0), fill), cache.read("k", at(0), fill)];
    slow.resolve({ value: "once" });
    expect(await Promise.all(reads)).toEqual(["once", "once"]);
    expect(calls).toBe(1);
  });

  it("keeps a value only for the instants it holds", async () => {
    const cache = new PublicCache({ feed: manualFeed(), logger: silentLogger });
    const fill = async (now: Date): Promise<Filled<number>> => ({
      value: now.getTime(),
      until: 100,
    });
    expect(await cache.read("k", at(10), fill)).toBe(10);
    expect(await cache.read("k", at(99), fill)).toBe(10);
    // From `until` on the value may differ by itself; before the fill's instant too.
    expect(await cache.read("k", at(100), fill)).toBe(100);
    expect(await cache.read("k", at(5), fill)).toBe(5);
  });

  it("serves nothing from memory while changes elsewhere could go unheard", async () => {
    const feed = manualFeed();
    const cache = new PublicCache({ feed, logger: silentLogger });
    const source = { value: "v1" };
    const fill = counter(source);
    await cache.read("k", at(0), fill);

    feed.live = false;
    source.value = "v2";
    expect(await cache.read("k", at(1), fill)).toBe("v2");
    expect(await cache.read("k", at(2), fill)).toBe("v2");
    expect(cache.version).not.toBe(cache.version);

    // Back (the feed reports a change on reconnecting): filled again and kept.
    feed.live = true;
    feed.hear();
    source.value = "v3";
    expect(await cache.read("k", at(3), fill)).toBe("v3");
    expect(await cache.read("k", at(4), fill)).toBe("v3");
    expect(fill.calls).toBe(4);
  });

  it("changes its version only on a change, here or heard", async () => {
    const feed = manualFeed();
    const cache = new PublicCache({ feed, logger: silentLogger });
    const first = cache.version;
    expect(cache.version).toBe(first);
    await cache.changed();
    const second = cache.version;
    expect(second).not.toBe(first);
    feed.hear();
    expect(cache.version).not.toBe(second);
    // Another process (a restart) never reuses a version.
    expect(new PublicCache({ feed, logger: silentLogger }).version).not.toBe(first);
  });

  it("holds at most its size bound", async () => {
    const cache = new PublicCache({ feed: manualFeed(), logger: silentLogger, maxSize: 100 });
    const value = "x".repeat(30); // 32 characters of JSON
    for (let i = 0; i < 10; i++) await cache.read(`k${i}`, at(0), async () => ({ value }));
    expect(cache.size).toBe(3);
  });

  it("keeps a whole answer for its window, never one computed across a change", async () => {
    const cache = new PublicCache({ feed: manualFeed(), logger: silentLogger });
    const answer = {
      body: new TextEncoder().encode("{}"),
      headers: [["content-type", "application/json"]] as [string, string][],
    };
    const window = { from: 10, until: 20, fromCache: true, reads: 1 };
    cache.keepAnswer("/trpc/x", cache.ticket(), window, answer);
    expect(cache.answer("/trpc/x", at(9))).toBeUndefined();
    expect(cache.answer("/trpc/x", at(10))).toEqual(answer);
    expect(cache.answer("/trpc/x", at(20))).toBeUndefined();

    await cache.changed();
    expect(cache.answer("/trpc/x", at(10))).toBeUndefined();
    const ticket = cache.ticket();
    await cache.changed();
    cache.keepAnswer("/trpc/x", ticket, window, answer);
    expect(cache.answer("/trpc/x", at(10))).toBeUndefined();
  });

  it("keeps nothing when a fill fails", async () => {
    const cache = new PublicCache({ feed: manualFeed(), logger: silentLogger });
    await expect(
      cache.read("k", at(0), async () => {
        throw new Error("database down");
      }),
    ).rejects.toThrow("database down");
    expect(await cache.read("k", at(1), async () => ({ value: "ok" }))).toBe("ok");
  });
});
