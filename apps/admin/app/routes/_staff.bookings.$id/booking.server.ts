import { intentOf } from "@clinic/form-kit";
import { callApi, requireRecord } from "@clinic/form-kit/server";
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { cancelErrors, cancelFormSchema, rescheduleFormSchema } from "../../forms/booking-forms";
import { cancelRestFormSchema } from "../../forms/treatment-plan-forms";
import { runChoice, submitForm } from "../../server/form-action.server";
import { noticeFrom, withNotice } from "../../server/notices.server";
import { loadSlotPicker } from "../../server/slot-picker.server";
import type { StaffWithApi } from "../../server/staff-access.server";
import { outsideHoursCheck, requestedTime } from "../_staff.bookings.new/new-booking.server";

type Params = LoaderFunctionArgs["params"];

const notices = {
  created: "Booking made. The patient has been emailed a confirmation with their booking link.",
  cancelled: "Booking cancelled. The patient has been emailed.",
  moved: "Booking moved. The patient has been emailed the new time.",
  completed: "Marked as completed.",
  no_show: "Marked as a no-show.",
  planCreated:
    "Treatment plan booked. The patient has been emailed every date, with a link for each and one calendar file.",
  restCancelled:
    "This appointment and the rest of its plan are cancelled. The patient has been emailed.",
} as const;

/** The same notices for a patient without an email: nobody was emailed. */
const phoneOnlyNotices: Record<keyof typeof notices, string> = {
  ...notices,
  created:
    "Booking made. The patient has no email address: give them their booking link (below) by phone or text.",
  cancelled: "Booking cancelled. The patient has no email address: let them know by phone.",
  moved: "Booking moved. The patient has no email address: let them know the new time by phone.",
  planCreated:
    "Treatment plan booked. The patient has no email address: give them their booking links by phone or text.",
  restCancelled:
    "This appointment and the rest of its plan are cancelled. The patient has no email address: let them know by phone.",
};

const statusFormSchema = z.object({ status: z.enum(["completed", "no_show"]) });

/** A booking with its history, and the step staff are on: cancelling, or moving it (with free times). */
export async function loadBooking({ api }: StaffWithApi, request: Request, params: Params) {
  const booking = await requireRecord(
    () => api.bookings.detail.query({ id: params.id ?? "" }),
    "Booking",
  );
  const search = new URL(request.url).searchParams;
  const step = search.get("step");
  const mode =
    step === "cancel" && booking.actions.cancel
      ? "cancel"
      : step === "reschedule" && booking.actions.reschedule
        ? "reschedule"
        : null;
  // Moving to another practitioner: those who offer the service and whose diary the viewer may
  // write (the API refuses the rest; a practitioner sees only themselves).
  const offering =
    mode === "reschedule"
      ? ((await api.services.list.query()).find((s) => s.id === booking.service.id)
          ?.practitioners ?? [])
      : [];
  const requested = search.get("practitioner");
  const practitionerId =
    requested && offering.some((p) => p.id === requested) ? requested : booking.practitioner.id;
  const outside = mode === "reschedule" && search.get("outside") === "1";
  const requestedAt = outside ? requestedTime(search, booking.timeZone) : null;
  // The booking's own time shows as free (it is released when moved); offering it is pointless.
  const picker =
    mode === "reschedule" && !outside
      ? await loadSlotPicker(api, search, {
          serviceId: booking.service.id,
          practitionerId,
          timeZone: booking.timeZone,
          ...(practitionerId === booking.practitioner.id ? { taken: booking.startsAt } : {}),
        })
      : null;
  const outsideHours = outside
    ? {
        requested: requestedAt ? { date: requestedAt.date, time: requestedAt.time } : null,
        at: requestedAt?.at ?? null,
        check: requestedAt
          ? await outsideHoursCheck(api, {
              serviceId: booking.service.id,
              practitionerId,
              start: requestedAt.at,
              bookingId: booking.id,
            })
          : null,
      }
    : null;
  const treatmentPlan = await api.treatmentPlans.forBooking.query({ bookingId: booking.id });
  return {
    booking,
    treatmentPlan,
    mode,
    picker,
    move: { practitionerId, offering, outsideHours },
    notice: noticeFrom(request, booking.patient.email ? notices : phoneOnlyNotices),
  };
}

/** Cancelling, moving, or recording attendance. */
export async function bookingAction({ api }: StaffWithApi, request: Request, params: Params) {
  const id = params.id ?? "";
  const here = `/bookings/${id}`;
  const formData = await request.formData();
  switch (intentOf(formData, ["cancel", "reschedule", "status", "manageLink", "cancelRest"])) {
    case "manageLink": {
      // Shown on this answer only: reading it again is another audited request.
      const result = await callApi(() => api.bookings.manageLink.mutate({ id }), { fields: [] });
      if (result.ok)
        return data({ intent: "manageLink" as const, manageUrl: result.value.manageUrl });
      return data(
        { intent: "manageLink" as const, error: result.formErrors.join(" ") },
        { status: result.status },
      );
    }
    case "cancel":
      return submitForm(
        formData,
        {
          schema: cancelFormSchema,
          error: cancelErrors,
          send: ({ reason }) => api.bookings.cancel.mutate({ id, reason }),
          redirectTo: () => withNotice(here, "cancelled"),
        },
        { intent: "cancel" },
      );
    case "reschedule":
      return runChoice(
        formData,
        {
          schema: rescheduleFormSchema,
          invalid:
            "Choose a new time first (and for a time outside the usual hours, tick the box to confirm it).",
          call: ({ start, practitionerId, outsideHours }) =>
            api.bookings.reschedule.mutate({
              id,
              start,
              ...(practitionerId ? { practitionerId } : {}),
              outsideHours: outsideHours ?? false,
            }),
          redirectTo: () => withNotice(here, "moved"),
        },
        { intent: "reschedule" },
      );
    case "cancelRest":
      return submitForm(
        formData,
        {
          schema: cancelRestFormSchema,
          send: ({ reason }) => api.treatmentPlans.cancelRest.mutate({ bookingId: id, reason }),
          redirectTo: () => withNotice(here, "restCancelled"),
        },
        { intent: "cancelRest" as const },
      );
    case "status":
      return runChoice(
        formData,
        {
          schema: statusFormSchema,
          invalid: "Choose completed or no-show.",
          call: ({ status }) => api.bookings.setStatus.mutate({ id, status }),
          redirectTo: ({ status }) => withNotice(here, status),
        },
        { intent: "status" },
      );
  }
}
