import { describe, expect, it } from "vitest";
import { memoryLogger } from "../logger.js";
import { devMailbox } from "./transport.js";

describe("devMailbox", () => {
  it("logs only that a message arrived, with its id and kind: no recipient, subject or link", async () => {
    const logger = memoryLogger();
    await devMailbox(logger).send({
      id: "m1",
      kind: "booking.confirmation",
      from: { name: "Clinic", address: "bookings@clinic.example" },
      to: "pat@example.com",
      subject: "Your appointment is confirmed, Pat Example",
      text: [
        "Reschedule or cancel: http://localhost:3000/manage/abc_DEF-123",
        "Add it to your calendar: http://localhost:4000/bookings/abc_DEF-123/calendar.ics.",
      ].join("\n"),
      html: "<p>ignored</p>",
      attachments: [{ filename: "appointment.ics", contentType: "text/calendar", content: "" }],
    });
    expect(logger.entries).toEqual([
      {
        level: "info",
        message: "email delivered to the development mailbox",
        fields: { id: "m1", kind: "booking.confirmation" },
      },
    ]);
    expect(logger.lines.join("\n")).not.toMatch(/pat@example|Pat Example|abc_DEF|manage/);
  });
});
