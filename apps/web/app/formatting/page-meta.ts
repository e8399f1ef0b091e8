import type { MetaDescriptor } from "@remix-run/node";

interface MetaMatch {
  id: string;
  data: unknown;
}

function rootData(matches: readonly MetaMatch[]): Record<string, unknown> | undefined {
  const data = matches.find((match) => match.id === "root")?.data;
  return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : undefined;
}

/** The clinic's name from the root loader's data, if it loaded. */
export function clinicNameFrom(matches: readonly MetaMatch[]): string | undefined {
  const clinic = rootData(matches)?.clinic;
  if (typeof clinic !== "object" || clinic === null || !("name" in clinic)) return undefined;
  return typeof clinic.name === "string" ? clinic.name : undefined;
}

/** The site's absolute base URL from the root loader's data, if it loaded. */
export function siteUrlFrom(matches: readonly MetaMatch[]): string | undefined {
  const siteUrl = rootData(matches)?.siteUrl;
  return typeof siteUrl === "string" ? siteUrl : undefined;
}

export interface PageMetaInput {
  title: string;
  description: string;
  /** Open Graph type: "website" unless the page is an article or a profile. */
  type?: "website" | "article" | "profile";
  /** The page's picture (a cover image, a portrait): a path of the site or an absolute URL. */
  image?: string | null;
  /** The image's text alternative, for platforms that show one. */
  imageAlt?: string;
}

/**
 * A page's title ("Page · Clinic name"), description, and the same for Open Graph and
 * Twitter cards. The page's URL, canonical link and site name come from the root layout,
 * which knows the location.
 */
export function pageMeta(matches: readonly MetaMatch[], page: PageMetaInput): MetaDescriptor[] {
  const clinicName = clinicNameFrom(matches);
  const title =
    clinicName && clinicName !== page.title ? `${page.title} · ${clinicName}` : page.title;
  const siteUrl = siteUrlFrom(matches);
  // Social sites fetch the image themselves, so it must be absolute.
  const image =
    page.image && siteUrl ? new URL(page.image, `${siteUrl}/`).href : (page.image ?? null);
  const meta: MetaDescriptor[] = [
    { title },
    { name: "description", content: page.description },
    { property: "og:title", content: title },
    { property: "og:description", content: page.description },
    { property: "og:type", content: page.type ?? "website" },
    { name: "twitter:card", content: image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: page.description },
  ];
  if (image) {
    meta.push({ property: "og:image", content: image }, { name: "twitter:image", content: image });
    if (page.imageAlt) {
      meta.push(
        { property: "og:image:alt", content: page.imageAlt },
        { name: "twitter:image:alt", content: page.imageAlt },
      );
    }
  }
  return meta;
}
