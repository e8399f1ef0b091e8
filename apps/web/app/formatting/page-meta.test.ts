import { describe, expect, it } from "vitest";
import { clinicNameFrom, pageMeta, siteUrlFrom } from "./page-meta";

const root = {
  id: "root",
  data: { clinic: { name: "Westside Sports Chiro" }, siteUrl: "https://clinic.example" },
};

describe("pageMeta", () => {
  it("titles a page 'Page · Clinic name' and describes it for search and social sites", () => {
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
      { property: "og:type", content: "website" },
      { name: "twitter:card", content: "summary" },
      { name: "twitter:title", content: "Blog · Westside Sports Chiro" },
      { name: "twitter:description", content: "Articles from our chiropractors." },
    ]);
  });

  it("adds the page's image as an absolute URL, with a large card", () => {
    const meta = pageMeta([root], {
      title: "Knees",
      description: "About knees",
      type: "article",
      image: "/images/knees.jpg",
      imageAlt: "A runner's knee",
    });
    expect(meta).toEqual(
      expect.arrayContaining([
        { property: "og:type", content: "article" },
        { name: "twitter:card", content: "summary_large_image" },
        { property: "og:image", content: "https://clinic.example/images/knees.jpg" },
        { name: "twitter:image", content: "https://clinic.example/images/knees.jpg" },
        { property: "og:image:alt", content: "A runner's knee" },
      ]),
    );
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

describe("siteUrlFrom", () => {
  it("reads the site URL from the root data", () => {
    expect(siteUrlFrom([root])).toBe("https://clinic.example");
    expect(siteUrlFrom([{ id: "root", data: null }])).toBeUndefined();
  });
});
