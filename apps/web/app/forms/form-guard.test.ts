import { describe, expect, it } from "vitest";
import { formGuard } from "./form-guard";

describe("formGuard", () => {
  it("maps the honeypot field to the API's name and passes the form token on", () => {
    expect(formGuard({ website: "spam", formToken: "enquiry.1.sig" })).toEqual({
      honeypot: "spam",
      formToken: "enquiry.1.sig",
    });
  });
});
