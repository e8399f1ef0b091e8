import { describe, expect, it } from "vitest";
import { blogPostingJsonLd, clinicJsonLd, reviewsJsonLd, serializeJsonLd } from "./json-ld";

const SITE = "https://clinic.example";

const clinic = {
  name: "Westside Sports Chiro",
  tagline: "Sports chiropractic in Sydney",
  email: "hello@clinic.example",
  phone: "02 9000 0000",
  address: {
    street: "1 Example St",
    suburb: "Leichhardt",
    state: "NSW",
    postcode: "2040",
    country: "AU",
  },
};

describe("serializeJsonLd", () => {
  it("cannot close its script element, whatever the content says", () => {
    const json = serializeJsonLd({ reviewBody: "</script><script>alert(1)</script> & <!--" });
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain("\\u003c/script\\u003e");
    // The escaped text still parses to exactly the original.
    expect(JSON.parse(json)).toEqual({
      reviewBody: "</script><script>alert(1)</script> & <!--",
    });
  });

  it("escapes the line separators JavaScript parsers once choked on", () => {
    const json = serializeJsonLd({ text: "a\u2028b\u2029c" });
    expect(json).toBe('{"text":"a\\u2028b\\u2029c"}');
    expect(JSON.parse(json)).toEqual({ text: "a\u2028b\u2029c" });
  });
});

describe("clinicJsonLd", () => {
  it("describes the clinic as a Chiropractor with its address, and no hours when none are known", () => {
    const data = clinicJsonLd(clinic, SITE);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Chiropractor",
      "@id": "https://clinic.example/#clinic",
      name: "Westside Sports Chiro",
      url: "https://clinic.example/",
      telephone: "02 9000 0000",
      address: {
        "@type": "PostalAddress",
        streetAddress: "1 Example St",
        addressLocality: "Leichhardt",
        addressRegion: "NSW",
        postalCode: "2040",
        addressCountry: "AU",
      },
    });
    expect(data).not.toHaveProperty("openingHours");
    expect(data).not.toHaveProperty("openingHoursSpecification");
  });

  it("marks the clinic's closures as days without hours", () => {
    const data = clinicJsonLd(
      { ...clinic, closures: [{ startDate: "2026-12-25", endDate: "2026-12-26" }] },
      SITE,
    );
    expect(data.specialOpeningHoursSpecification).toEqual([
      {
        "@type": "OpeningHoursSpecification",
        validFrom: "2026-12-25",
        validThrough: "2026-12-26",
        opens: "00:00",
        closes: "00:00",
      },
    ]);
  });

  it("lists the opening hours the API derives from the practitioners' weeks", () => {
    const data = clinicJsonLd(
      {
        ...clinic,
        openingHours: [
          { dayName: "Monday", opens: "08:00", closes: "18:00" },
          { dayName: "Saturday", opens: "08:00", closes: "12:00" },
        ],
      },
      SITE,
    );
    expect(data.openingHoursSpecification).toEqual([
      {
        "@type": "OpeningHoursSpecification",
        dayOfWeek: "https://schema.org/Monday",
        opens: "08:00",
        closes: "18:00",
      },
      {
        "@type": "OpeningHoursSpecification",
        dayOfWeek: "https://schema.org/Saturday",
        opens: "08:00",
        closes: "12:00",
      },
    ]);
  });
});

describe("blogPostingJsonLd", () => {
  const post = {
    slug: "knees",
    title: "Knees",
    excerpt: "About knees",
    publishedAt: new Date("2026-03-03T01:00:00Z"),
    tags: ["running", "rehab"],
    coverImageUrl: "/images/knees.jpg",
    author: { slug: "jason-lee", name: "Jason Lee" },
  };

  it("links the post, its author and the clinic with absolute URLs", () => {
    expect(blogPostingJsonLd(post, clinic.name, SITE)).toMatchObject({
      "@type": "BlogPosting",
      headline: "Knees",
      url: "https://clinic.example/blog/knees",
      datePublished: "2026-03-03T01:00:00.000Z",
      keywords: "running, rehab",
      image: "https://clinic.example/images/knees.jpg",
      author: {
        "@type": "Person",
        name: "Jason Lee",
        url: "https://clinic.example/practitioners/jason-lee",
      },
      publisher: { "@id": "https://clinic.example/#clinic", name: "Westside Sports Chiro" },
    });
  });

  it("leaves out what the post does not have", () => {
    const data = blogPostingJsonLd(
      { ...post, tags: [], coverImageUrl: null, author: null },
      clinic.name,
      SITE,
    );
    expect(data).not.toHaveProperty("author");
    expect(data).not.toHaveProperty("image");
    expect(data).not.toHaveProperty("keywords");
  });
});

describe("reviewsJsonLd", () => {
  const reviews = [
    { authorName: "Mia", rating: 5, body: "Great", createdAt: new Date("2026-03-01T00:00:00Z") },
    { authorName: "Tom", rating: 4, body: "Good", createdAt: new Date("2026-02-01T00:00:00Z") },
  ];

  it("gives each review its rating and the clinic its aggregate", () => {
    const data = reviewsJsonLd(clinic, SITE, reviews, { count: 2, average: 4.5 });
    expect(data.aggregateRating).toEqual({
      "@type": "AggregateRating",
      ratingValue: 4.5,
      reviewCount: 2,
      bestRating: 5,
      worstRating: 1,
    });
    expect(data.review).toEqual([
      expect.objectContaining({
        "@type": "Review",
        author: { "@type": "Person", name: "Mia" },
        reviewBody: "Great",
        reviewRating: expect.objectContaining({ ratingValue: 5, bestRating: 5 }),
      }),
      expect.objectContaining({ author: { "@type": "Person", name: "Tom" } }),
    ]);
  });

  it("has no aggregate rating without reviews", () => {
    const data = reviewsJsonLd(clinic, SITE, [], { count: 0, average: null });
    expect(data).not.toHaveProperty("aggregateRating");
    expect(data.review).toEqual([]);
  });
});
