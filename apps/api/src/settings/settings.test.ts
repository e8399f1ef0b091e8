import { testDrivers } from "@clinic/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  failure,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";

describe.each(testDrivers)("clinic settings for staff (%s)", (driver) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    owner = await signedInStaff(t, "owner");
  });
  afterAll(() => t.close());

  it("shows staff the email sender, and lets only the owner change settings", async () => {
    const frontDesk = await signedInStaff(t, "front_desk");
    const full = await frontDesk.client.settings.staffGet.query();
    expect(full.emailSenderAddress).toMatch(/@/);
    expect(await t.client().settings.get.query()).not.toHaveProperty("emailSenderAddress");
    const refused = await failure(
      frontDesk.client.settings.update.mutate({ ...full, name: "Taken over" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect((await owner.client.settings.staffGet.query()).name).toBe(full.name);
  });

  it("refuses unknown time zones and out-of-range policy, changing nothing", async () => {
    const current = await owner.client.settings.staffGet.query();
    for (const timeZone of ["Mars/Olympus_Mons", "EST"]) {
      const bad = await failure(owner.client.settings.update.mutate({ ...current, timeZone }));
      expect(bad.fieldErrors).toEqual({ timeZone: ["Unknown time zone"] });
    }
    const policy = await failure(
      owner.client.settings.update.mutate({
        ...current,
        bookingPolicy: { ...current.bookingPolicy, slotStepMinutes: 3, horizonDays: 0 },
      }),
    );
    expect(policy.fieldErrors).toEqual({
      "bookingPolicy.slotStepMinutes": ["At least 5 minutes"],
      "bookingPolicy.horizonDays": ["At least one day"],
    });
    expect(await owner.client.settings.staffGet.query()).toEqual(current);
    expect(await auditRows(t, "settings.update")).toHaveLength(0);
  });

  it("keeps sent emails for 1 to 3650 whole days, naming the field otherwise", async () => {
    const current = await owner.client.settings.staffGet.query();
    expect(current.sentEmailRetentionDays).toBe(30);
    for (const [days, message] of [
      [0, "At least one day"],
      [3651, "At most ten years"],
      [2.5, "Whole days only"],
    ] as const) {
      const bad = await failure(
        owner.client.settings.update.mutate({ ...current, sentEmailRetentionDays: days }),
      );
      expect(bad.fieldErrors).toEqual({ sentEmailRetentionDays: [message] });
    }
    expect(await owner.client.settings.staffGet.query()).toEqual(current);
    const saved = await owner.client.settings.update.mutate({
      ...current,
      sentEmailRetentionDays: 3650,
    });
    expect(saved.sentEmailRetentionDays).toBe(3650);
    const [audit] = await auditRows(t, "settings.update");
    expect(audit!.changes).toEqual({ sentEmailRetentionDays: { from: 30, to: 3650 } });
    await owner.client.settings.update.mutate(current);
  });

  it("saves a valid change and audits only what changed", async () => {
    const current = await owner.client.settings.staffGet.query();
    const saved = await owner.client.settings.update.mutate({
      ...current,
      timeZone: "Australia/Perth",
      bookingPolicy: { ...current.bookingPolicy, minNoticeMinutes: 60 },
    });
    expect(saved).toMatchObject({
      timeZone: "Australia/Perth",
      bookingPolicy: { minNoticeMinutes: 60 },
    });
    expect((await t.client().settings.get.query()).timeZone).toBe("Australia/Perth");
    const [audit] = (await auditRows(t, "settings.update")).filter(
      (row) => "timeZone" in row.changes,
    );
    expect(Object.keys(audit!.changes).sort()).toEqual(["bookingPolicy", "timeZone"]);
    expect(audit!.changes.timeZone).toEqual({ from: current.timeZone, to: "Australia/Perth" });
  });
});

describe.each(testDrivers)("public settings (%s)", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ driver });
  });
  afterAll(() => t.close());

  it("settings.get returns the clinic without internal email settings", async () => {
    const settings = await t.client().settings.get.query();
    expect(settings.name).toBe("Westside Sports Chiro");
    expect(settings.timeZone).toBe("Australia/Sydney");
    expect(settings.bookingPolicy.cancellationWindowHours).toBeGreaterThanOrEqual(0);
    expect(settings).not.toHaveProperty("emailSenderAddress");
    expect(settings).not.toHaveProperty("sentEmailRetentionDays");
    expect(settings).not.toHaveProperty("inactiveRetentionYears");
    // Opening hours follow the practitioners' weekly hours: weekdays open, each range well formed.
    expect(settings.openingHours.map((h) => h.weekday)).toEqual(
      expect.arrayContaining([1, 2, 3, 4, 5]),
    );
    for (const h of settings.openingHours) expect(h.opens < h.closes).toBe(true);
    // The closures ahead, for "Closed today: Good Friday" on the site (the demo's holidays).
    expect(settings.closures[0]).toEqual({
      startDate: "2027-03-26",
      endDate: "2027-03-26",
      reason: "Good Friday",
    });
  });
});
