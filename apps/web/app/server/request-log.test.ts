import { describe, expect, it } from "vitest";
import { accessLogFields, loggablePath } from "./request-log";

const token = "AbCdEfGhIjKlMnOpQrStUvWxYz012345_-xy";

describe("the access log", () => {
  it("never writes a manage token, on pages, sub-pages, data requests or files", () => {
    for (const path of [
      `/manage/${token}`,
      `/manage/${token}?booked=1`,
      `/manage/${token}/reschedule?day=2026-03-04`,
      `/manage/${token}.data?_routes=routes%2Fmanage.%24token`,
      `/manage/${token}/calendar.ics`,
    ]) {
      const logged = loggablePath(`http://127.0.0.1:3000${path}`);
      expect(logged).not.toContain(token);
      expect(logged).toMatch(/^\/manage\/\[token\]/);
    }
  });

  it("never writes a practitioner's calendar feed token", () => {
    const logged = loggablePath(`http://127.0.0.1:3000/calendar/practitioners/${token}.ics`);
    expect(logged).toBe("/calendar/practitioners/[token].ics");
  });

  it("never writes a patient's sign-in link token, on the page or its data request", () => {
    for (const path of [`/account/sign-in/${token}`, `/account/sign-in/${token}.data`]) {
      const logged = loggablePath(`http://127.0.0.1:3000${path}`);
      expect(logged).not.toContain(token);
      expect(logged).toMatch(/^\/account\/sign-in\/\[token\]/);
    }
  });

  it("never writes a waitlist offer's claim token", () => {
    expect(loggablePath(`http://127.0.0.1:3000/waitlist/${token}`)).toBe("/waitlist/[token]");
    expect(loggablePath("http://x/book/follow-up-adjustment/waitlist?practitioner=any")).toBe(
      "/book/follow-up-adjustment/waitlist?practitioner=any",
    );
  });

  it("never writes a patient's intake form token", () => {
    expect(loggablePath(`http://127.0.0.1:3000/intake/${token}?saved=1`)).toBe(
      "/intake/[token]?saved=1",
    );
  });

  it("keeps everything else as it is, for useful logs", () => {
    expect(loggablePath("http://x/book/initial-assessment?practitioner=any&day=2026-03-04")).toBe(
      "/book/initial-assessment?practitioner=any&day=2026-03-04",
    );
    expect(accessLogFields({ method: "POST", url: `http://x/manage/${token}` }, 302, 12.4)).toEqual(
      { method: "POST", path: "/manage/[token]", status: 302, ms: 12 },
    );
  });
});
