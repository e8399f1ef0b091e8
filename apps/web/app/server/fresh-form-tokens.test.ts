import { describe, expect, it } from "vitest";
import { FreshFormTokens } from "./fresh-form-tokens";

/** An API whose answers are released by hand, counting what it was asked. */
function api() {
  const asked: string[] = [];
  const pending: { resolve: (token: string) => void; reject: (error: Error) => void }[] = [];
  return {
    asked,
    issue: (form: string) => {
      asked.push(form);
      return new Promise<string>((resolve, reject) => pending.push({ resolve, reject }));
    },
    answer: async (token: string) => {
      pending.shift()?.resolve(token);
      await new Promise((resolve) => setImmediate(resolve));
    },
    fail: async () => {
      pending.shift()?.reject(new Error("fetch failed"));
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe("fresh form tokens", () => {
  it("asks the API once however many ask, and hands the token out until it is due again", async () => {
    let now = 0;
    const server = api();
    const tokens = new FreshFormTokens({ issue: server.issue, now: () => now });
    expect(tokens.current("review")).toBeNull();
    expect(tokens.current("review")).toBeNull();
    expect(server.asked).toEqual(["review"]);
    await server.answer("review.0.a");
    now = 999;
    expect(tokens.current("review")).toBe("review.0.a");
    expect(server.asked).toHaveLength(1);
    // Due: still handed out while the next one is asked for, then replaced.
    now = 1_000;
    expect(tokens.current("review")).toBe("review.0.a");
    expect(server.asked).toHaveLength(2);
    await server.answer("review.1000.b");
    expect(tokens.current("review")).toBe("review.1000.b");
  });

  it("never hands out a token past its age, and keeps each form's apart", async () => {
    let now = 0;
    const server = api();
    const tokens = new FreshFormTokens({ issue: server.issue, now: () => now, maxAgeMs: 5_000 });
    tokens.current("enquiry");
    await server.answer("enquiry.0.a");
    expect(tokens.current("review")).toBeNull();
    expect(server.asked).toEqual(["enquiry", "review"]);
    // The API stops answering: the old token goes out until it is too old, then none.
    now = 4_999;
    expect(tokens.current("enquiry")).toBe("enquiry.0.a");
    await server.fail();
    await server.fail();
    now = 5_000;
    expect(tokens.current("enquiry")).toBeNull();
  });
});
