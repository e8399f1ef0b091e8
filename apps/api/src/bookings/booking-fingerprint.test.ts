import { describe, expect, it } from "vitest";
import { bookingRequestFingerprint, type FingerprintedRequest } from "./booking-fingerprint.js";

const request: FingerprintedRequest = {
  serviceId: "6f9619ff-8b86-4d11-b42d-00c04fc964ff",
  practitionerId: "any",
  start: new Date("2027-03-01T00:00:00Z"),
  patient: { name: "Zoë Park", email: "zoe@example.com", phone: "0400 000 000" },
  notes: "Left knee",
  contactConsent: false,
};

describe("bookingRequestFingerprint", () => {
  it("is a SHA-256 in hex, the same for the same request however it was built", () => {
    const fingerprint = bookingRequestFingerprint(request, "online");
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const reordered: FingerprintedRequest = {
      contactConsent: false,
      notes: "Left knee",
      patient: { phone: "0400 000 000", email: "zoe@example.com", name: "Zoe\u0308 Park" },
      start: new Date(Date.parse("2027-03-01T11:00:00+11:00")),
      practitionerId: "any",
      serviceId: request.serviceId.toUpperCase(),
    };
    expect(bookingRequestFingerprint(reordered, "online")).toBe(fingerprint);
  });

  it("differs when anything the booking depends on differs", () => {
    const base = bookingRequestFingerprint(request, "online");
    const changed: FingerprintedRequest[] = [
      { ...request, practitionerId: "7f9619ff-8b86-4d11-b42d-00c04fc964ff" },
      { ...request, start: new Date("2027-03-01T00:15:00Z") },
      { ...request, patient: { ...request.patient, phone: "0400 000 001" } },
      { ...request, notes: "Right knee" },
      { ...request, contactConsent: true },
    ];
    for (const other of changed) {
      expect(bookingRequestFingerprint(other, "online")).not.toBe(base);
    }
    expect(bookingRequestFingerprint(request, "staff")).not.toBe(base);
  });
});
