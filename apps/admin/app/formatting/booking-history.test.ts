import { describe, expect, it } from "vitest";
import { describeHistoryEntry } from "./booking-history";

const SYDNEY = "Australia/Sydney";
const staff = { actorKind: "staff" as const, actorName: "Dana Front" };
const patient = { actorKind: "patient" as const, actorName: "Sam Runner" };

describe("describeHistoryEntry", () => {
  it("tells online bookings from bookings staff took", () => {
    expect(describeHistoryEntry({ kind: "created", ...patient, details: {} }, SYDNEY)).toBe(
      "Booked online by Sam Runner (patient)",
    );
    expect(
      describeHistoryEntry({ kind: "created", ...staff, details: { by: "staff" } }, SYDNEY),
    ).toBe("Booked by Dana Front for the patient");
  });

  it("quotes the cancellation reason", () => {
    expect(
      describeHistoryEntry(
        { kind: "cancelled", ...staff, details: { reason: "Practitioner unwell" } },
        SYDNEY,
      ),
    ).toBe("Cancelled by Dana Front: “Practitioner unwell”");
  });

  it("shows a move on the clinic's clock", () => {
    const entry = {
      kind: "rescheduled",
      ...patient,
      details: { from: "2026-03-09T22:30:00.000Z", to: "2026-03-10T03:00:00.000Z" },
    };
    expect(describeHistoryEntry(entry, SYDNEY)).toBe(
      "Moved by Sam Runner (patient) from Tue 10 Mar 2026, 9:30 am to Tue 10 Mar 2026, 2:00 pm",
    );
  });

  it("says when staff moved a booking to another practitioner or outside the usual hours", () => {
    expect(
      describeHistoryEntry(
        {
          kind: "created",
          ...staff,
          details: { by: "staff", outsideHours: ["outside_hours"] },
        },
        SYDNEY,
      ),
    ).toBe("Booked by Dana Front for the patient, outside the usual hours");
    const entry = {
      kind: "rescheduled",
      ...staff,
      details: {
        from: "2026-03-09T22:30:00.000Z",
        to: "2026-03-10T03:00:00.000Z",
        fromPractitioner: "Jason Lee",
        toPractitioner: "Joey Lee",
        outsideHours: ["break"],
      },
    };
    expect(describeHistoryEntry(entry, SYDNEY)).toBe(
      "Moved by Dana Front from Tue 10 Mar 2026, 9:30 am to Tue 10 Mar 2026, 2:00 pm, now with Joey Lee, outside the usual hours",
    );
  });

  it("names attendance and falls back to the kind for anything new", () => {
    expect(describeHistoryEntry({ kind: "no_show", ...staff, details: {} }, SYDNEY)).toBe(
      "Marked as a no-show by Dana Front",
    );
    expect(describeHistoryEntry({ kind: "note_added", ...staff, details: {} }, SYDNEY)).toBe(
      "note added by Dana Front",
    );
  });
});
