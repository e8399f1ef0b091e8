import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { waitlistFormErrors, waitlistFormSchema } from "./waitlist-form";

/** The field errors of a failed parse, or null when it succeeded. */
function errorsOf(submission: { status?: string; error?: unknown }) {
  return submission.status === "error"
    ? (submission.error as Record<string, string[] | undefined>)
    : null;
}

function parse(fields: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return parseWithZod(data, { schema: waitlistFormSchema, error: waitlistFormErrors });
}

const valid: [string, string][] = [
  ["serviceId", "33333333-3333-4333-8333-333333333333"],
  ["practitionerId", "any"],
  ["fromDate", "2027-02-10"],
  ["toDate", "2027-02-16"],
  ["timesOfDay", "morning"],
  ["name", "Wendy Wait"],
  ["email", "Wendy@Example.com"],
  ["phone", "0412 345 678"],
  ["website", ""],
  ["formToken", "waitlist.1767225600000.signature"],
];

describe("the waitlist form", () => {
  it("takes one time of day or several", () => {
    const one = parse(valid);
    expect(one.status).toBe("success");
    if (one.status === "success") expect(one.value.timesOfDay).toEqual(["morning"]);
    const two = parse([...valid, ["timesOfDay", "evening"]]);
    if (two.status !== "success") throw new Error("expected success");
    expect(two.value.timesOfDay).toEqual(["morning", "evening"]);
    expect(two.value.email).toBe("wendy@example.com");
  });

  it("puts each message next to its field", () => {
    const without = parse(valid.filter(([name]) => name !== "timesOfDay"));
    expect(without.status).toBe("error");
    expect(errorsOf(without)?.timesOfDay).toEqual(["Choose at least one time of day"]);
    const reversed = parse(
      valid.map(([name, value]) => [name, name === "toDate" ? "2027-02-01" : value]),
    );
    expect(errorsOf(reversed)?.toDate).toEqual(["The last day can't be before the first"]);
    const noPhone = parse(valid.map(([name, value]) => [name, name === "phone" ? "" : value]));
    expect(errorsOf(noPhone)?.phone).toEqual(["Enter your phone number"]);
  });
});
