import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  failure,
  practitionerIdBySlug,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";

const service = (slug: string, practitionerIds: string[]) => ({
  slug,
  name: "Hydrotherapy",
  summary: "Pool-based rehab.",
  description: "",
  durationMinutes: 45,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 10,
  priceCents: 8500,
  patientType: "any" as const,
  active: true,
  sortOrder: 9,
  practitionerIds,
});

describe.each(testDrivers)("staff services (%s)", (driver) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;
  let jasonId: string;
  let joeyId: string;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    owner = await signedInStaff(t, "owner");
    jasonId = await practitionerIdBySlug(t, "jason-lee");
    joeyId = await practitionerIdBySlug(t, "joey-lee");
  });
  afterAll(() => t.close());

  it("keeps the front desk and practitioners out of service edits", async () => {
    const frontDesk = await signedInStaff(t, "front_desk");
    const practitioner = await signedInStaff(t, "practitioner", { practitionerId: jasonId });
    const [existing] = await owner.client.services.staffList.query();
    for (const who of [frontDesk, practitioner]) {
      expect((await who.client.services.staffList.query()).length).toBeGreaterThan(0);
      expect(
        (await failure(who.client.services.create.mutate(service("not-allowed", [])))).code,
      ).toBe("FORBIDDEN");
      expect(
        (
          await failure(
            who.client.services.update.mutate({
              ...service(existing!.slug, []),
              id: existing!.id,
              priceCents: 1,
            }),
          )
        ).code,
      ).toBe("FORBIDDEN");
    }
    expect((await owner.client.services.get.query({ id: existing!.id })).priceCents).toBe(
      existing!.priceCents,
    );
    expect(await auditRows(t, "service.update")).toHaveLength(0);
  });

  it("creates a service and changes its price, buffers and practitioners", async () => {
    const created = await owner.client.services.create.mutate(service("hydrotherapy", [jasonId]));
    expect(created.practitioners.map((p) => p.id)).toEqual([jasonId]);

    const updated = await owner.client.services.update.mutate({
      ...service("hydrotherapy", [joeyId]),
      id: created.id,
      priceCents: 9000,
      bufferBeforeMinutes: 5,
      patientType: "returning",
    });
    expect(updated).toMatchObject({
      priceCents: 9000,
      bufferBeforeMinutes: 5,
      patientType: "returning",
    });
    const shown = await t.client().services.bySlug.query({ slug: "hydrotherapy" });
    expect(shown.practitioners.map((p) => p.slug)).toEqual(["joey-lee"]);
    expect(shown.priceCents).toBe(9000);

    const [audit] = await auditRows(t, "service.update");
    expect(audit?.entityId).toBe(created.id);
    expect(audit?.changes).toEqual({
      bufferBeforeMinutes: { from: 0, to: 5 },
      priceCents: { from: 8500, to: 9000 },
      patientType: { from: "any", to: "returning" },
      practitionerIds: { from: [jasonId], to: [joeyId] },
    });
  });

  it("refuses unknown practitioners and taken slugs as field errors, writing nothing", async () => {
    const unknown = await failure(
      owner.client.services.create.mutate(
        service("ghost-service", ["00000000-0000-4000-8000-000000000000"]),
      ),
    );
    expect(unknown.fieldErrors).toEqual({
      practitionerIds: ["Choose practitioners from the clinic's list"],
    });
    const ghosts = await t.db
      .select()
      .from(schema.services)
      .where(eq(schema.services.slug, "ghost-service"));
    expect(ghosts).toHaveLength(0);

    const taken = await failure(
      owner.client.services.create.mutate(service("initial-assessment", [])),
    );
    expect(taken.fieldErrors).toEqual({ slug: ["That address is already used"] });
  });

  it("deactivates a booked service but never deletes it; deletes an unbooked one", async () => {
    const booked = (await owner.client.services.staffList.query()).find((s) => s.bookingCount > 0);
    expect(booked).toBeDefined();
    const refused = await failure(owner.client.services.remove.mutate({ id: booked!.id }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/has bookings, so it can't be deleted/);
    expect(await auditRows(t, "service.delete")).toHaveLength(0);

    const result = await owner.client.services.deactivate.mutate({ id: booked!.id });
    expect(result).toMatchObject({ active: false, upcomingBookings: expect.any(Number) });
    const publicSlugs = (await t.client().services.list.query()).map((s) => s.slug);
    expect(publicSlugs).not.toContain(booked!.slug);
    expect((await owner.client.services.get.query({ id: booked!.id })).active).toBe(false);
    await owner.client.services.reactivate.mutate({ id: booked!.id });

    const spare = await owner.client.services.create.mutate(service("spare-service", [jasonId]));
    await owner.client.services.remove.mutate({ id: spare.id });
    expect((await failure(owner.client.services.get.query({ id: spare.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await auditRows(t, "service.delete")).toHaveLength(1);
  });
});
