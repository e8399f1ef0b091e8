import { z } from "zod";
import { bookingStatusSchema } from "../bookings/booking.js";

/**
 * What a webhook receiver gets: one JSON object per delivery, the same `id` on every retry of
 * the same event (receivers de-duplicate on it). Dates are ISO-8601 strings in UTC, since the
 * body is plain JSON, not superjson. Patient contact details are included because the clinic's
 * owner chose to send them to this endpoint (accounting, practice-management systems need them);
 * they are never logged.
 */
export const webhookEventTypes = [
  "booking.created",
  "booking.rescheduled",
  "booking.cancelled",
  "booking.completed",
  "booking.no_show",
  "review.submitted",
  "enquiry.received",
] as const;
export const webhookEventTypeSchema = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** What the owner reads next to each event when registering an endpoint. */
export const webhookEventLabels: Record<WebhookEventType, string> = {
  "booking.created": "Booking created",
  "booking.rescheduled": "Booking rescheduled",
  "booking.cancelled": "Booking cancelled",
  "booking.completed": "Booking completed",
  "booking.no_show": "Booking marked no-show",
  "review.submitted": "Review submitted",
  "enquiry.received": "Enquiry received",
};

const instant = z.iso.datetime({ offset: true });

export const webhookBookingSchema = z.object({
  id: z.uuid(),
  status: bookingStatusSchema,
  startsAt: instant,
  endsAt: instant,
  service: z.object({ id: z.uuid(), name: z.string() }),
  practitioner: z.object({ id: z.uuid(), name: z.string() }),
  patient: z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
});
export type WebhookBooking = z.infer<typeof webhookBookingSchema>;

export const webhookReviewSchema = z.object({
  id: z.uuid(),
  reviewerName: z.string(),
  rating: z.number().int().min(1).max(5),
  body: z.string(),
  submittedAt: instant,
});
export type WebhookReview = z.infer<typeof webhookReviewSchema>;

export const webhookEnquirySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  message: z.string(),
  receivedAt: instant,
});
export type WebhookEnquiry = z.infer<typeof webhookEnquirySchema>;

const envelope = { id: z.string().min(1), createdAt: instant, test: z.boolean().default(false) };

const bookingEvent = <T extends WebhookEventType>(type: T) =>
  z.object({
    ...envelope,
    type: z.literal(type),
    data: z.object({
      booking: webhookBookingSchema,
      /** Only on booking.rescheduled: where it was before. */
      previous: z
        .object({ startsAt: instant, endsAt: instant, practitionerId: z.uuid() })
        .optional(),
    }),
  });

/** Parse a received body with this to get a typed event (a discriminated union on `type`). */
export const webhookEventSchema = z.discriminatedUnion("type", [
  bookingEvent("booking.created"),
  bookingEvent("booking.rescheduled"),
  bookingEvent("booking.cancelled"),
  bookingEvent("booking.completed"),
  bookingEvent("booking.no_show"),
  z.object({
    ...envelope,
    type: z.literal("review.submitted"),
    data: z.object({ review: webhookReviewSchema }),
  }),
  z.object({
    ...envelope,
    type: z.literal("enquiry.received"),
    data: z.object({ enquiry: webhookEnquirySchema }),
  }),
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;
