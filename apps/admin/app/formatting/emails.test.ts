import { describe, expect, it } from "vitest";
import { emailKindLabel, emailStatusLabel } from "./emails";

describe("email labels", () => {
  it("names the kinds the API sends, and leaves others as they are", () => {
    expect(emailKindLabel("booking.reminder")).toBe("Appointment reminder");
    expect(emailKindLabel("enquiry.reply")).toBe("enquiry.reply");
  });

  it("says what became of a message", () => {
    const at = new Date();
    expect(emailStatusLabel({ status: "sent", scheduledFor: null, attempts: 1 }, true)).toBe(
      "In the mailbox",
    );
    expect(emailStatusLabel({ status: "sent", scheduledFor: null, attempts: 1 }, false)).toBe(
      "Sent",
    );
    expect(emailStatusLabel({ status: "pending", scheduledFor: at, attempts: 0 }, false)).toBe(
      "Scheduled",
    );
    expect(emailStatusLabel({ status: "pending", scheduledFor: at, attempts: 2 }, false)).toBe(
      "Retrying",
    );
    expect(emailStatusLabel({ status: "pending", scheduledFor: null, attempts: 0 }, false)).toBe(
      "Waiting",
    );
    expect(emailStatusLabel({ status: "failed", scheduledFor: null, attempts: 8 }, false)).toBe(
      "Failed",
    );
  });
});
