import type { z } from "zod";
import {
  availabilitySchema,
  bookingCreatedSchema,
  patientBookingSchema,
  patientDetailSchema,
  patientsPageSchema,
  publicPractitionerSchema,
  publicServiceSchema,
  staffBookingDetailSchema,
  staffBookingsPageSchema,
  staffPractitionerSchema,
  staffServiceSchema,
} from "./responses.js";

/**
 * One REST route (decision 033): which tRPC procedure it calls, where that procedure's input
 * comes from (path parameters, the query string or a JSON body) and what it answers. The input
 * is validated by the procedure's own schema; the OpenAPI document is made from the same.
 */
export interface RestRoute {
  method: "get" | "post";
  /** Below /api/v1, OpenAPI style: `/bookings/{id}`. */
  path: string;
  procedure: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Where the rest of the input (beside path parameters) is read from. */
  input: "query" | "body" | "none";
  response: z.ZodType;
  /** A list answer: the response schema is one item of an array. */
  list?: true;
  status?: 200 | 201;
}

const PUBLIC = "Public booking";
const BOOKINGS = "Bookings (staff)";
const PATIENTS = "Patients (staff)";
const CATALOG = "Practitioners and services (staff)";

export const restRoutes: RestRoute[] = [
  // --- Public: no key needed (a key, if sent, must be valid). ---
  {
    method: "get",
    path: "/services",
    procedure: "services.list",
    operationId: "listServices",
    summary: "Services offered online",
    description:
      "Active services with the practitioners offering them, as the public site shows them.",
    tag: PUBLIC,
    input: "none",
    response: publicServiceSchema,
    list: true,
  },
  {
    method: "get",
    path: "/services/{slug}",
    procedure: "services.bySlug",
    operationId: "getService",
    summary: "One service by its slug",
    tag: PUBLIC,
    input: "none",
    response: publicServiceSchema,
  },
  {
    method: "get",
    path: "/practitioners",
    procedure: "practitioners.list",
    operationId: "listPractitioners",
    summary: "Practitioners taking bookings",
    tag: PUBLIC,
    input: "none",
    response: publicPractitionerSchema,
    list: true,
  },
  {
    method: "get",
    path: "/practitioners/{slug}",
    procedure: "practitioners.bySlug",
    operationId: "getPractitioner",
    summary: "One practitioner by their slug",
    tag: PUBLIC,
    input: "none",
    response: publicPractitionerSchema,
  },
  {
    method: "get",
    path: "/availability",
    procedure: "availability.slots",
    operationId: "getAvailability",
    summary: "Bookable times for a service",
    description:
      "Free start times from `from` to `to` (local dates in the clinic's zone, at most 62 days), grouped by day, for one practitioner or `any`.",
    tag: PUBLIC,
    input: "query",
    response: availabilitySchema,
  },
  {
    method: "post",
    path: "/bookings",
    procedure: "bookings.create",
    operationId: "createBooking",
    summary: "Book online",
    description:
      "Books a free time under the clinic's online policy (notice, hours). `idempotencyKey` makes a retry safe. Answers the booking and its manage token; 409 when the time was just taken.",
    tag: PUBLIC,
    input: "body",
    response: bookingCreatedSchema,
    status: 201,
  },
  {
    method: "get",
    path: "/bookings/by-token/{token}",
    procedure: "bookings.byToken",
    operationId: "getBookingByToken",
    summary: "A booking by its manage token",
    tag: PUBLIC,
    input: "none",
    response: patientBookingSchema,
  },
  {
    method: "post",
    path: "/bookings/by-token/{token}/cancel",
    procedure: "bookings.cancelByToken",
    operationId: "cancelBookingByToken",
    summary: "Cancel a booking by its manage token",
    description: "Refused (400) once the clinic's cancellation window has begun.",
    tag: PUBLIC,
    input: "body",
    response: patientBookingSchema,
  },
  {
    method: "post",
    path: "/bookings/by-token/{token}/reschedule",
    procedure: "bookings.rescheduleByToken",
    operationId: "rescheduleBookingByToken",
    summary: "Move a booking by its manage token",
    tag: PUBLIC,
    input: "body",
    response: patientBookingSchema,
  },

  // --- Staff: an API key whose role holds the permission. ---
  {
    method: "get",
    path: "/staff/bookings",
    procedure: "bookings.search",
    operationId: "listStaffBookings",
    summary: "Bookings by start time, filtered",
    description:
      "Bookings starting on local dates `from`…`to` (at most 366 days), by practitioner, service, status, patient or a search of the patient's name, email or phone; 50 a page. Permission `bookings.read`.",
    tag: BOOKINGS,
    input: "query",
    response: staffBookingsPageSchema,
  },
  {
    method: "post",
    path: "/staff/bookings",
    procedure: "bookings.createForPatient",
    operationId: "createStaffBooking",
    summary: "Book for a patient",
    description:
      "Like the desk booking by phone: inside the notice window allowed, and any time with `outsideHours` (audited); never over another booking (409). Permission `bookings.write`.",
    tag: BOOKINGS,
    input: "body",
    response: staffBookingDetailSchema,
    status: 201,
  },
  {
    method: "get",
    path: "/staff/bookings/{id}",
    procedure: "bookings.detail",
    operationId: "getStaffBooking",
    summary: "One booking with its patient and history",
    description: "Permission `bookings.read`.",
    tag: BOOKINGS,
    input: "none",
    response: staffBookingDetailSchema,
  },
  {
    method: "post",
    path: "/staff/bookings/{id}/status",
    procedure: "bookings.setStatus",
    operationId: "setStaffBookingStatus",
    summary: "Record a started appointment as completed or a no-show",
    description: "Permission `bookings.write` (a practitioner key: their own bookings).",
    tag: BOOKINGS,
    input: "body",
    response: staffBookingDetailSchema,
  },
  {
    method: "post",
    path: "/staff/bookings/{id}/cancel",
    procedure: "bookings.cancel",
    operationId: "cancelStaffBooking",
    summary: "Cancel an upcoming booking, with a reason",
    description: "The patient is emailed the reason. Permission `bookings.write`.",
    tag: BOOKINGS,
    input: "body",
    response: staffBookingDetailSchema,
  },
  {
    method: "post",
    path: "/staff/bookings/{id}/reschedule",
    procedure: "bookings.reschedule",
    operationId: "rescheduleStaffBooking",
    summary: "Move an upcoming booking",
    description: "409 when the time is taken. Permission `bookings.write`.",
    tag: BOOKINGS,
    input: "body",
    response: staffBookingDetailSchema,
  },
  {
    method: "get",
    path: "/staff/availability",
    procedure: "bookings.availability",
    operationId: "getStaffAvailability",
    summary: "Free times for a staff booking or move",
    description: "Like /availability, inside the notice window too. Permission `bookings.read`.",
    tag: BOOKINGS,
    input: "query",
    response: availabilitySchema,
  },
  {
    method: "get",
    path: "/staff/patients",
    procedure: "patients.search",
    operationId: "listPatients",
    summary: "Patients, by name",
    description:
      "Those whose name, email or phone contains `query`; 25 a page. Permission `patients.read`.",
    tag: PATIENTS,
    input: "query",
    response: patientsPageSchema,
  },
  {
    method: "get",
    path: "/staff/patients/{id}",
    procedure: "patients.detail",
    operationId: "getPatient",
    summary: "A patient's contact details and bookings",
    description: "Permission `patients.read`.",
    tag: PATIENTS,
    input: "none",
    response: patientDetailSchema,
  },
  {
    method: "get",
    path: "/staff/practitioners",
    procedure: "practitioners.staffList",
    operationId: "listStaffPractitioners",
    summary: "Every practitioner, inactive ones included",
    description: "Permission `catalog.read`.",
    tag: CATALOG,
    input: "none",
    response: staffPractitionerSchema,
    list: true,
  },
  {
    method: "get",
    path: "/staff/practitioners/{id}",
    procedure: "practitioners.get",
    operationId: "getStaffPractitioner",
    summary: "One practitioner by id",
    description: "Permission `catalog.read`.",
    tag: CATALOG,
    input: "none",
    response: staffPractitionerSchema,
  },
  {
    method: "get",
    path: "/staff/services",
    procedure: "services.staffList",
    operationId: "listStaffServices",
    summary: "Every service, inactive ones included",
    description: "Permission `catalog.read`.",
    tag: CATALOG,
    input: "none",
    response: staffServiceSchema,
    list: true,
  },
  {
    method: "get",
    path: "/staff/services/{id}",
    procedure: "services.get",
    operationId: "getStaffService",
    summary: "One service by id",
    description: "Permission `catalog.read`.",
    tag: CATALOG,
    input: "none",
    response: staffServiceSchema,
  },
];

/** The path parameters of a route, in order: `/a/{id}/b` → `["id"]`. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
