import { describe, expect, it } from "vitest";
import { clinicNameFrom, pageMeta } from "./page-meta";

const root = { id: "root", data: { clinic: { name: "Westside Sports Chiro" } } };

describe("pageMeta", () => {
  it("titles a page 'Page · Clinic name' and describes it", () => {
    expect(
      pageMeta([root, { id: "routes/blog._index", data: {} }], {
        title: "Blog",
        description: "Articles from our chiropractors.",
      }),
    ).toEqual([
      { title: "Blog · Westside Sports Chiro" },
      { name: "description", content: "Articles from our chiropractors." },
      { property: "og:title", content: "Blog · Westside Sports Chiro" },
      { property: "og:description", content: "Articles from our chiropractors." },
    ]);
  });

  it("falls back to the page title alone when the clinic did not load", () => {
    expect(
      pageMeta([{ id: "root", data: undefined }], { title: "Oops", description: "x" })[0],
    ).toEqual({
      title: "Oops",
    });
  });
});

describe("clinicNameFrom", () => {
  it("ignores data of the wrong shape", () => {
    expect(clinicNameFrom([{ id: "root", data: { clinic: { name: 42 } } }])).toBeUndefined();
    expect(clinicNameFrom([{ id: "root", data: "nope" }])).toBeUndefined();
    expect(clinicNameFrom([root])).toBe("Westside Sports Chiro");
  });
});
