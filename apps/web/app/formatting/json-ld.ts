import { absoluteUrl } from "../links/site-url";

export type JsonLd = Record<string, unknown>;

/**
 * JSON for a `<script type="application/ld+json">` element. Escaping `<` (and `>`, `&`, the
 * two JavaScript line separators) as \u sequences keeps a value like `</script>` in a review
 * from ending the element early; the JSON means exactly the same to a parser.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

export interface ClinicForJsonLd {
  name: string;
  tagline: string;
  email: string;
  phone: string;
  address: { street: string; suburb: string; state: string; postcode: string; country: string };
  openingHours?: readonly { dayName: string; opens: string; closes: string }[];
  /** Days the clinic is closed (public holidays and the like), from today on. */
  closures?: readonly { startDate: string; endDate: string }[];
}

/** The clinic's stable identifier in structured data, so other items can refer to it. */
export function clinicId(siteUrl: string): string {
  return `${siteUrl}/#clinic`;
}

/**
 * The clinic as a schema.org Chiropractor (a MedicalBusiness), with its opening hours as the
 * API derives them from the practitioners' weekly hours (left out when there are none), and
 * its closures as days without hours.
 */
export function clinicJsonLd(clinic: ClinicForJsonLd, siteUrl: string): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "Chiropractor",
    "@id": clinicId(siteUrl),
    name: clinic.name,
    description: clinic.tagline,
    url: absoluteUrl(siteUrl, "/"),
    telephone: clinic.phone,
    email: clinic.email,
    address: {
      "@type": "PostalAddress",
      streetAddress: clinic.address.street,
      addressLocality: clinic.address.suburb,
      addressRegion: clinic.address.state,
      postalCode: clinic.address.postcode,
      addressCountry: clinic.address.country,
    },
    ...(clinic.openingHours?.length
      ? {
          openingHoursSpecification: clinic.openingHours.map((h) => ({
            "@type": "OpeningHoursSpecification",
            dayOfWeek: `https://schema.org/${h.dayName}`,
            opens: h.opens,
            closes: h.closes,
          })),
        }
      : {}),
    // schema.org's way to say "closed on these days": 00:00 to 00:00.
    ...(clinic.closures?.length
      ? {
          specialOpeningHoursSpecification: clinic.closures.map((c) => ({
            "@type": "OpeningHoursSpecification",
            validFrom: c.startDate,
            validThrough: c.endDate,
            opens: "00:00",
            closes: "00:00",
          })),
        }
      : {}),
  };
}

export interface PostForJsonLd {
  slug: string;
  title: string;
  excerpt: string;
  publishedAt: Date;
  tags: readonly string[];
  coverImageUrl: string | null;
  author: { slug: string; name: string } | null;
}

/** A post as a schema.org BlogPosting, published by the clinic. */
export function blogPostingJsonLd(
  post: PostForJsonLd,
  clinicName: string,
  siteUrl: string,
): JsonLd {
  const url = absoluteUrl(siteUrl, `/blog/${post.slug}`);
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    "@id": `${url}#article`,
    headline: post.title,
    description: post.excerpt,
    url,
    mainEntityOfPage: url,
    datePublished: post.publishedAt.toISOString(),
    ...(post.tags.length > 0 ? { keywords: post.tags.join(", ") } : {}),
    ...(post.coverImageUrl ? { image: new URL(post.coverImageUrl, `${siteUrl}/`).href } : {}),
    ...(post.author
      ? {
          author: {
            "@type": "Person",
            name: post.author.name,
            url: absoluteUrl(siteUrl, `/practitioners/${post.author.slug}`),
          },
        }
      : {}),
    publisher: { "@type": "Organization", "@id": clinicId(siteUrl), name: clinicName },
  };
}

export interface ReviewForJsonLd {
  authorName: string;
  rating: number;
  body: string;
  createdAt: Date;
}

/**
 * The testimonials page: the clinic with its approved reviews and their aggregate rating.
 * No AggregateRating without reviews, since a rating of nothing is not a rating.
 */
export function reviewsJsonLd(
  clinic: { name: string },
  siteUrl: string,
  reviews: readonly ReviewForJsonLd[],
  summary: { count: number; average: number | null },
): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "Chiropractor",
    "@id": clinicId(siteUrl),
    name: clinic.name,
    url: absoluteUrl(siteUrl, "/"),
    ...(summary.average !== null && summary.count > 0
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: summary.average,
            reviewCount: summary.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
    review: reviews.map((review) => ({
      "@type": "Review",
      author: { "@type": "Person", name: review.authorName },
      datePublished: review.createdAt.toISOString(),
      reviewBody: review.body,
      reviewRating: {
        "@type": "Rating",
        ratingValue: review.rating,
        bestRating: 5,
        worstRating: 1,
      },
    })),
  };
}
