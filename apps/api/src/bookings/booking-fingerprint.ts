import { createHash } from "node:crypto";
import type { BookingRules } from "./bookable-slots.js";

/** What a booking request asks for: the part an idempotency key vouches for. */
export interface FingerprintedRequest {
  serviceId: string;
  practitionerId: string;
  start: Date;
  patient: { name: string; email?: string | null | undefined; phone?: string | null | undefined };
  notes: string;
  contactConsent: boolean;
  outsideHours?: boolean | undefined;
}

// Bumped if the normalisation below changes, so old fingerprints never match new ones by accident.
const VERSION = "booking-request/v1";

/**
 * SHA-256 (hex) of the booking request as the schemas normalised it (trimmed
 * text, lowercased email), with ids lowercased, text in Unicode NFC and the
 * start as an ISO instant, under the rules it was made with. Two requests with
 * the same fingerprint ask for the same booking, so a retry with the key is
 * answered with the booking it made; a different fingerprint is a different
 * request that reused the key.
 */
export function bookingRequestFingerprint(request: FingerprintedRequest, rules: BookingRules) {
  const text = (value: string) => value.normalize("NFC");
  // An array, not an object: its order is fixed, whatever order the caller built the request in.
  const canonical = JSON.stringify([
    VERSION,
    rules,
    request.serviceId.toLowerCase(),
    request.practitionerId.toLowerCase(),
    request.start.toISOString(),
    text(request.patient.name),
    text(request.patient.email ?? ""),
    text(request.patient.phone ?? ""),
    text(request.notes),
    request.contactConsent,
    // Only when set, so fingerprints kept from before the option still match their retries.
    ...(request.outsideHours ? ["outside-hours"] : []),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}
