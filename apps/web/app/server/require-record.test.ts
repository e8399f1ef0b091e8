import { TRPCClientError } from "@clinic/api-client";
import { requireRecord } from "@clinic/form-kit/server";
import { describe, expect, it } from "vitest";

function apiError(code: string) {
  return TRPCClientError.from({
    error: { code: -32000, message: code, data: { code, httpStatus: 400 } },
  } as never);
}

// The site's loaders load one record with the kit's requireRecord (was orNotFound here): its
// 404 is the site's.
describe("requireRecord, as the site's loaders use it", () => {
  it("passes a result through", async () => {
    await expect(requireRecord(() => Promise.resolve({ slug: "jason-lee" }))).resolves.toEqual({
      slug: "jason-lee",
    });
  });

  it("turns the API's NOT_FOUND into a thrown 404 response", async () => {
    const thrown = await requireRecord(() => Promise.reject(apiError("NOT_FOUND"))).catch(
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });

  it("lets other failures through untouched, so they reach the error page", async () => {
    const failure = apiError("INTERNAL_SERVER_ERROR");
    await expect(requireRecord(() => Promise.reject(failure))).rejects.toBe(failure);
    const down = new TypeError("fetch failed");
    await expect(requireRecord(() => Promise.reject(down))).rejects.toBe(down);
  });
});
