import { notFound } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiUrl } from "../server/api.server";

// A feed file name: the practitioner's secret token and `.ics`, nothing else reaches the API.
const FEED_FILE = /^[A-Za-z0-9_-]{16,200}\.ics$/;

/**
 * A practitioner's calendar subscription, fetched from the API (which stays private) and passed
 * straight through, so calendar apps poll this site. Never kept by the page cache: the address
 * is a secret and the content personal.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  if (!FEED_FILE.test(file)) throw notFound("Calendar");
  const upstream = await fetch(`${apiUrl}/calendar/practitioners/${file}`, {
    headers: { accept: "text/calendar" },
  });
  if (upstream.status === 404) throw notFound("Calendar");
  if (!upstream.ok || !upstream.body) {
    throw new Response("The calendar isn't available right now.", { status: 502 });
  }
  return new Response(upstream.body, {
    headers: {
      "Content-Type": upstream.headers.get("content-type") ?? "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="bookings.ics"',
      "Cache-Control": "private, no-cache",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
