import { describe, expect, it } from "vitest";
import { blocksTime, bookingStatuses, patientInputSchema } from "./booking.js";

describe("blocksTime", () => {
  it("frees the diary only for cancelled bookings", () => {
    const blocking = bookingStatuses.filter(blocksTime);
    expect(blocking).toEqual(["confirmed", "completed", "no_show"]);
  });
});

describe("patientInputSchema", () => {
  it("normalises a patient's details", () => {
    expect(
      patientInputSchema.parse({
        name: " Sam Taylor ",
        email: "Sam@Example.COM",
        phone: " 0412 345 678 ",
      }),
    ).toEqual({ name: "Sam Taylor", email: "sam@example.com", phone: "0412 345 678" });
  });

  it("reports each bad field on its path", () => {
    const result = patientInputSchema.safeParse({ name: "", email: "nope", phone: "call me" });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(["name", "email", "phone"]);
  });
});
