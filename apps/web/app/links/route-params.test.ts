import { pageParam } from "@clinic/form-kit";
import { describe, expect, it } from "vitest";
import { requireSlug, slugParam } from "./route-params";

describe("slugParam", () => {
  it("accepts a well-formed slug", () => {
    expect(slugParam("why-runners-benefit")).toBe("why-runners-benefit");
  });

  it.each([undefined, "", "Bad_Slug", "double--hyphen", "-leading", "a".repeat(101), "x/../y"])(
    "rejects %s",
    (value) => {
      expect(slugParam(value)).toBeNull();
    },
  );
});

describe("requireSlug", () => {
  it("passes a slug and answers anything else with the page's 404", () => {
    expect(requireSlug("jason-lee", "Practitioner")).toBe("jason-lee");
    const thrown = (() => {
      try {
        requireSlug("Bad_Slug", "Practitioner");
      } catch (error) {
        return error as Response;
      }
    })();
    expect(thrown).toBeInstanceOf(Response);
    expect(thrown?.status).toBe(404);
  });
});

// The blog and its topics read ?page= with the kit's pageParam.
describe("pageParam, as the blog reads ?page=", () => {
  const page = (query: string) => pageParam(new URLSearchParams(query));

  it("reads a positive page number", () => {
    expect(page("page=3")).toBe(3);
  });

  it.each(["", "page=", "page=0", "page=-2", "page=abc", "page=2.5", "page=1e3", "page=99999999"])(
    "falls back to page 1 for %s",
    (query) => {
      expect(page(query)).toBe(1);
    },
  );

  it("respects a maximum", () => {
    expect(pageParam(new URLSearchParams("page=51"), 50)).toBe(1);
  });
});
