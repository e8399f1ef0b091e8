import type { Database } from "@clinic/db";
import { type Context, Hono } from "hono";
import { bookingCalendarFile, practitionerFeedFile } from "./calendar-files.js";

export interface CalendarRoutesDeps {
  db: Database;
  now?: () => Date;
}

// Tokens are base64url secrets; anything else cannot match, so skip the lookup.
const TOKEN = /^[A-Za-z0-9_-]{16,200}$/;

function calendarResponse(c: Context, body: string | null, filename: string) {
  if (body === null) return c.json({ error: { message: "Calendar not found" } }, 404);
  return c.body(body, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="${filename}"`,
    // The URL is a secret and the content personal: no shared caches, no search engines.
    "Cache-Control": "private, no-cache",
    "X-Robots-Tag": "noindex",
  });
}

/**
 * `.ics` downloads: one booking by the patient's manage token, and a
 * practitioner's subscription feed by their calendar token.
 */
export function calendarRoutes(deps: CalendarRoutesDeps) {
  const ctx = { db: deps.db, now: deps.now ?? (() => new Date()) };
  return new Hono()
    .get("/bookings/:token/calendar.ics", async (c) => {
      const token = c.req.param("token");
      const ics = TOKEN.test(token) ? await bookingCalendarFile(ctx, token) : null;
      return calendarResponse(c, ics, "appointment.ics");
    })
    .get("/calendar/practitioners/:file{[A-Za-z0-9_-]+\\.ics}", async (c) => {
      const token = c.req.param("file").slice(0, -".ics".length);
      const ics = TOKEN.test(token) ? await practitionerFeedFile(ctx, token) : null;
      return calendarResponse(c, ics, "bookings.ics");
    });
}
