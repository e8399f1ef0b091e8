import { intentOf } from "@clinic/form-kit";
import { requireRecord } from "@clinic/form-kit/server";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { timeOffFormSchema, timeOffInput } from "../../forms/time-off-form";
import { rangesFromForm, weeklyHoursFormSchema } from "../../forms/weekly-hours-form";
import type { FormReply } from "../../server/form-action.server";
import { noticeFrom, withNotice } from "../../server/notices.server";
import {
  removeScheduleEntry,
  saveScheduleChange,
  submitScheduleEntry,
} from "../../server/schedule-changes.server";
import type { StaffWithApi } from "../../server/staff-access.server";

type Params = LoaderFunctionArgs["params"];

const notices = {
  "hours-saved": "Working hours saved.",
  "hours-saved-outside":
    "Working hours saved. Bookings outside them are listed below: contact those patients.",
  "time-off-added": "Time off added.",
  "time-off-added-outside": "Time off added. It covers existing bookings: contact those patients.",
  "time-off-removed": "Time off removed.",
} as const;

/** A practitioner's week and time off, with the times patients can book and bookings outside them. */
export async function loadSchedule({ api }: StaffWithApi, request: Request, params: Params) {
  const practitionerId = params.practitionerId ?? "";
  const schedule = await requireRecord(
    () => api.schedules.get.query({ practitionerId }),
    "Practitioner",
  );
  // The stored week, previewed: its bookable times, and confirmed bookings already outside it.
  const preview = await api.schedules.preview.query({
    practitionerId,
    ranges: schedule.weeklyHours,
  });
  const removeId = new URL(request.url).searchParams.get("removeTimeOff");
  return {
    schedule,
    preview,
    removing: schedule.canEdit ? (schedule.timeOff.find((t) => t.id === removeId) ?? null) : null,
    notice: noticeFrom(request, notices),
  };
}

/** Saving or previewing the week, adding time off, or removing it. */
export async function scheduleAction({ api }: StaffWithApi, request: Request, params: Params) {
  const practitionerId = params.practitionerId ?? "";
  const here = `/schedules/${practitionerId}`;
  const formData = await request.formData();
  switch (intentOf(formData, ["hours", "time-off", "remove-time-off"])) {
    case "hours": {
      const submission = parseWithZod(formData, { schema: weeklyHoursFormSchema });
      // "Add range" / "Remove" without JavaScript: the reply carries the changed rows.
      if (submission.status !== "success") {
        const reply = submission.reply() as FormReply;
        return data(
          { form: "hours" as const, reply, preview: null, proposed: null, orphans: undefined },
          { status: submission.status === "error" ? 400 : 200 },
        );
      }
      const ranges = rangesFromForm(submission.value);
      if (formData.get("step") === "preview") {
        const preview = await api.schedules.preview.query({ practitionerId, ranges });
        const reply = submission.reply();
        return data({
          form: "hours" as const,
          reply,
          preview,
          proposed: ranges,
          orphans: undefined,
        });
      }
      const { confirmOrphans } = submission.value;
      return saveScheduleChange(
        submission,
        () => api.schedules.setWeeklyHours.mutate({ practitionerId, ranges, confirmOrphans }),
        (saved) =>
          withNotice(here, saved.orphans.length > 0 ? "hours-saved-outside" : "hours-saved"),
        { form: "hours", preview: null, proposed: ranges },
      );
    }
    case "time-off":
      return submitScheduleEntry(
        formData,
        {
          schema: timeOffFormSchema,
          check: (form) => timeOffInput(practitionerId, form),
          save: (timeOff) => api.schedules.addTimeOff.mutate(timeOff),
          redirectTo: (added) =>
            withNotice(
              here,
              added.orphans.length > 0 ? "time-off-added-outside" : "time-off-added",
            ),
        },
        { form: "time-off" },
      );
    case "remove-time-off":
      return removeScheduleEntry(formData, (id) => api.schedules.removeTimeOff.mutate({ id }), {
        missing: "Choose time off to remove.",
        redirectTo: withNotice(here, "time-off-removed"),
      });
  }
}
