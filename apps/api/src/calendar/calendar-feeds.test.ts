import { testDrivers } from "@clinic/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  demoClinic,
  demoStaff,
  failure,
  type TestApp,
} from "../testing/index.js";

const feedPath = (url: string) => new URL(url).pathname;

describe.each(testDrivers)("practitioners' calendar feeds, on %s", (driver) => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof demoStaff>>;
  let jasonId: string;
  let joeyId: string;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    const clinic = await demoClinic(t);
    ({ jasonId, joeyId } = clinic);
    staff = await demoStaff(t, clinic);
  });
  afterAll(() => t.close());

  it("issues an address that serves the feed, and a rotation stops the old one", async () => {
    expect(
      await staff.frontDesk.client.calendarFeeds.get.query({ practitionerId: jasonId }),
    ).toEqual({ practitionerId: jasonId, practitionerName: "Jason Lee", hasFeed: false });
    const first = await staff.frontDesk.client.calendarFeeds.issue.mutate({
      practitionerId: jasonId,
    });
    expect(first.url).toMatch(/^http:\/\/localhost:3000\/calendar\/practitioners\/[\w-]{43}\.ics$/);
    expect(first.webcalUrl).toBe(first.url.replace(/^http:/, "webcal:"));
    const served = await t.app.request(feedPath(first.url));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(await served.text()).toContain("BEGIN:VCALENDAR");
    expect(
      (await staff.owner.client.calendarFeeds.get.query({ practitionerId: jasonId })).hasFeed,
    ).toBe(true);

    const second = await staff.owner.client.calendarFeeds.issue.mutate({ practitionerId: jasonId });
    expect(second.url).not.toBe(first.url);
    expect((await t.app.request(feedPath(first.url))).status).toBe(404);
    expect((await t.app.request(feedPath(second.url))).status).toBe(200);

    await staff.owner.client.calendarFeeds.revoke.mutate({ practitionerId: jasonId });
    expect((await t.app.request(feedPath(second.url))).status).toBe(404);
    expect(
      (await staff.owner.client.calendarFeeds.get.query({ practitionerId: jasonId })).hasFeed,
    ).toBe(false);

    // Audited, without the token.
    const created = await auditRows(t, "calendar_feed.create");
    const rotated = await auditRows(t, "calendar_feed.rotate");
    const revoked = await auditRows(t, "calendar_feed.revoke");
    expect(created[0]).toMatchObject({ entityId: jasonId, actorId: staff.frontDesk.user.id });
    expect(rotated[0]).toMatchObject({ entityId: jasonId, actorId: staff.owner.user.id });
    expect(revoked[0]).toMatchObject({ entityId: jasonId });
    const token = feedPath(second.url).split("/").at(-1)!.replace(".ics", "");
    const logged = JSON.stringify([...created, ...rotated, ...revoked]);
    expect(logged).not.toContain(token);
    expect(t.logger.lines.join("\n")).not.toContain(token);
  });

  it("lets a practitioner manage only their own feed", async () => {
    const own = await staff.jason.client.calendarFeeds.issue.mutate({ practitionerId: jasonId });
    expect((await t.app.request(feedPath(own.url))).status).toBe(200);
    // One call at a time: a refused call's promise left waiting would reject unhandled.
    for (const call of [
      () => staff.jason.client.calendarFeeds.get.query({ practitionerId: joeyId }),
      () => staff.jason.client.calendarFeeds.issue.mutate({ practitionerId: joeyId }),
      () => staff.jason.client.calendarFeeds.revoke.mutate({ practitionerId: joeyId }),
    ]) {
      expect((await failure(call())).code).toBe("FORBIDDEN");
    }
    expect(
      (await staff.owner.client.calendarFeeds.get.query({ practitionerId: joeyId })).hasFeed,
    ).toBe(false);
  });

  it("answers NOT_FOUND for an unknown practitioner and names a bad id", async () => {
    const unknown = "00000000-0000-4000-8000-000000000001";
    expect(
      (await failure(staff.owner.client.calendarFeeds.issue.mutate({ practitionerId: unknown })))
        .code,
    ).toBe("NOT_FOUND");
    const bad = await failure(
      staff.owner.client.calendarFeeds.issue.mutate({ practitionerId: "nope" }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fieldErrors).toHaveProperty("practitionerId");
  });
});
