import { describe, expect, it } from "vitest";
import { cacheControlForStatus, PUBLIC_PAGE_CACHE_CONTROL } from "./cache-control";

describe("cacheControlForStatus", () => {
  it("lets shared caches keep a successful page briefly", () => {
    expect(cacheControlForStatus(200)).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(PUBLIC_PAGE_CACHE_CONTROL).toBe(cacheControlForStatus(200));
  });

  it.each([404, 500, 503])("never caches a %i page", (status) => {
    expect(cacheControlForStatus(status)).toBe("no-store");
  });
});
