import type { ShownImage } from "@clinic/domain";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Executor } from "../database.js";
import { practitioners, servicePractitioners, services } from "../schema.js";

/** Practitioners and services as the public sees them: active ones, each with the other side of the link. */

export interface PractitionerRef {
  id: string;
  slug: string;
  name: string;
}

export type PublicPractitioner = Pick<
  typeof practitioners.$inferSelect,
  "id" | "slug" | "name" | "title" | "bio" | "photoUrl"
> & {
  /** An uploaded photo with its variants (decision 021); null for none or an older photo. */
  photo: ShownImage | null;
  services: PractitionerRef[];
};

export type PublicService = Pick<
  typeof services.$inferSelect,
  | "id"
  | "slug"
  | "name"
  | "summary"
  | "description"
  | "durationMinutes"
  | "priceCents"
  | "patientType"
> & { practitioners: PractitionerRef[] };

const activeLinks = (db: Executor, narrow: SQL) =>
  db
    .select({
      serviceId: services.id,
      serviceSlug: services.slug,
      serviceName: services.name,
      practitionerId: practitioners.id,
      practitionerSlug: practitioners.slug,
      practitionerName: practitioners.name,
    })
    .from(servicePractitioners)
    .innerJoin(services, eq(services.id, servicePractitioners.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, servicePractitioners.practitionerId))
    .where(and(eq(services.active, true), eq(practitioners.active, true), narrow))
    .orderBy(asc(services.sortOrder), asc(practitioners.sortOrder));

export async function listPublicPractitioners(
  db: Executor,
  filter: { slug?: string } = {},
): Promise<PublicPractitioner[]> {
  const rows = await db
    .select({
      id: practitioners.id,
      slug: practitioners.slug,
      name: practitioners.name,
      title: practitioners.title,
      bio: practitioners.bio,
      photoUrl: practitioners.photoUrl,
      photo: practitioners.photo,
      photoAlt: practitioners.photoAlt,
    })
    .from(practitioners)
    .where(
      and(
        eq(practitioners.active, true),
        filter.slug ? eq(practitioners.slug, filter.slug) : undefined,
      ),
    )
    .orderBy(asc(practitioners.sortOrder), asc(practitioners.name));
  if (rows.length === 0) return [];
  const links = await activeLinks(
    db,
    inArray(
      practitioners.id,
      rows.map((r) => r.id),
    ),
  );
  return rows.map(({ photo, photoAlt, ...row }) => ({
    ...row,
    photo: photo ? { ...photo, alt: photoAlt ?? "" } : null,
    services: links
      .filter((l) => l.practitionerId === row.id)
      .map((l) => ({ id: l.serviceId, slug: l.serviceSlug, name: l.serviceName })),
  }));
}

export async function listPublicServices(
  db: Executor,
  filter: { slug?: string } = {},
): Promise<PublicService[]> {
  const rows = await db
    .select({
      id: services.id,
      slug: services.slug,
      name: services.name,
      summary: services.summary,
      description: services.description,
      durationMinutes: services.durationMinutes,
      priceCents: services.priceCents,
      patientType: services.patientType,
    })
    .from(services)
    .where(and(eq(services.active, true), filter.slug ? eq(services.slug, filter.slug) : undefined))
    .orderBy(asc(services.sortOrder), asc(services.name));
  if (rows.length === 0) return [];
  const links = await activeLinks(
    db,
    inArray(
      services.id,
      rows.map((r) => r.id),
    ),
  );
  return rows.map((row) => ({
    ...row,
    practitioners: links
      .filter((l) => l.serviceId === row.id)
      .map((l) => ({ id: l.practitionerId, slug: l.practitionerSlug, name: l.practitionerName })),
  }));
}
