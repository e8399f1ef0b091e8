import { TRPCClientError } from "@clinic/api-client";
import { apiRefusal } from "@clinic/form-kit/server";
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import {
  BOOKING_API_FIELDS,
  bookingDetailsErrors,
  bookingDetailsSchema,
  createBookingInput,
  draftFromFormData,
} from "./booking-form";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const hidden = {
  serviceId: "ede5ff0e-e12b-4576-81fc-3ce8d88fdcaa",
  practitionerId: "any",
  start: "2026-03-03T22:30:00.000Z",
  idempotencyKey: "4f1c2a9e-6a43-4f0e-9d55-1c2b3a4d5e6f",
};

function parse(fields: Record<string, string>) {
  return parseWithZod(form(fields), { schema: bookingDetailsSchema, error: bookingDetailsErrors });
}

describe("the booking details form", () => {
  it("turns a filled-in form into the API's booking request", () => {
    const submission = parse({
      ...hidden,
      name: "  Sam Runner ",
      email: "Sam@Example.com",
      phone: "0412 345 678",
      notes: "Left knee",
      contactConsent: "on",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(createBookingInput(submission.value)).toEqual({
      serviceId: hidden.serviceId,
      practitionerId: "any",
      start: new Date(hidden.start),
      patient: { name: "Sam Runner", email: "sam@example.com", phone: "0412 345 678" },
      notes: "Left knee",
      contactConsent: true,
      idempotencyKey: hidden.idempotencyKey,
    });
  });

  it("leaves notes empty and consent off when not given", () => {
    const submission = parse({
      ...hidden,
      name: "Sam",
      email: "sam@example.com",
      phone: "0412345678",
    });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    const input = createBookingInput(submission.value);
    expect(input.notes).toBe("");
    expect(input.contactConsent).toBe(false);
  });

  it("names each missing field in plain words and checks the rest with the domain's rules", () => {
    const submission = parse({ ...hidden, email: "not-an-email", phone: "abc" });
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors.name).toEqual(["Enter your name"]);
    expect(errors.email).toEqual(["Enter a valid email address"]);
    expect(errors.phone).toContain("Enter a valid phone number");
  });
});

describe("the API's field errors on the booking form", () => {
  it("puts patient fields next to their inputs and the rest at the top of the form", () => {
    const error = TRPCClientError.from({
      error: {
        code: -32600,
        message: "Some fields are invalid",
        data: {
          code: "BAD_REQUEST",
          httpStatus: 400,
          fieldErrors: {
            "patient.email": ["Enter a valid email address"],
            start: ["That time is in the past"],
            notes: ["Notes must be at most 2000 characters"],
            practitionerId: ["That practitioner doesn't offer this"],
          },
        },
      },
    } as never);
    expect(apiRefusal(error, BOOKING_API_FIELDS)).toMatchObject({
      status: 400,
      fieldErrors: {
        email: ["Enter a valid email address"],
        notes: ["Notes must be at most 2000 characters"],
      },
      formErrors: ["That time is in the past", "That practitioner doesn't offer this"],
    });
  });
});

describe("draftFromFormData", () => {
  it("keeps exactly what the patient typed, and nothing hidden", () => {
    const draft = draftFromFormData(
      form({
        ...hidden,
        name: "Sam",
        email: "sam@",
        phone: "04",
        notes: "n",
        contactConsent: "on",
      }),
    );
    expect(draft).toEqual({
      name: "Sam",
      email: "sam@",
      phone: "04",
      notes: "n",
      contactConsent: true,
      smsReminders: false,
    });
  });

  it("caps overlong values so the cookie stays small", () => {
    const draft = draftFromFormData(form({ name: "x".repeat(5000) }));
    expect(draft.name).toHaveLength(200);
    expect(draft.contactConsent).toBe(false);
  });
});
