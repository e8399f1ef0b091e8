import {
  type BookingDetails,
  type Executor,
  findBookingById,
  newWebhookEventId,
  recordWebhookEvent,
} from "@clinic/db";
import {
  type WebhookBooking,
  type WebhookEvent,
  type WebhookEventType,
  webhookEventSchema,
} from "@clinic/domain";

// The events of issue 15, each written in the transaction of the change it reports (decision
// 032): a rollback takes the event and its deliveries with it.

/** Booking history kinds (`recordBookingChange`) and the webhook event each one is. */
const BOOKING_EVENTS: Record<string, WebhookEventType | undefined> = {
  created: "booking.created",
  rescheduled: "booking.rescheduled",
  cancelled: "booking.cancelled",
  completed: "booking.completed",
  no_show: "booking.no_show",
};

export function webhookBooking(details: BookingDetails): WebhookBooking {
  return {
    id: details.id,
    status: details.status,
    startsAt: details.startsAt.toISOString(),
    endsAt: details.endsAt.toISOString(),
    service: { id: details.service.id, name: details.service.name },
    practitioner: { id: details.practitioner.id, name: details.practitioner.name },
    patient: {
      id: details.patient.id,
      name: details.patient.name,
      email: details.patient.email,
      phone: details.patient.phone,
    },
  };
}

/**
 * Queues an event (checked against the contract's schema) for every endpoint subscribed to
 * its type, or for `endpointId` alone; returns its id and how many deliveries it queued.
 */
export async function queueWebhookEvent(
  tx: Executor,
  event: Omit<WebhookEvent, "id" | "createdAt" | "test"> & { test?: boolean },
  now: Date,
  options: { endpointId?: string } = {},
): Promise<{ id: string; deliveries: number }> {
  const id = newWebhookEventId();
  const payload = webhookEventSchema.parse({
    ...event,
    id,
    createdAt: now.toISOString(),
    test: event.test ?? false,
  });
  const deliveries = await recordWebhookEvent(
    tx,
    { id, type: payload.type, payload: payload as Record<string, unknown>, createdAt: now },
    options,
  );
  return { id, deliveries };
}

/**
 * The webhook of a booking change, read back in the transaction that made it; `previous` is
 * where a rescheduled booking was. History kinds without an event are ignored.
 */
export async function queueBookingWebhook(
  tx: Executor,
  change: {
    bookingId: string;
    kind: string;
    at: Date;
    previous?: { startsAt: Date; endsAt: Date; practitionerId: string } | undefined;
  },
): Promise<void> {
  const type = BOOKING_EVENTS[change.kind];
  if (!type) return;
  const details = await findBookingById(tx, change.bookingId);
  if (!details) return;
  const previous =
    type === "booking.rescheduled" && change.previous
      ? {
          startsAt: change.previous.startsAt.toISOString(),
          endsAt: change.previous.endsAt.toISOString(),
          practitionerId: change.previous.practitionerId,
        }
      : undefined;
  await queueWebhookEvent(
    tx,
    { type, data: { booking: webhookBooking(details), ...(previous ? { previous } : {}) } },
    change.at,
  );
}

export function queueReviewWebhook(
  tx: Executor,
  review: { id: string; authorName: string; rating: number; body: string },
  now: Date,
) {
  return queueWebhookEvent(
    tx,
    {
      type: "review.submitted",
      data: {
        review: {
          id: review.id,
          reviewerName: review.authorName,
          rating: review.rating,
          body: review.body,
          submittedAt: now.toISOString(),
        },
      },
    },
    now,
  );
}

export function queueEnquiryWebhook(
  tx: Executor,
  enquiry: {
    id: string;
    name: string;
    email: string | null;
    phone?: string | null;
    message: string;
  },
  now: Date,
) {
  return queueWebhookEvent(
    tx,
    {
      type: "enquiry.received",
      data: {
        enquiry: {
          id: enquiry.id,
          name: enquiry.name,
          email: enquiry.email,
          phone: enquiry.phone ?? null,
          message: enquiry.message,
          receivedAt: now.toISOString(),
        },
      },
    },
    now,
  );
}
