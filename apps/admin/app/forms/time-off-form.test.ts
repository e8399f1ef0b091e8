import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { timeOffFormSchema, timeOffInput } from "./time-off-form";

const ID = "6f1c2b9e-8a55-4d0f-9b7e-2c7d1f0a9e11";

function submit(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  const submission = parseWithZod(data, { schema: timeOffFormSchema });
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
  return timeOffInput(ID, submission.value);
}

describe("time off form", () => {
  it("makes one whole day from a start date alone", () => {
    expect(
      submit({ startDate: "2026-04-06", endDate: "", startTime: "", endTime: "", reason: "" }),
    ).toEqual({
      ok: true,
      input: {
        practitionerId: ID,
        startDate: "2026-04-06",
        endDate: "2026-04-06",
        startTime: null,
        endTime: null,
        reason: "",
        confirmOrphans: false,
      },
    });
  });

  it("keeps times for part of a day", () => {
    const result = submit({
      startDate: "2026-04-06",
      startTime: "12:00",
      endTime: "15:30",
      reason: "Dentist",
    });
    expect(result.ok && result.input).toMatchObject({
      startTime: "12:00",
      endTime: "15:30",
      reason: "Dentist",
    });
  });

  it("puts the domain's objections on the right fields", () => {
    expect(submit({ startDate: "2026-04-06", startTime: "12:00" })).toEqual({
      ok: false,
      fieldErrors: { endTime: ["Give both a start and an end time, or neither for whole days"] },
    });
    expect(submit({ startDate: "2026-04-06", endDate: "2026-04-01" })).toEqual({
      ok: false,
      fieldErrors: { endDate: ["End must be after start"] },
    });
  });
});
