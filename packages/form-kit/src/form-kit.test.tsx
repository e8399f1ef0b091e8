import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ErrorPage, errorStatusOf, errorTitle } from "./error-page";
import { intentOf } from "./intent";
import { missingFieldMessages } from "./missing-field-messages";
import { pageCount, pageParam } from "./pagination";
import { notFound, requireRecord } from "./records";

/** A response a loader threw, as Remix hands it to the error boundary. */
const thrown = (status: number) => ({ status, statusText: "", internal: false, data: "" });

describe("error pages", () => {
  it("have a page for 401, 403, 404 and 409, and 500 for anything else", () => {
    expect([401, 403, 404, 409].map((s) => errorStatusOf(thrown(s)))).toEqual([401, 403, 404, 409]);
    expect(errorStatusOf(thrown(400))).toBe(500);
    expect(errorStatusOf(new Error("boom"))).toBe(500);
    expect(errorTitle(thrown(403))).toBe("You don't have access");
  });

  it("say what happened, in the app's words where it has them, never the error itself", () => {
    const html = renderToStaticMarkup(
      <ErrorPage
        status={403}
        copy={{ 403: { title: "Not for your role", message: "Ask the owner." } }}
      >
        <a href="/">Back</a>
      </ErrorPage>,
    );
    expect(html).toContain('<h1 id="error-heading">Not for your role</h1>');
    expect(html).toContain("Ask the owner.");
    expect(html).toContain('<a href="/">Back</a>');
    expect(renderToStaticMarkup(<ErrorPage status={500} />)).toContain("Something went wrong");
  });
});

describe("requireRecord", () => {
  it("is a 404 for a record the API doesn't know, and passes other failures on", async () => {
    const { TRPCClientError } = await import("@clinic/api-client");
    const refused = (code: string) => async () => {
      throw TRPCClientError.from({ error: { code: -32_600, message: "no", data: { code } } });
    };
    await expect(requireRecord(async () => "found")).resolves.toBe("found");
    for (const code of ["NOT_FOUND", "BAD_REQUEST"]) {
      const response = await requireRecord(refused(code), "Service").catch((e) => e);
      expect(response).toBeInstanceOf(Response);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Service not found");
    }
    await expect(requireRecord(refused("INTERNAL_SERVER_ERROR"))).rejects.toThrow("no");
    expect(notFound().status).toBe(404);
  });
});

describe("intentOf", () => {
  it("names the button pressed, and refuses a forged one with a 400", () => {
    const form = new FormData();
    form.set("intent", "deactivate");
    expect(intentOf(form, ["save", "deactivate"])).toBe("deactivate");
    form.set("intent", "drop-tables");
    const refused = (() => {
      try {
        intentOf(form, ["save", "deactivate"]);
      } catch (error) {
        return error as Response;
      }
    })();
    expect(refused?.status).toBe(400);
  });
});

describe("pagination", () => {
  it("reads ?page= as a whole page number, else page 1", () => {
    const page = (query: string) => pageParam(new URLSearchParams(query));
    expect([page(""), page("page=3"), page("page=0"), page("page=2.5"), page("page=abc")]).toEqual([
      1, 3, 1, 1, 1,
    ]);
    expect(page("page=10001")).toBe(1);
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });
});

describe("missingFieldMessages", () => {
  it("names a missing field in plain words and leaves other messages to the schema", () => {
    const schema = z.object({ email: z.string().includes("@", "Enter a valid email address") });
    const error = (input: unknown) =>
      schema.safeParse(input, { error: missingFieldMessages({ email: "Enter your email" }) }).error
        ?.issues[0]?.message;
    expect(error({})).toBe("Enter your email");
    expect(error({ email: "nope" })).toBe("Enter a valid email address");
  });
});
