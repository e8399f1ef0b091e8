import type { MetaDescriptor } from "@remix-run/node";

interface MetaMatch {
  id: string;
  data: unknown;
}

/** The clinic's name from the root loader's data, if it loaded. */
export function clinicNameFrom(matches: readonly MetaMatch[]): string | undefined {
  const data = matches.find((match) => match.id === "root")?.data;
  if (typeof data !== "object" || data === null || !("clinic" in data)) return undefined;
  const clinic = data.clinic;
  if (typeof clinic !== "object" || clinic === null || !("name" in clinic)) return undefined;
  return typeof clinic.name === "string" ? clinic.name : undefined;
}

/** Title ("Page · Clinic name") and description tags for a page. */
export function pageMeta(
  matches: readonly MetaMatch[],
  page: { title: string; description: string },
): MetaDescriptor[] {
  const clinicName = clinicNameFrom(matches);
  const title =
    clinicName && clinicName !== page.title ? `${page.title} · ${clinicName}` : page.title;
  return [
    { title },
    { name: "description", content: page.description },
    { property: "og:title", content: title },
    { property: "og:description", content: page.description },
  ];
}
