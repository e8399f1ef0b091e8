import { describe, expect, it } from "vitest";
import { memoryLogger } from "../logger.js";
import { devMailbox } from "./transport.js";

describe("devMailbox", () => {
  it("logs the recipient, the subject and every link in the text, once each", async () => {
    const logger = memoryLogger();
    await devMailbox(logger).send({
      id: "m1",
      from: { name: "Clinic", address: "bookings@clinic.example" },
      to: "pat@example.com",
      subject: "Your appointment is confirmed",
      text: [
        "Reschedule or cancel: http://localhost:3000/manage/abc_DEF-123",
        "Add it to your calendar: http://localhost:4000/bookings/abc_DEF-123/calendar.ics.",
        "Again: http://localhost:3000/manage/abc_DEF-123",
      ].join("\n"),
      html: "<p>ignored</p>",
      attachments: [{ filename: "appointment.ics", contentType: "text/calendar", content: "" }],
    });
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]!.fields).toMatchObject({
      to: "pat@example.com",
      subject: "Your appointment is confirmed",
      links: [
        "http://localhost:3000/manage/abc_DEF-123",
        "http://localhost:4000/bookings/abc_DEF-123/calendar.ics",
      ],
      attachments: ["appointment.ics"],
    });
  });
});
