import { notFound } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireManageToken } from "../links/manage-link";
import { apiUrl } from "../server/api.server";

/**
 * The booking as a calendar file, fetched from the API and passed straight through, so the
 * "Add to calendar" link stays on this site.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = requireManageToken(params.token);
  const upstream = await fetch(`${apiUrl}/bookings/${token}/calendar.ics`, {
    headers: { accept: "text/calendar" },
  });
  if (upstream.status === 404) throw notFound("Booking");
  if (!upstream.ok || !upstream.body) {
    throw new Response("The calendar file isn't available right now.", { status: 502 });
  }
  return new Response(upstream.body, {
    headers: {
      "Content-Type": upstream.headers.get("content-type") ?? "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="appointment.ics"',
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
