import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildRobotsTxt, buildRssFeed, buildSitemap, escapeXml, rfc822Date } from "./feeds";

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "item" });

function feedWith(items: Parameters<typeof buildRssFeed>[0]["items"]) {
  return buildRssFeed({
    title: "Westside Sports Chiro · Blog",
    siteUrl: "https://clinic.example/blog",
    feedUrl: "https://clinic.example/blog/rss.xml",
    description: "Articles & videos",
    language: "en-AU",
    items,
  });
}

describe("escapeXml", () => {
  it("escapes markup and quotes, and drops characters XML cannot hold", () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>`)).toBe(
      "&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;",
    );
    expect(escapeXml("bell\u0007 and tab\t")).toBe("bell and tab\t");
  });
});

describe("rfc822Date", () => {
  it("formats in GMT as RSS 2.0 requires", () => {
    expect(rfc822Date(new Date("2026-03-03T01:02:03Z"))).toBe("Tue, 03 Mar 2026 01:02:03 GMT");
  });
});

describe("buildRssFeed", () => {
  const published = new Date("2026-03-03T01:02:03Z");
  const xml = feedWith([
    {
      title: "Knees & <ankles>",
      url: "https://clinic.example/blog/knees?a=1&b=2",
      description: 'Why "load" matters ]]> and more',
      publishedAt: published,
      author: "Jason Lee",
      categories: ["running", "rehab"],
    },
    {
      title: "Older post",
      url: "https://clinic.example/blog/older",
      description: "",
      publishedAt: new Date("2026-01-01T00:00:00Z"),
    },
  ]);

  it("is well-formed XML a parser reads back to the original text", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { rss } = parser.parse(xml);
    expect(rss["@_version"]).toBe("2.0");
    const [first, second] = rss.channel.item;
    expect(first.title).toBe("Knees & <ankles>");
    expect(first.link).toBe("https://clinic.example/blog/knees?a=1&b=2");
    expect(first.description).toBe('Why "load" matters ]]> and more');
    expect(first.pubDate).toBe("Tue, 03 Mar 2026 01:02:03 GMT");
    expect(first.guid["#text"]).toBe(first.link);
    expect(first["dc:creator"]).toBe("Jason Lee");
    expect(first.category).toEqual(["running", "rehab"]);
    expect(second["dc:creator"]).toBeUndefined();
  });

  it("describes the channel with its own address and the newest item's date", () => {
    const { channel } = parser.parse(xml).rss;
    expect(channel.title).toBe("Westside Sports Chiro · Blog");
    expect(channel.link).toBe("https://clinic.example/blog");
    expect(channel["atom:link"]["@_href"]).toBe("https://clinic.example/blog/rss.xml");
    expect(channel["atom:link"]["@_rel"]).toBe("self");
    expect(channel.lastBuildDate).toBe(rfc822Date(published));
  });

  it("is a valid empty channel when there are no posts", () => {
    const empty = feedWith([]);
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(parser.parse(empty).rss.channel.item).toBeUndefined();
    expect(empty).not.toContain("lastBuildDate");
  });
});

describe("buildSitemap", () => {
  it("lists each URL once, escaped, with its last change when known", () => {
    const xml = buildSitemap([
      { url: "https://clinic.example/" },
      { url: "https://clinic.example/blog?page=2&x=1" },
      { url: "https://clinic.example/blog/a", lastModified: new Date("2026-03-03T00:00:00Z") },
      { url: "https://clinic.example/" },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { urlset } = new XMLParser({ isArray: (name) => name === "url" }).parse(xml);
    expect(urlset.url).toEqual([
      { loc: "https://clinic.example/" },
      { loc: "https://clinic.example/blog?page=2&x=1" },
      { loc: "https://clinic.example/blog/a", lastmod: "2026-03-03T00:00:00.000Z" },
    ]);
  });
});

describe("buildRobotsTxt", () => {
  it("keeps crawlers out of personal pages and points them at the sitemap", () => {
    const robots = buildRobotsTxt("https://clinic.example/sitemap.xml");
    expect(robots.split("\n")).toEqual(
      expect.arrayContaining([
        "User-agent: *",
        "Disallow: /manage",
        "Disallow: /account",
        "Disallow: /book/*/details",
        "Sitemap: https://clinic.example/sitemap.xml",
      ]),
    );
  });
});
