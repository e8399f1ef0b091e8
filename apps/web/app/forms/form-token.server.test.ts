import { describe, expect, it, vi } from "vitest";

const tokenQuery = vi.fn();
vi.mock("../server/api.server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../server/api.server")>()),
  api: { forms: { token: { query: tokenQuery } } },
}));

const { formToken } = await import("./public-form.server");

describe("a public form's token", () => {
  it("is the one the API signed for this form", async () => {
    tokenQuery.mockResolvedValueOnce({ token: "review.1767225600000.signature" });
    expect(await formToken("review")).toEqual({ formToken: "review.1767225600000.signature" });
    expect(tokenQuery).toHaveBeenCalledWith({ form: "review" });
  });

  it("is missing, not a broken page, when the API can't be reached", async () => {
    tokenQuery.mockRejectedValueOnce(new Error("fetch failed"));
    expect(await formToken("enquiry")).toEqual({ formToken: null });
  });
});
