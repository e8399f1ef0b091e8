import { serve } from "@hono/node-server";
import { BookingStore } from "./booking-store.js";
import { webhookReceiver } from "./webhook-receiver.js";

// The booking sync as a service: receives the clinic's webhooks on PORT (default 4100) at
// POST /webhooks and keeps the bookings in BOOKINGS_FILE. Its API client (clinic-api.ts) is what
// a job of yours calls with CLINIC_API_URL and CLINIC_API_KEY to book and cancel.

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is required`);
    process.exit(1);
  }
  return value;
}

// WEBHOOK_SECRET, and during a rotation WEBHOOK_PREVIOUS_SECRET.
const secrets = [required("WEBHOOK_SECRET"), process.env.WEBHOOK_PREVIOUS_SECRET].filter(
  (secret): secret is string => Boolean(secret),
);
const store = await BookingStore.open(process.env.BOOKINGS_FILE ?? ".data/bookings.json");
const port = Number(process.env.PORT ?? 4100);
serve({
  fetch: webhookReceiver({
    store,
    secrets,
    // Event ids and types only: a booking's patient is never logged.
    onEvent: (event) => console.log(JSON.stringify({ msg: "webhook applied", ...event })),
  }).fetch,
  port,
});
console.log(`Booking sync receiving webhooks on http://localhost:${port}/webhooks`);
