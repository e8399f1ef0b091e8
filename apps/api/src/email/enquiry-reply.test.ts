import type { ClinicSettings } from "@clinic/domain";
import { describe, expect, it } from "vitest";
import { enquiryReplyEmail } from "./enquiry-reply.js";

const clinic = {
  name: "Westside Sports Chiro",
  phone: "02 9000 0000",
  timeZone: "Australia/Sydney",
} as ClinicSettings;

const enquiry = {
  name: "Sam <script>",
  email: "sam@example.com",
  message: "Is my heel <b>OK</b>?\nThanks",
  createdAt: new Date("2026-03-02T01:00:00Z"),
};

describe("enquiryReplyEmail", () => {
  it("signs the reply and quotes the original message in text", () => {
    const email = enquiryReplyEmail({ enquiry, body: "Yes, come in.", staffName: "Jo" }, clinic);
    expect(email.subject).toBe("Re: your enquiry to Westside Sports Chiro");
    expect(email.text).toContain("Hi Sam <script>,\n\nYes, come in.\n\nJo\nWestside Sports Chiro");
    expect(email.text).toContain("> Is my heel <b>OK</b>?\n> Thanks");
    expect(email.text).toContain("Monday 2 March 2026, 12:00 pm AEDT");
  });

  it("escapes everything people typed in the HTML and keeps the subject one line", () => {
    const email = enquiryReplyEmail(
      {
        enquiry,
        subject: "Your heel\r\nBcc: x@example.com",
        body: "<img src=x onerror=1>",
        staffName: "Jo",
      },
      clinic,
    );
    expect(email.subject).toBe("Your heel Bcc: x@example.com");
    expect(email.html).not.toMatch(/<script>|<img|<b>/);
    expect(email.html).toContain("&lt;img src=x onerror=1&gt;");
    expect(email.html).toContain("Is my heel &lt;b&gt;OK&lt;/b&gt;?");
  });
});
