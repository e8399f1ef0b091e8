import { testDrivers } from "@clinic/db/testing";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { connectionFrom, createTestApp, demoClinic, signedInStaff } from "../testing/index.js";
import { openApiDocument } from "./openapi.js";
import { restRoutes } from "./routes.js";

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document listing every REST route", async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of restRoutes) {
      expect(doc.paths?.[route.path]?.[route.method]?.operationId).toBe(route.operationId);
    }
    // The webhooks the clinic sends, from the contract's schema.
    expect(doc.webhooks?.clinicEvent?.post?.operationId).toBe("receiveClinicEvent");
    expect(Object.keys(doc.paths ?? {})).toEqual(
      expect.arrayContaining(["/services", "/availability", "/bookings", "/staff/bookings/{id}"]),
    );
  });

  it("describes inputs with the procedures' own schemas (a field's rule shows in the document)", () => {
    const doc = openApiDocument() as unknown as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<
                string,
                { schema: { properties: Record<string, unknown>; required: string[] } }
              >;
            };
          }
        >
      >;
    };
    const body = doc.paths["/bookings"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(body.required).toEqual(
      expect.arrayContaining(["serviceId", "start", "patient", "idempotencyKey"]),
    );
    expect(body.properties.start).toMatchObject({ type: "string", format: "date-time" });
    expect(body.properties.idempotencyKey).toMatchObject({ pattern: "^[A-Za-z0-9_-]{16,100}$" });
  });
});

describe.each(testDrivers)("the REST API on %s", (driver) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let key: string;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    const owner = await signedInStaff(t, "owner");
    key = (
      await owner.client.apiKeys.create.mutate({
        name: "REST test",
        role: "front_desk",
        expiresInDays: 30,
      })
    ).key;
  }, 180_000);
  afterAll(() => t.close());

  const call = async (method: string, path: string, body?: unknown, auth: string | null = key) => {
    const response = await t.app.request(
      `http://api.test${path}`,
      {
        method,
        headers: {
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      },
      connectionFrom("198.51.100.20"),
    );
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  };
  const schemaOf = (operationId: string): z.ZodType => {
    const route = restRoutes.find((r) => r.operationId === operationId)!;
    return route.list ? (route.response.array() as z.ZodType) : route.response;
  };

  it("lists services, finds a slot, books, reads, cancels: answers match the document", async () => {
    const clinic = await demoClinic(t);
    const services = await call("GET", "/api/v1/services", undefined, null);
    expect(services.status).toBe(200);
    schemaOf("listServices").parse(services.body);
    schemaOf("listPractitioners").parse((await call("GET", "/api/v1/practitioners")).body);

    const from = "2027-02-16";
    const slots = await call(
      "GET",
      `/api/v1/availability?serviceId=${clinic.serviceId}&practitionerId=any&from=${from}&to=2027-02-19`,
    );
    expect(slots.status).toBe(200);
    schemaOf("getAvailability").parse(slots.body);
    const start = slots.body.days.find((d: { slots: unknown[] }) => d.slots.length)!.slots[0].start;

    const created = await call("POST", "/api/v1/bookings", {
      serviceId: clinic.serviceId,
      practitionerId: "any",
      start,
      patient: { name: "Rest Patient", email: "rest.patient@example.com", phone: "0400 111 222" },
      idempotencyKey: "rest-test-booking-0001",
    });
    expect(created.status).toBe(201);
    schemaOf("createBooking").parse(created.body);
    expect(created.body.booking.startsAt).toBe(start);
    const token = created.body.manageToken as string;

    const read = await call("GET", `/api/v1/bookings/by-token/${token}`);
    schemaOf("getBookingByToken").parse(read.body);

    const detail = await call("GET", `/api/v1/staff/bookings/${created.body.booking.id}`);
    expect(detail.status).toBe(200);
    schemaOf("getStaffBooking").parse(detail.body);

    const list = await call("GET", "/api/v1/staff/bookings?from=2027-02-16&to=2027-02-19&page=1");
    expect(list.status).toBe(200);
    schemaOf("listStaffBookings").parse(list.body);
    expect(list.body.items.map((b: { id: string }) => b.id)).toContain(created.body.booking.id);

    const cancelled = await call(
      "POST",
      `/api/v1/staff/bookings/${created.body.booking.id}/cancel`,
      {
        reason: "The integration's test",
      },
    );
    expect(cancelled.status).toBe(200);
    schemaOf("cancelStaffBooking").parse(cancelled.body);
    expect(cancelled.body.status).toBe("cancelled");

    // Staff book for a patient on the phone (no email), then the booking is cancelled.
    const byPhone = await call("POST", "/api/v1/staff/bookings", {
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: slots.body.days
        .filter((d: { slots: unknown[] }) => d.slots.length)
        .at(-1)
        .slots.at(-1).start,
      patient: { name: "Phone Patient", phone: "0400 999 888" },
      idempotencyKey: "rest-test-staff-booking-0001",
    });
    expect(byPhone.status).toBe(201);
    schemaOf("createStaffBooking").parse(byPhone.body);
    const phoneCancel = await call("POST", `/api/v1/staff/bookings/${byPhone.body.id}/cancel`, {
      reason: "Rang back",
    });
    expect(phoneCancel.body.status).toBe("cancelled");

    // Cancelled already: a second cancel is refused as the procedure refuses it.
    const again = await call("POST", `/api/v1/staff/bookings/${created.body.booking.id}/cancel`, {
      reason: "Again",
    });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
  });

  it("reads the catalog and patients for staff, as the document says", async () => {
    const practitioners = await call("GET", "/api/v1/staff/practitioners");
    schemaOf("listStaffPractitioners").parse(practitioners.body);
    const one = await call("GET", `/api/v1/staff/practitioners/${practitioners.body[0].id}`);
    schemaOf("getStaffPractitioner").parse(one.body);
    const services = await call("GET", "/api/v1/staff/services");
    schemaOf("listStaffServices").parse(services.body);
    schemaOf("getStaffService").parse(
      (await call("GET", `/api/v1/staff/services/${services.body[0].id}`)).body,
    );
    const patients = await call("GET", "/api/v1/staff/patients?query=a&page=1");
    expect(patients.status).toBe(200);
    schemaOf("listPatients").parse(patients.body);
    const patient = await call("GET", `/api/v1/staff/patients/${patients.body.patients[0].id}`);
    expect(patient.status).toBe(200);
    schemaOf("getPatient").parse(patient.body);
  });

  it("answers problems: 400 naming the field, 404, 409 and 403", async () => {
    const clinic = await demoClinic(t);
    const bad = await call("POST", "/api/v1/bookings", {
      serviceId: clinic.serviceId,
      practitionerId: "any",
      start: "not a time",
      patient: { name: "Rest Patient", email: "not-an-email", phone: "0400 111 222" },
      idempotencyKey: "rest-test-booking-0002",
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.body).toMatchObject({ status: 400, title: "Bad request" });
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["start", "patient.email"]));

    const query = await call("GET", "/api/v1/staff/bookings?from=2027-02-16&to=yesterday&page=x");
    expect(query.status).toBe(400);
    expect(query.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(["to", "page"]),
    );

    expect((await call("POST", "/api/v1/bookings", undefined)).status).toBe(400);
    const notJson = await t.app.request("http://api.test/api/v1/bookings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(notJson.status).toBe(400);
    const notDeclared = await t.app.request("http://api.test/api/v1/bookings", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(notDeclared.status).toBe(415);

    const missing = await call(
      "GET",
      "/api/v1/staff/bookings/00000000-0000-4000-8000-000000000000",
    );
    expect(missing.status).toBe(404);
    expect(missing.body.status).toBe(404);
    expect((await call("GET", "/api/v1/nothing-here")).status).toBe(404);

    // The same idempotency key for a different booking, and a taken time.
    const slots = await call(
      "GET",
      `/api/v1/availability?serviceId=${clinic.serviceId}&practitionerId=${clinic.jasonId}&from=2027-02-23&to=2027-02-24`,
    );
    const start = slots.body.days.find((d: { slots: unknown[] }) => d.slots.length)!.slots[0].start;
    const booking = {
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start,
      patient: { name: "First Patient", email: "first.patient@example.com", phone: "0400 111 333" },
      idempotencyKey: "rest-test-booking-0003",
    };
    expect((await call("POST", "/api/v1/bookings", booking)).status).toBe(201);
    const taken = await call("POST", "/api/v1/bookings", {
      ...booking,
      patient: {
        name: "Second Patient",
        email: "second.patient@example.com",
        phone: "0400 111 444",
      },
      idempotencyKey: "rest-test-booking-0004",
    });
    expect(taken.status).toBe(409);
    expect(taken.body.status).toBe(409);

    // A front desk key may not change the catalog's practitioners... nor read the audit; a
    // practitioner key may not read patients' exports: the REST routes follow the matrix.
    const owner = await signedInStaff(t, "owner");
    const practitionerKey = (
      await owner.client.apiKeys.create.mutate({
        name: "Practitioner",
        role: "practitioner",
        practitionerId: clinic.joeyId,
        expiresInDays: 30,
      })
    ).key;
    const created = (await call("GET", "/api/v1/staff/bookings?from=2027-02-23&to=2027-02-24")).body
      .items[0];
    const notTheirs = await call(
      "POST",
      `/api/v1/staff/bookings/${created.id}/cancel`,
      { reason: "Not mine" },
      practitionerKey,
    );
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body).toMatchObject({ status: 403, title: "Forbidden" });
  });

  it("serves the document and its reference page under a strict CSP", async () => {
    const doc = await t.app.request("http://api.test/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");

    const page = await t.app.request("http://api.test/api/docs");
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await page.text();
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
    expect(html).toContain("/api/v1/bookings/by-token/{token}/cancel");
    expect(html).toContain("createBooking");
    expect(html).toContain("Clinic-Signature");
  });
});
