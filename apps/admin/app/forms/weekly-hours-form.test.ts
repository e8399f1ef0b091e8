import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import {
  formFromRanges,
  nextRangeDefaults,
  rangesFromForm,
  weeklyHoursFormSchema,
} from "./weekly-hours-form";

/** The form as the browser posts it: every weekday's marker, and each day's rows. */
function formData(rows: Record<number, [string, string][]>, extra: [string, string][] = []) {
  const data = new FormData();
  for (let d = 0; d < 7; d++) {
    data.append(`days[${d}].weekday`, String(d + 1));
    for (const [i, [start, end]] of (rows[d] ?? []).entries()) {
      data.append(`days[${d}].ranges[${i}].start`, start);
      data.append(`days[${d}].ranges[${i}].end`, end);
    }
  }
  for (const [key, value] of extra) data.append(key, value);
  return data;
}

function parse(data: FormData) {
  return parseWithZod(data, { schema: weeklyHoursFormSchema });
}

describe("weekly hours form", () => {
  it("reads several ranges a day and days off into the domain's flat week", () => {
    const submission = parse(
      formData({
        0: [
          ["13:30", "18:00"],
          ["08:00", "12:30"],
        ],
        5: [["08:00", "12:00"]],
      }),
    );
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.confirmOrphans).toBe(false);
    expect(rangesFromForm(submission.value)).toEqual([
      { weekday: 1, start: "08:00", end: "12:30" },
      { weekday: 1, start: "13:30", end: "18:00" },
      { weekday: 6, start: "08:00", end: "12:00" },
    ]);
  });

  it("accepts a week with no hours at all (the practitioner is away)", () => {
    const submission = parse(formData({}));
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(rangesFromForm(submission.value)).toEqual([]);
  });

  it("puts an end before its start on that row's end field", () => {
    const submission = parse(
      formData({
        2: [
          ["09:00", "12:00"],
          ["14:00", "13:00"],
        ],
      }),
    );
    expect(submission.status).toBe("error");
    if (submission.status !== "error") return;
    expect(submission.error?.["days[2].ranges[1].end"]).toEqual(["End must be after start"]);
  });

  it("flags the later of two overlapping rows on its start field", () => {
    const submission = parse(
      formData({
        0: [
          ["08:00", "12:30"],
          ["12:00", "15:00"],
        ],
      }),
    );
    if (submission.status !== "error") throw new Error("expected an error");
    expect(submission.error?.["days[0].ranges[1].start"]).toEqual(["Overlaps 08:00–12:30"]);
  });

  it("lets ranges touch (a break of zero minutes is no overlap)", () => {
    expect(
      parse(
        formData({
          0: [
            ["08:00", "12:00"],
            ["12:00", "15:00"],
          ],
        }),
      ).status,
    ).toBe("success");
  });

  it("reads the confirmation button", () => {
    const submission = parse(formData({ 0: [["08:00", "12:00"]] }, [["confirmOrphans", "on"]]));
    expect(submission.status === "success" && submission.value.confirmOrphans).toBe(true);
  });

  it("adds a row server-side when the 'add range' button is pressed without JavaScript", () => {
    const intent = JSON.stringify({
      type: "insert",
      payload: { name: "days[0].ranges", defaultValue: { start: "13:00", end: "17:00" } },
    });
    const submission = parse(formData({ 0: [["08:00", "12:00"]] }, [["__intent__", intent]]));
    // An intent is not a save: nothing is submitted as a value, and the reply carries the new row.
    expect(submission.status).toBeUndefined();
    expect(submission.payload).toMatchObject({
      days: expect.arrayContaining([
        expect.objectContaining({
          ranges: [
            { start: "08:00", end: "12:00" },
            { start: "13:00", end: "17:00" },
          ],
        }),
      ]),
    });
  });

  it("round-trips the stored week through the form", () => {
    const stored = [
      { weekday: 4, start: "14:00", end: "19:00" },
      { weekday: 1, start: "09:00", end: "13:00" },
      { weekday: 4, start: "09:00", end: "13:00" },
    ];
    const form = formFromRanges(stored);
    expect(form.days).toHaveLength(7);
    expect(form.days[3]?.ranges).toEqual([
      { start: "09:00", end: "13:00" },
      { start: "14:00", end: "19:00" },
    ]);
    expect(form.days[6]?.ranges).toEqual([]);
    expect(rangesFromForm({ days: form.days.map((d) => ({ ...d, ranges: d.ranges })) })).toEqual([
      { weekday: 1, start: "09:00", end: "13:00" },
      { weekday: 4, start: "09:00", end: "13:00" },
      { weekday: 4, start: "14:00", end: "19:00" },
    ]);
  });
});

describe("nextRangeDefaults", () => {
  it("offers a usual day on an empty day, and the afternoon after a morning", () => {
    expect(nextRangeDefaults([])).toEqual({ start: "09:00", end: "17:00" });
    expect(nextRangeDefaults([{ start: "08:00", end: "12:30" }])).toEqual({
      start: "13:30",
      end: "17:30",
    });
  });

  it("never runs past midnight", () => {
    expect(nextRangeDefaults([{ start: "18:00", end: "23:30" }])).toEqual({
      start: "23:00",
      end: "24:00",
    });
  });
});
