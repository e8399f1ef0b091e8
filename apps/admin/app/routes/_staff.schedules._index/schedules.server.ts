import { can, localDateSchema } from "@clinic/domain";
import { intentOf } from "@clinic/form-kit";
import { callApi } from "@clinic/form-kit/server";
import { data, redirect } from "@remix-run/node";
import { closureErrors, closureFormSchema, closureInput } from "../../forms/closure-form";
import { noticeFrom, withNotice } from "../../server/notices.server";
import {
  orphansOf,
  removeScheduleEntry,
  submitScheduleEntry,
} from "../../server/schedule-changes.server";
import type { StaffWithApi } from "../../server/staff-access.server";

const notices = {
  "closure-added": "Closure added. Patients can't book those days.",
  "closure-added-outside": "Closure added. It covers existing bookings: contact those patients.",
  "closure-removed": "Closure removed. Those days are bookable again.",
  "holiday-accepted": "Public holiday closed. Patients can't book that day.",
} as const;

/** Every practitioner's week at a glance, and the clinic's closures ahead. */
export async function loadSchedules({ user, api }: StaffWithApi, request: Request) {
  const [practitioners, closures, settings, holidays] = await Promise.all([
    api.practitioners.list.query(),
    api.schedules.listClosures.query({ includePast: false }),
    api.settings.get.query(),
    api.schedules.holidaySuggestions.query(),
  ]);
  const schedules = await Promise.all(
    practitioners.map((p) => api.schedules.get.query({ practitionerId: p.id })),
  );
  const removeId = new URL(request.url).searchParams.get("removeClosure");
  const mayEditClosures = can(user.role, "closures.write");
  return {
    timeZone: settings.timeZone,
    schedules: schedules.map((s) => ({
      practitioner: s.practitioner,
      weeklyHours: s.weeklyHours,
      upcomingTimeOff: s.timeOff.length,
      canEdit: s.canEdit,
    })),
    closures,
    holidays,
    mayEditClosures,
    removing: mayEditClosures ? (closures.find((c) => c.id === removeId) ?? null) : null,
    notice: noticeFrom(request, notices),
  };
}

/** Closes the clinic on a suggested public holiday (confirming the bookings it covers, if any). */
async function acceptHoliday({ api }: StaffWithApi, formData: FormData) {
  const startDate = localDateSchema.safeParse(formData.get("startDate"));
  if (!startDate.success) {
    const refusal = { startDate: null, error: "Choose a holiday to close.", orphans: undefined };
    return data({ form: "holiday" as const, ...refusal }, { status: 400 });
  }
  const confirmOrphans = formData.get("confirmOrphans") === "on";
  const result = await callApi(() =>
    api.schedules.acceptHoliday.mutate({ startDate: startDate.data, confirmOrphans }),
  );
  if (result.ok) throw redirect(withNotice("/schedules", "holiday-accepted"));
  const orphans = result.code === "PRECONDITION_FAILED" ? orphansOf(result.details) : null;
  const error = orphans
    ? null
    : ([...result.formErrors, ...Object.values(result.fieldErrors).flat()][0] ?? null);
  return data(
    { form: "holiday" as const, startDate: startDate.data, error, orphans: orphans ?? undefined },
    { status: result.status },
  );
}

/** Adding a closure (confirming the bookings it covers, if any) or removing one. */
export async function schedulesAction(staff: StaffWithApi, request: Request) {
  const { api } = staff;
  const formData = await request.formData();
  switch (intentOf(formData, ["closure", "remove-closure", "accept-holiday"])) {
    case "accept-holiday":
      return acceptHoliday(staff, formData);
    case "closure":
      return submitScheduleEntry(
        formData,
        {
          schema: closureFormSchema,
          error: closureErrors,
          check: closureInput,
          save: (closure) => api.schedules.addClosure.mutate(closure),
          redirectTo: (added) =>
            withNotice(
              "/schedules",
              added.orphans.length > 0 ? "closure-added-outside" : "closure-added",
            ),
        },
        { form: "closure" },
      );
    case "remove-closure":
      return removeScheduleEntry(formData, (id) => api.schedules.removeClosure.mutate({ id }), {
        missing: "Choose a closure to remove.",
        redirectTo: withNotice("/schedules", "closure-removed"),
      });
  }
}
