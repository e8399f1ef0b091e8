import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../abuse/public-forms.js";
import { createTestApp, failure, filledInFormToken, type TestApp } from "../testing/index.js";

// Issue 10: a well-formed id that names no practitioner reached the insert, and its foreign-key
// violation (SQLSTATE 23503) surfaced as an error that named no field.
describe.each(testDrivers)("a review for a practitioner who doesn't exist (%s)", (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ driver });
  });
  afterAll(() => t.close());

  it("is a 400 on practitionerId that writes nothing and spends no rate-limit hit", async () => {
    const review = {
      authorName: "Jordan Park",
      rating: 5,
      body: "Came in limping after a trail race and left with a plan.",
      email: null,
      practitionerId: "00000000-0000-4000-8000-000000000000",
      formToken: filledInFormToken("review"),
    };
    const ip = "203.0.113.71";
    const before = (await t.db.select().from(schema.reviews)).length;
    for (let i = 0; i < RATE_LIMITS.review.max; i++) {
      const error = await failure(t.client(undefined, ip).reviews.submit.mutate(review));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.fieldErrors?.practitionerId?.[0]).toMatch(/don't know that practitioner/);
    }
    expect((await t.db.select().from(schema.reviews)).length).toBe(before);
    // Had the refusals spent hits, this would be over the limit.
    await expect(
      t.client(undefined, ip).reviews.submit.mutate({ ...review, practitionerId: null }),
    ).resolves.toMatchObject({ status: "pending" });
  });
});
