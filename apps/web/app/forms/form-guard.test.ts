import { describe, expect, it } from "vitest";
import { formGuard } from "./form-guard";

describe("formGuard", () => {
  it("maps the honeypot field to the API's name", () => {
    expect(formGuard({ website: "spam", renderedAt: 5 })).toEqual({
      honeypot: "spam",
      renderedAt: 5,
    });
  });
});
