import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { contactFormErrors, contactFormSchema, enquirySubmission } from "./contact-form";

function parse(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return parseWithZod(data, { schema: contactFormSchema, error: contactFormErrors });
}

const valid = {
  name: "Sam Park",
  email: "sam@example.com",
  phone: "",
  message: "Do you treat tennis elbow?",
  website: "",
  formToken: "enquiry.1767225600000.signature",
};

/** The field errors of a failed parse, or null when it succeeded. */
function errorsOf(submission: { status?: string; error?: unknown }) {
  return submission.status === "error" ? submission.error : null;
}

describe("the contact form", () => {
  it("sends an empty phone as null", () => {
    const submission = parse(valid);
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(enquirySubmission(submission.value)).toEqual({
      name: "Sam Park",
      email: "sam@example.com",
      phone: null,
      message: "Do you treat tennis elbow?",
      honeypot: undefined,
      formToken: "enquiry.1767225600000.signature",
    });
  });

  it("checks a phone number when one is given", () => {
    expect(errorsOf(parse({ ...valid, phone: "call me" }))).toEqual({
      phone: ["Use digits, spaces, brackets, hyphens and an optional leading +"],
    });
    const submission = parse({ ...valid, phone: "0412 345 678" });
    expect(submission.status === "success" && submission.value.phone).toBe("0412 345 678");
  });

  it("explains each missing or invalid field and keeps what was typed", () => {
    const submission = parse({ name: "", email: "sam@", message: "" });
    expect(errorsOf(submission)).toEqual({
      name: ["Enter your name"],
      email: ["Enter a valid email address"],
      message: ["Enter your message"],
    });
    expect(submission.reply().initialValue).toMatchObject({ email: "sam@" });
  });
});
