import { can } from "@clinic/domain";
import { intentOf } from "@clinic/form-kit";
import { closureErrors, closureFormSchema, closureInput } from "../../forms/closure-form";
import { noticeFrom, withNotice } from "../../server/notices.server";
import { removeScheduleEntry, submitScheduleEntry } from "../../server/schedule-changes.server";
import type { StaffWithApi } from "../../server/staff-access.server";

const notices = {
  "closure-added": "Closure added. Patients can't book those days.",
  "closure-added-outside": "Closure added. It covers existing bookings: contact those patients.",
  "closure-removed": "Closure removed. Those days are bookable again.",
} as const;

/** Every practitioner's week at a glance, and the clinic's closures ahead. */
export async function loadSchedules({ user, api }: StaffWithApi, request: Request) {
  const [practitioners, closures, settings] = await Promise.all([
    api.practitioners.list.query(),
    api.schedules.listClosures.query({ includePast: false }),
    api.settings.get.query(),
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
    mayEditClosures,
    removing: mayEditClosures ? (closures.find((c) => c.id === removeId) ?? null) : null,
    notice: noticeFrom(request, notices),
  };
}

/** Adding a closure (confirming the bookings it covers, if any) or removing one. */
export async function schedulesAction({ api }: StaffWithApi, request: Request) {
  const formData = await request.formData();
  switch (intentOf(formData, ["closure", "remove-closure"])) {
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
