import type { ApiClient } from "@clinic/api-client";
import { describe, expect, it, vi } from "vitest";
import { formToken } from "./public-form.server";

/** An API client whose `forms.token` answers with `query`. */
const apiAnswering = (query: (input: { form: string }) => Promise<{ token: string }>) =>
  ({ forms: { token: { query } } }) as unknown as Pick<ApiClient, "forms">;

describe("a public form's token", () => {
  it("is the one the API signed for this form", async () => {
    const query = vi.fn(async () => ({ token: "review.1767225600000.signature" }));
    expect(await formToken("review", {}, apiAnswering(query))).toEqual({
      formToken: "review.1767225600000.signature",
    });
    expect(query).toHaveBeenCalledWith({ form: "review" });
  });

  it("is missing, not a broken page, when the API can't be reached", async () => {
    const down = apiAnswering(async () => {
      throw new Error("fetch failed");
    });
    expect(await formToken("enquiry", {}, down)).toEqual({ formToken: null });
  });

  it("is the page cache's placeholder when the page is rendered to be kept", async () => {
    const query = vi.fn(async () => ({ token: "review.1767225600000.signature" }));
    const context = { formTokenPlaceholder: (form: string) => `placeholder-for-${form}` };
    expect(await formToken("review", context, apiAnswering(query))).toEqual({
      formToken: "placeholder-for-review",
    });
    expect(query).not.toHaveBeenCalled();
  });
});
