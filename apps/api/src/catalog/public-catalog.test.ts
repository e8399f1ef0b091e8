import { testDrivers } from "@clinic/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  practitionerIdBySlug,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";

describe.each(testDrivers)("the public catalog (%s)", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ driver });
  });
  afterAll(() => t.close());

  it("lists active practitioners with the services they offer", async () => {
    const list = await t.client().practitioners.list.query();
    expect(list.map((p) => p.name)).toEqual(["Jason Lee", "Joey Lee"]);
    expect(list[0]!.services.length).toBeGreaterThan(0);

    // Through the API, as every change is made: a write beside it would not reach the cache.
    const owner = await signedInStaff(t, "owner");
    const joeyId = await practitionerIdBySlug(t, "joey-lee");
    await owner.client.practitioners.deactivate.mutate({ id: joeyId });
    try {
      const after = await t.client().practitioners.list.query();
      expect(after.map((p) => p.name)).toEqual(["Jason Lee"]);
      await expect(
        t.client().practitioners.bySlug.query({ slug: "joey-lee" }),
      ).rejects.toMatchObject({ data: { code: "NOT_FOUND", httpStatus: 404 } });
    } finally {
      await owner.client.practitioners.reactivate.mutate({ id: joeyId });
    }
  });

  it("finds services by slug with their practitioners and 404s unknown ones", async () => {
    const services = await t.client().services.list.query();
    expect(services.length).toBeGreaterThanOrEqual(4);
    const first = services[0]!;
    const bySlug = await t.client().services.bySlug.query({ slug: first.slug });
    expect(bySlug).toEqual(first);
    expect(bySlug.practitioners.length).toBeGreaterThan(0);
    await expect(
      t.client().services.bySlug.query({ slug: "no-such-service" }),
    ).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
  });
});
