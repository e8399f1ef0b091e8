import { bookingStatusSchema, idSchema } from "@clinic/domain";
import { z } from "zod";

// What the REST API answers (decision 033), as zod schemas the OpenAPI document is made from.
// The procedures' answers are plain TypeScript, so these are written beside them; rest.test.ts
// parses real answers with each, so a change to a service that breaks one fails a test.

const instant = z
  .string()
  .meta({ format: "date-time", description: "An instant, ISO 8601 in UTC" });
const ref = z.object({ id: idSchema, slug: z.string(), name: z.string() });

export const publicServiceSchema = z
  .looseObject({
    id: idSchema,
    slug: z.string(),
    name: z.string(),
    summary: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    priceCents: z.number().int().nullable(),
    patientType: z.string(),
    practitioners: z.array(ref),
  })
  .meta({ id: "Service" });

export const publicPractitionerSchema = z
  .looseObject({
    id: idSchema,
    slug: z.string(),
    name: z.string(),
    title: z.string(),
    bio: z.string(),
    photoUrl: z.string().nullable(),
    services: z.array(ref),
  })
  .meta({ id: "Practitioner" });

export const availabilitySchema = z
  .looseObject({
    timeZone: z.string().meta({ description: "The clinic's IANA time zone" }),
    service: z.looseObject({ id: idSchema, slug: z.string(), name: z.string() }),
    practitioners: z.array(ref),
    days: z.array(
      z.object({
        date: z.string().meta({ description: "A local date in the clinic's zone, yyyy-MM-dd" }),
        slots: z.array(z.looseObject({ start: instant, practitionerIds: z.array(idSchema) })),
      }),
    ),
  })
  .meta({ id: "Availability" });

export const patientBookingSchema = z
  .looseObject({
    id: idSchema,
    status: bookingStatusSchema,
    startsAt: instant,
    endsAt: instant,
    notes: z.string(),
    cancellationReason: z.string().nullable(),
    service: z.looseObject({ id: idSchema, slug: z.string(), name: z.string() }),
    practitioner: ref,
    timeZone: z.string(),
    canCancel: z.boolean(),
    canReschedule: z.boolean(),
    changeDeadline: instant,
  })
  .meta({ id: "PatientBooking", description: "A booking as its patient sees it" });

export const bookingCreatedSchema = z
  .object({
    booking: patientBookingSchema,
    manageToken: z.string().meta({
      description:
        "The booking's manage token: read, cancel or move it at /bookings/by-token/{token}",
    }),
  })
  .meta({ id: "BookingCreated" });

const staffBookingRowSchema = z.looseObject({
  id: idSchema,
  status: bookingStatusSchema,
  startsAt: instant,
  endsAt: instant,
  practitioner: z.looseObject({ id: idSchema, name: z.string() }),
  service: z.looseObject({ id: idSchema, name: z.string() }),
  patient: z.looseObject({ id: idSchema, name: z.string() }),
});

export const staffBookingsPageSchema = z
  .looseObject({ items: z.array(staffBookingRowSchema), total: z.number().int() })
  .meta({ id: "StaffBookingsPage", description: "One page of bookings by start time (50 a page)" });

export const staffBookingDetailSchema = z
  .looseObject({ id: idSchema, status: bookingStatusSchema, startsAt: instant, endsAt: instant })
  .meta({
    id: "StaffBookingDetail",
    description: "A booking with its patient, history, emails and the actions allowed on it",
  });

export const patientsPageSchema = z
  .looseObject({
    patients: z.array(z.looseObject({ id: idSchema, name: z.string() })),
    total: z.number().int(),
  })
  .meta({ id: "PatientsPage", description: "Patients by name, 25 a page" });

export const patientDetailSchema = z
  .looseObject({
    patient: z.looseObject({ id: idSchema, name: z.string() }),
    bookings: z.array(
      z.looseObject({ id: idSchema, status: bookingStatusSchema, startsAt: instant }),
    ),
  })
  .meta({ id: "PatientDetail", description: "A patient's contact details and bookings" });

export const staffPractitionerSchema = z
  .looseObject({ id: idSchema, slug: z.string(), name: z.string(), active: z.boolean() })
  .meta({ id: "StaffPractitioner" });

export const staffServiceSchema = z
  .looseObject({ id: idSchema, slug: z.string(), name: z.string(), active: z.boolean() })
  .meta({ id: "StaffService" });

/** An RFC 9457 problem: every refusal of the REST API. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "For 400 and some 409: which field, and what is wrong with it" }),
  })
  .meta({ id: "Problem" });
