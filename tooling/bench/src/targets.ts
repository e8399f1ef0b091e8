import { addLocalDays, localDateOf } from "@clinic/domain";

export interface Target {
  name: string;
  /** Path (and query) on the server. */
  path: string;
}

/** The path of a tRPC query over GET, input in superjson's envelope as the typed client sends it. */
export function trpcPath(procedure: string, input?: unknown): string {
  const query =
    input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return `/trpc/${procedure}${query}`;
}

async function query<T>(apiUrl: string, procedure: string, input?: unknown): Promise<T> {
  const response = await fetch(`${apiUrl}${trpcPath(procedure, input)}`);
  if (!response.ok) throw new Error(`${procedure} answered ${response.status}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

interface Service {
  id: string;
  slug: string;
  practitioners: { id: string; slug: string }[];
}

/**
 * What the bench requests, found from the seeded clinic's own content (so no slug is
 * hard-coded): the public pages, the booking page, and the API's public reads.
 */
export async function discoverTargets(apiUrl: string) {
  const [services, practitioners, posts, settings] = await Promise.all([
    query<Service[]>(apiUrl, "services.list"),
    query<{ slug: string }[]>(apiUrl, "practitioners.list"),
    query<{ items: { slug: string }[] }>(apiUrl, "posts.list", { page: 1, pageSize: 10 }),
    query<{ timeZone: string }>(apiUrl, "settings.get"),
  ]);
  // The service most practitioners offer: "first available" then has the most to combine.
  const service = [...services].sort((a, b) => b.practitioners.length - a.practitioners.length)[0];
  const practitioner = practitioners[0];
  const post = posts.items[0];
  if (!service?.practitioners[0] || !practitioner || !post) {
    throw new Error("the API has no bookable service, practitioner or post: is it seeded?");
  }
  const from = localDateOf(new Date(), settings.timeZone);
  const slots = (practitionerId: string, days: number) =>
    trpcPath("availability.slots", {
      serviceId: service.id,
      practitionerId,
      from,
      to: addLocalDays(from, days - 1),
    });

  const pages: Target[] = [
    { name: "home", path: "/" },
    { name: "blog list", path: "/blog" },
    { name: "blog post", path: `/blog/${post.slug}` },
    { name: "services list", path: "/services" },
    { name: "service", path: `/services/${service.slug}` },
    { name: "practitioner", path: `/practitioners/${practitioner.slug}` },
    { name: "testimonials", path: "/testimonials" },
  ];
  const api = {
    reference: { name: "/healthz", path: "/healthz" } satisfies Target,
    slots: [
      { name: "availability.slots any, 14 days", path: slots("any", 14) },
      { name: "availability.slots one, 7 days", path: slots(service.practitioners[0].id, 7) },
    ] satisfies Target[],
    reads: [
      { name: "services.list", path: trpcPath("services.list") },
      { name: "practitioners.list", path: trpcPath("practitioners.list") },
      { name: "settings.get", path: trpcPath("settings.get") },
      { name: "posts.list", path: trpcPath("posts.list", { page: 1, pageSize: 10 }) },
    ] satisfies Target[],
  };
  return { pages, api, bookPath: `/book/${service.slug}` };
}
