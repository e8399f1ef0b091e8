import { randomBytes } from "node:crypto";
import { schema, setCalendarTokenHash } from "@clinic/db";
import { eq } from "drizzle-orm";
import { audit } from "../audit/audit.js";
import { requireAccessTo } from "../auth/access.js";
import { hashToken } from "../auth/sessions.js";
import type { StaffContext } from "../context.js";
import { NotFoundError } from "../errors.js";

// A practitioner's calendar subscription link. The token is random and only its SHA-256 is
// kept (like sessions), so a link is shown once, when it is made; losing it means a new one.

/** The feed's address on the public site, which passes it through to the API (the API stays private). */
export function calendarFeedUrls(webUrl: string, token: string) {
  const https = new URL(`/calendar/practitioners/${token}.ics`, webUrl).toString();
  // Apple Calendar and Outlook open webcal:// links as a subscription.
  return { url: https, webcalUrl: https.replace(/^https?:/, "webcal:") };
}

async function practitionerFeed(ctx: StaffContext, practitionerId: string) {
  requireAccessTo(ctx.user, "calendarFeeds.manage", practitionerId);
  const [row] = await ctx.db
    .select({
      id: schema.practitioners.id,
      name: schema.practitioners.name,
      tokenHash: schema.practitioners.calendarTokenHash,
    })
    .from(schema.practitioners)
    .where(eq(schema.practitioners.id, practitionerId));
  if (!row) throw new NotFoundError("No such practitioner");
  return { id: row.id, name: row.name, hasFeed: row.tokenHash !== null };
}

/** Whether a practitioner has a feed (its address can't be shown again: only its hash is kept). */
export async function calendarFeedStatus(ctx: StaffContext, practitionerId: string) {
  const { id, name, hasFeed } = await practitionerFeed(ctx, practitionerId);
  return { practitionerId: id, practitionerName: name, hasFeed };
}

/**
 * Makes a new feed address for the practitioner: the first one, or a replacement after which
 * the old address answers 404. Returns the address, once.
 */
export async function issueCalendarFeed(ctx: StaffContext, practitionerId: string) {
  const feed = await practitionerFeed(ctx, practitionerId);
  const token = randomBytes(32).toString("base64url");
  await ctx.db.transaction(async (tx) => {
    await setCalendarTokenHash(tx, practitionerId, hashToken(token));
    await audit(tx, ctx, {
      action: feed.hasFeed ? "calendar_feed.rotate" : "calendar_feed.create",
      entityId: practitionerId,
      // Never the token: the log is read by staff who shouldn't hold someone else's link.
      changes: { feed: { from: feed.hasFeed ? "active" : null, to: "active" } },
    });
  });
  return { practitionerId, hasFeed: true, ...calendarFeedUrls(ctx.webUrl, token) };
}

/** Turns the feed off: its address answers 404 and calendars subscribed to it stop updating. */
export async function revokeCalendarFeed(ctx: StaffContext, practitionerId: string) {
  const feed = await practitionerFeed(ctx, practitionerId);
  if (!feed.hasFeed) return { practitionerId, hasFeed: false };
  await ctx.db.transaction(async (tx) => {
    await setCalendarTokenHash(tx, practitionerId, null);
    await audit(tx, ctx, {
      action: "calendar_feed.revoke",
      entityId: practitionerId,
      changes: { feed: { from: "active", to: null } },
    });
  });
  return { practitionerId, hasFeed: false };
}
