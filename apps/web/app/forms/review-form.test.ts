import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { reviewFormErrors, reviewFormSchema, reviewSubmission } from "./review-form";

function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

function parse(fields: Record<string, string>) {
  return parseWithZod(formData(fields), { schema: reviewFormSchema, error: reviewFormErrors });
}

const valid = {
  authorName: "Mia Chen",
  rating: "5",
  body: "My shoulder feels great after three sessions.",
  email: "",
  practitionerId: "",
  website: "",
  formToken: "review.1767225600000.signature",
};

/** The field errors of a failed parse, or null when it succeeded. */
function errorsOf(submission: { status?: string; error?: unknown }) {
  return submission.status === "error" ? submission.error : null;
}

describe("the review form", () => {
  it("turns a filled-in form into the API's input, empty optional fields as null", () => {
    const submission = parse(valid);
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(reviewSubmission(submission.value)).toEqual({
      authorName: "Mia Chen",
      rating: 5,
      body: "My shoulder feels great after three sessions.",
      email: null,
      practitionerId: null,
      honeypot: undefined,
      formToken: "review.1767225600000.signature",
    });
  });

  it("keeps the optional email and practitioner when given", () => {
    const submission = parse({
      ...valid,
      email: " Mia@Example.com ",
      practitionerId: "0b9d5d8e-6d54-4a63-9a4c-0c9b7c1f2a11",
      website: "http://spam.example",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(reviewSubmission(submission.value)).toMatchObject({
      email: "mia@example.com",
      practitionerId: "0b9d5d8e-6d54-4a63-9a4c-0c9b7c1f2a11",
      honeypot: "http://spam.example",
    });
  });

  it("explains each missing or invalid field in plain words", () => {
    const submission = parse({ authorName: "", body: "Too short", email: "not-an-email" });
    expect(submission.status).toBe("error");
    expect(errorsOf(submission)).toEqual({
      authorName: ["Enter your name"],
      rating: ["Choose a rating from 1 to 5"],
      body: ["Tell us a little more (at least 10 characters)"],
      email: ["Enter a valid email address"],
    });
  });

  it("refuses a rating outside 1 to 5", () => {
    for (const rating of ["0", "6", "4.5", "five"]) {
      expect(errorsOf(parse({ ...valid, rating }))).toEqual({
        rating: ["Choose a rating from 1 to 5"],
      });
    }
  });

  it("keeps what was typed for the form to show again", () => {
    const submission = parse({ ...valid, email: "oops" });
    expect(submission.reply().initialValue).toMatchObject({
      authorName: "Mia Chen",
      body: valid.body,
      email: "oops",
    });
  });
});
