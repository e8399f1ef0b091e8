import { schema } from "@clinic/db";
import { MIN_FORM_FILL_MS } from "@clinic/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_APP_SECRET } from "../app.js";
import { createTestApp, filledInFormToken, type TestApp } from "../testing/index.js";
import { checkFormToken, issueFormToken, MAX_FORM_AGE_MS } from "./form-tokens.js";

const SHOWN = new Date("2027-02-09T09:00:00+11:00");
const after = (ms: number) => new Date(SHOWN.getTime() + ms);

describe("checkFormToken", () => {
  const token = issueFormToken(DEV_APP_SECRET, "enquiry", SHOWN);

  it("accepts its own token once a person could have filled the form, until it expires", () => {
    expect(checkFormToken(DEV_APP_SECRET, token, "enquiry", after(MIN_FORM_FILL_MS))).toBe("ok");
    expect(checkFormToken(DEV_APP_SECRET, token, "enquiry", after(MAX_FORM_AGE_MS))).toBe("ok");
  });

  it("refuses a missing, forged, tampered, misplaced, too fast or too old token", () => {
    const now = after(60_000);
    expect(checkFormToken(DEV_APP_SECRET, undefined, "enquiry", now)).toBe("missing");
    expect(checkFormToken(DEV_APP_SECRET, "", "enquiry", now)).toBe("missing");
    expect(checkFormToken(DEV_APP_SECRET, "1", "enquiry", now)).toBe("invalid");
    // Backdated: the time changed, the signature kept.
    const [form, at, signature] = token.split(".");
    const backdated = `${form}.${Number(at) - 3_600_000}.${signature}`;
    expect(checkFormToken(DEV_APP_SECRET, backdated, "enquiry", now)).toBe("invalid");
    const flipped = `${form}.${at}.${signature!.slice(0, -1)}${signature!.endsWith("A") ? "B" : "A"}`;
    expect(checkFormToken(DEV_APP_SECRET, flipped, "enquiry", now)).toBe("invalid");
    expect(checkFormToken("another-secret-another-secret-xx", token, "enquiry", now)).toBe(
      "invalid",
    );
    expect(checkFormToken(DEV_APP_SECRET, token, "review", now)).toBe("invalid");
    expect(checkFormToken(DEV_APP_SECRET, token, "enquiry", after(MIN_FORM_FILL_MS - 1))).toBe(
      "too-fast",
    );
    expect(checkFormToken(DEV_APP_SECRET, token, "enquiry", after(-60_000))).toBe("too-fast");
    expect(checkFormToken(DEV_APP_SECRET, token, "enquiry", after(MAX_FORM_AGE_MS + 1))).toBe(
      "expired",
    );
  });
});

describe("the contact and review forms' token", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const enquiry = {
    name: "Alex Runner",
    email: "alex@example.com",
    phone: null,
    message: "Do you see patients on Saturday mornings?",
  };
  const review = {
    authorName: "Mia Chen",
    rating: 5,
    body: "Back to running pain-free after four visits.",
    email: null,
    practitionerId: null,
  };
  const countRows = async () => ({
    enquiries: (await t.db.select().from(schema.enquiries)).length,
    reviews: (await t.db.select().from(schema.reviews)).length,
  });

  it("refuses a form without a real, old enough, unexpired token, naming the field and keeping nothing", async () => {
    const before = await countRows();
    const now = t.now().getTime();
    const issued = filledInFormToken("enquiry", now - 60_000);
    const [form, at, signature] = issued.split(".");
    const refusals = [
      [{}, /from the form on our website/],
      [{ renderedAt: 1 }, /from the form on our website/],
      [{ formToken: "1" }, /from the form on our website/],
      [{ formToken: `${form}.${at}.${"A".repeat(43)}` }, /from the form on our website/],
      [{ formToken: `${form}.1.${signature}` }, /from the form on our website/],
      [{ formToken: filledInFormToken("review", now - 60_000) }, /from the form on our website/],
      [{ formToken: filledInFormToken("enquiry", now - 500) }, /too quickly/],
      [
        { formToken: filledInFormToken("enquiry", now - MAX_FORM_AGE_MS - 60_000) },
        /open too long/,
      ],
    ] as const;
    for (const [guard, message] of refusals) {
      const error = await t
        .client()
        .enquiries.submit.mutate({ ...enquiry, ...guard })
        .catch((e) => e);
      expect(error.data, JSON.stringify(guard)).toMatchObject({
        code: "BAD_REQUEST",
        httpStatus: 400,
      });
      expect(error.data.fieldErrors).toEqual({ formToken: [expect.stringMatching(message)] });
    }
    const reviewError = await t
      .client()
      .reviews.submit.mutate({ ...review, formToken: issued })
      .catch((e) => e);
    expect(reviewError.data.fieldErrors).toHaveProperty("formToken");
    expect(await countRows()).toEqual(before);
  });

  it("accepts the token forms.token issued once the minimum fill time has passed", async () => {
    const { token: enquiryToken } = await t.client().forms.token.query({ form: "enquiry" });
    const { token: reviewToken } = await t.client().forms.token.query({ form: "review" });
    const tooSoon = await t
      .client()
      .enquiries.submit.mutate({ ...enquiry, formToken: enquiryToken })
      .catch((e) => e);
    expect(tooSoon.data.fieldErrors.formToken[0]).toMatch(/too quickly/);

    t.clock.advance(MIN_FORM_FILL_MS + 100);
    await expect(
      t.client().enquiries.submit.mutate({ ...enquiry, formToken: enquiryToken }),
    ).resolves.toHaveProperty("id");
    await expect(
      t.client().reviews.submit.mutate({ ...review, formToken: reviewToken }),
    ).resolves.toMatchObject({ status: "pending" });
  });
});
