import { describe, expect, it } from "vitest";
import {
  matchingStarts,
  offerExpiry,
  timeOfDayAt,
  waitlistEntryUpdateSchema,
  waitlistJoinSchema,
} from "./waitlist.js";

const SYDNEY = "Australia/Sydney";
const JASON = "11111111-1111-4111-8111-111111111111";
const JOEY = "22222222-2222-4222-8222-222222222222";
const SERVICE = "33333333-3333-4333-8333-333333333333";

const slot = (iso: string, practitionerIds = [JASON, JOEY]) => ({
  start: new Date(iso),
  practitionerIds,
});

describe("timeOfDayAt", () => {
  it("reads the clinic's wall clock, not UTC", () => {
    // 21:30 UTC on 1 Dec is 8:30 am on 2 Dec in Sydney (AEDT, UTC+11).
    expect(timeOfDayAt(new Date("2026-12-01T21:30:00Z"), SYDNEY)).toBe("morning");
    expect(timeOfDayAt(new Date("2026-12-02T01:00:00Z"), SYDNEY)).toBe("afternoon"); // 12:00
    expect(timeOfDayAt(new Date("2026-12-02T00:59:00Z"), SYDNEY)).toBe("morning"); // 11:59
    expect(timeOfDayAt(new Date("2026-12-02T06:00:00Z"), SYDNEY)).toBe("evening"); // 17:00
    expect(timeOfDayAt(new Date("2026-12-02T05:59:00Z"), SYDNEY)).toBe("afternoon"); // 16:59
    expect(timeOfDayAt(new Date("2026-12-02T12:00:00Z"), "UTC")).toBe("afternoon");
  });

  it("keeps the boundaries on the wall clock across a daylight-saving change", () => {
    // Sydney springs forward on Sunday 4 October 2026 at 2 am (UTC+10 → UTC+11).
    // Noon that day is 01:00 UTC (AEDT); the day before, noon was 02:00 UTC (AEST).
    expect(timeOfDayAt(new Date("2026-10-04T01:00:00Z"), SYDNEY)).toBe("afternoon");
    expect(timeOfDayAt(new Date("2026-10-04T00:59:00Z"), SYDNEY)).toBe("morning");
    expect(timeOfDayAt(new Date("2026-10-03T01:30:00Z"), SYDNEY)).toBe("morning"); // 11:30 AEST
    expect(timeOfDayAt(new Date("2026-10-03T02:00:00Z"), SYDNEY)).toBe("afternoon"); // 12:00 AEST
    // 5 pm: 06:00 UTC after the change, 07:00 UTC before it.
    expect(timeOfDayAt(new Date("2026-10-04T06:00:00Z"), SYDNEY)).toBe("evening");
    expect(timeOfDayAt(new Date("2026-10-03T06:30:00Z"), SYDNEY)).toBe("afternoon"); // 4:30 pm AEST
    // Falling back on 5 April 2026 at 3 am: 2:30 am happens twice, morning both times.
    expect(timeOfDayAt(new Date("2026-04-04T15:30:00Z"), SYDNEY)).toBe("morning");
    expect(timeOfDayAt(new Date("2026-04-04T16:30:00Z"), SYDNEY)).toBe("morning");
  });
});

describe("matchingStarts", () => {
  const slots = [
    slot("2026-12-01T22:00:00Z"), // Wed 2 Dec 9:00 am
    slot("2026-12-02T03:00:00Z", [JOEY]), // Wed 2 Dec 2:00 pm, Joey only
    slot("2026-12-02T07:00:00Z", [JASON]), // Wed 2 Dec 6:00 pm, Jason only
    slot("2026-12-03T22:00:00Z"), // Fri 4 Dec 9:00 am
  ];

  it("keeps starts within the dates and the parts of the day asked for", () => {
    const found = matchingStarts(
      slots,
      {
        practitionerId: "any",
        fromDate: "2026-12-02",
        toDate: "2026-12-03",
        timesOfDay: ["afternoon", "evening"],
      },
      SYDNEY,
    );
    expect(found.map((s) => s.start.toISOString())).toEqual([
      "2026-12-02T03:00:00.000Z",
      "2026-12-02T07:00:00.000Z",
    ]);
  });

  it("keeps only the chosen practitioner's free starts", () => {
    const found = matchingStarts(
      slots,
      {
        practitionerId: JASON,
        fromDate: "2026-12-01",
        toDate: "2026-12-31",
        timesOfDay: ["morning", "afternoon", "evening"],
      },
      SYDNEY,
    );
    expect(found.map((s) => s.start.toISOString())).toEqual([
      "2026-12-01T22:00:00.000Z",
      "2026-12-02T07:00:00.000Z",
      "2026-12-03T22:00:00.000Z",
    ]);
  });

  it("uses the local date: 9 am Sydney on the 2nd is still the 1st in UTC", () => {
    const found = matchingStarts(
      slots,
      {
        practitionerId: "any",
        fromDate: "2026-12-01",
        toDate: "2026-12-01",
        timesOfDay: ["morning"],
      },
      SYDNEY,
    );
    expect(found).toEqual([]);
  });

  it("matches on a daylight-saving day by the wall clock", () => {
    const dst = [
      slot("2026-10-03T23:00:00Z"), // Sun 4 Oct 10:00 am AEDT
      slot("2026-10-04T01:30:00Z"), // Sun 4 Oct 12:30 pm AEDT
    ];
    const found = matchingStarts(
      dst,
      {
        practitionerId: "any",
        fromDate: "2026-10-04",
        toDate: "2026-10-04",
        timesOfDay: ["afternoon"],
      },
      SYDNEY,
    );
    expect(found.map((s) => s.start.toISOString())).toEqual(["2026-10-04T01:30:00.000Z"]);
  });
});

describe("offerExpiry", () => {
  it("gives the offer its hours, unless the time's booking notice ends sooner", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(
      offerExpiry({
        now,
        start: new Date("2026-12-05T00:00:00Z"),
        offerHours: 12,
        minNoticeMinutes: 120,
      }),
    ).toEqual(new Date("2026-12-01T12:00:00Z"));
    expect(
      offerExpiry({
        now,
        start: new Date("2026-12-01T06:00:00Z"),
        offerHours: 12,
        minNoticeMinutes: 120,
      }),
    ).toEqual(new Date("2026-12-01T04:00:00Z"));
  });
});

describe("waitlist schemas", () => {
  const valid = {
    serviceId: SERVICE,
    practitionerId: "any",
    fromDate: "2026-12-02",
    toDate: "2026-12-09",
    timesOfDay: ["morning"],
    name: "Rita Runner",
    email: "Rita@Example.com",
    phone: "0412 345 678",
  };

  it("accepts a complete entry and lowercases the email", () => {
    const parsed = waitlistJoinSchema.parse(valid);
    expect(parsed.email).toBe("rita@example.com");
  });

  it("names the field at fault", () => {
    const issues = (input: object) =>
      waitlistJoinSchema
        .safeParse({ ...valid, ...input })
        .error?.issues.map((i) => i.path.join("."));
    expect(issues({ toDate: "2026-12-01" })).toEqual(["toDate"]);
    expect(issues({ toDate: "2027-03-01" })).toEqual(["toDate"]);
    expect(issues({ timesOfDay: [] })).toEqual(["timesOfDay"]);
    expect(issues({ timesOfDay: ["night"] })).toEqual(["timesOfDay.0"]);
    expect(issues({ email: "nope" })).toEqual(["email"]);
    expect(issues({ practitionerId: "jason" })).toEqual(["practitionerId"]);
  });

  it("lets staff change an entry's wishes but not its service", () => {
    const { serviceId: _s, ...rest } = valid;
    const parsed = waitlistEntryUpdateSchema.parse({ ...rest, id: SERVICE, serviceId: JASON });
    expect("serviceId" in parsed).toBe(false);
  });
});
