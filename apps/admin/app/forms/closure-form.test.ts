import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { closureErrors, closureFormSchema, closureInput } from "./closure-form";

function submit(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return parseWithZod(data, { schema: closureFormSchema, error: closureErrors });
}

describe("closure form", () => {
  it("closes one day from a start date alone", () => {
    const submission = submit({ startDate: "2026-12-25", endDate: "", reason: "Christmas Day" });
    if (submission.status !== "success") throw new Error("should parse");
    expect(closureInput(submission.value)).toEqual({
      ok: true,
      input: {
        startDate: "2026-12-25",
        endDate: "2026-12-25",
        reason: "Christmas Day",
        confirmOrphans: false,
      },
    });
  });

  it("names missing fields in plain words and puts the domain's objections on fields", () => {
    expect(submit({ startDate: "", reason: "" }).reply().error).toEqual({
      startDate: ["Choose the first day"],
      reason: ["Say why the clinic is closed"],
    });
    const backwards = submit({ startDate: "2026-12-25", endDate: "2026-12-24", reason: "Xmas" });
    if (backwards.status !== "success") throw new Error("should parse");
    expect(closureInput(backwards.value)).toEqual({
      ok: false,
      fieldErrors: { endDate: ["End date can't be before start date"] },
    });
  });
});
