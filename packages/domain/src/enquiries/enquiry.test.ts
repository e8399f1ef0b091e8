import { describe, expect, it } from "vitest";
import { enquiryInputSchema } from "./enquiry.js";

const enquiry = {
  name: "Alex Chen",
  email: "alex@example.com",
  phone: null,
  message: "Do you treat shoulder injuries from swimming?",
};

describe("enquiryInputSchema", () => {
  it("accepts an enquiry with or without a phone number", () => {
    expect(enquiryInputSchema.safeParse(enquiry).success).toBe(true);
    expect(enquiryInputSchema.safeParse({ ...enquiry, phone: "0412 345 678" }).success).toBe(true);
  });

  it("requires a message and limits its length", () => {
    expect(
      enquiryInputSchema.safeParse({ ...enquiry, message: "   " }).error?.issues[0]?.message,
    ).toBe("Message is required");
    expect(enquiryInputSchema.safeParse({ ...enquiry, message: "x".repeat(5001) }).success).toBe(
      false,
    );
  });

  it("rejects a bad email with the plain message", () => {
    expect(
      enquiryInputSchema.safeParse({ ...enquiry, email: "alex@" }).error?.issues[0]?.message,
    ).toBe("Enter a valid email address");
  });
});
