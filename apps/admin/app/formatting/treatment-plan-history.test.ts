import { describe, expect, it } from "vitest";
import { auditActionLabel } from "./audit-changes";
import { describeHistoryEntry } from "./booking-history";
import { emailKindLabel } from "./emails";

const SYDNEY = "Australia/Sydney";
const staff = { actorKind: "staff" as const, actorName: "Dana Front" };

describe("treatment plans in the admin's words", () => {
  it("says a booking was made in a plan, and cancelled with the rest of it", () => {
    expect(
      describeHistoryEntry(
        { kind: "created", ...staff, details: { by: "staff", treatmentPlanId: "p" } },
        SYDNEY,
      ),
    ).toBe("Booked by Dana Front for the patient, in a treatment plan");
    expect(
      describeHistoryEntry(
        { kind: "cancelled", ...staff, details: { reason: "Moved away", withRestOfPlan: true } },
        SYDNEY,
      ),
    ).toBe("Cancelled by Dana Front with the rest of its treatment plan: “Moved away”");
  });

  it("labels the plan's audit entries and emails", () => {
    expect(auditActionLabel("treatment_plan.create")).toBe("Treatment plan created");
    expect(auditActionLabel("treatment_plan.cancel_rest")).toBe(
      "Treatment plan remaining appointments cancelled",
    );
    expect(emailKindLabel("treatment_plan.confirmation")).toBe("Treatment plan confirmation");
  });
});
