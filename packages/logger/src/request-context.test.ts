import { describe, expect, it } from "vitest";
import { memoryLogger } from "./logger.js";
import {
  currentRequestId,
  requestIdFrom,
  requestIdHeaders,
  withRequestId,
} from "./request-context.js";

const ID = "5b0c7a34-2f1e-4d8a-9c3b-1e2f3a4b5c6d";

describe("request ids", () => {
  it("takes a UUID from the caller and makes a new one for anything else", () => {
    expect(requestIdFrom(ID.toUpperCase())).toBe(ID);
    for (const sent of [null, "", "pat@example.com", `${ID}x`, "0412 987 654"]) {
      const made = requestIdFrom(sent);
      expect(made).not.toBe(sent);
      expect(made).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("is on every line written inside the request, across awaits, and on none outside", async () => {
    const logger = memoryLogger();
    logger.info("before");
    await withRequestId(ID, async () => {
      logger.info("start");
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.warn("later", { step: 2 });
      expect(currentRequestId()).toBe(ID);
    });
    logger.info("after");
    expect(logger.entries.map((e) => [e.message, e.fields?.requestId])).toEqual([
      ["before", undefined],
      ["start", ID],
      ["later", ID],
      ["after", undefined],
    ]);
  });

  it("gives the header for the API inside a request and none outside", async () => {
    expect(requestIdHeaders()).toEqual({});
    expect(withRequestId(ID, requestIdHeaders)).toEqual({ "x-request-id": ID });
  });

  it("keeps concurrent requests apart", async () => {
    const other = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a";
    const seen = await Promise.all(
      [ID, other].map((id) =>
        withRequestId(id, async () => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          return currentRequestId();
        }),
      ),
    );
    expect(seen).toEqual([ID, other]);
  });
});
