import { describe, expect, it } from "vitest";
import { enquiryNoteBodySchema, enquiryReplySchema } from "./enquiry-inbox.js";

describe("enquiry inbox schemas", () => {
  it("needs a note or reply body", () => {
    expect(enquiryNoteBodySchema.safeParse("  ").error?.issues[0]?.message).toBe(
      "Write a note first",
    );
    expect(enquiryReplySchema.safeParse({ body: "" }).error?.issues[0]?.message).toBe(
      "Write a reply first",
    );
  });

  it("keeps the subject to one line", () => {
    expect(
      enquiryReplySchema.safeParse({ subject: "Hi\r\nBcc: x@example.com", body: "x" }).success,
    ).toBe(false);
    expect(enquiryReplySchema.parse({ subject: " Your heel ", body: " Hi " })).toEqual({
      subject: "Your heel",
      body: "Hi",
    });
  });
});
