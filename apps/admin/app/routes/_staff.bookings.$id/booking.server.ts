import { intentOf } from "@clinic/form-kit";
import { requireRecord } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { cancelErrors, cancelFormSchema } from "../../forms/booking-forms";
import { runChoice, submitForm } from "../../server/form-action.server";
import { noticeFrom, withNotice } from "../../server/notices.server";
import { loadSlotPicker } from "../../server/slot-picker.server";
import type { StaffWithApi } from "../../server/staff-access.server";

type Params = LoaderFunctionArgs["params"];

const notices = {
  created: "Booking made. The patient has been emailed a confirmation with their booking link.",
  cancelled: "Booking cancelled. The patient has been emailed.",
  moved: "Booking moved. The patient has been emailed the new time.",
  completed: "Marked as completed.",
  no_show: "Marked as a no-show.",
} as const;

const rescheduleFormSchema = z.object({ start: z.date({ message: "Choose a time" }) });
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
  // The booking's own time shows as free (it is released when moved); offering it is pointless.
  const picker =
    mode === "reschedule"
      ? await loadSlotPicker(api, search, {
          serviceId: booking.service.id,
          practitionerId: booking.practitioner.id,
          timeZone: booking.timeZone,
          taken: booking.startsAt,
        })
      : null;
  return { booking, mode, picker, notice: noticeFrom(request, notices) };
}

/** Cancelling, moving, or recording attendance. */
export async function bookingAction({ api }: StaffWithApi, request: Request, params: Params) {
  const id = params.id ?? "";
  const here = `/bookings/${id}`;
  const formData = await request.formData();
  switch (intentOf(formData, ["cancel", "reschedule", "status"])) {
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
          invalid: "Choose a new time first.",
          call: ({ start }) => api.bookings.reschedule.mutate({ id, start }),
          redirectTo: () => withNotice(here, "moved"),
        },
        { intent: "reschedule" },
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
