import { randomBytes } from "node:crypto";
import { accessFor } from "@clinic/domain";
import { callApi } from "@clinic/form-kit/server";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { isLocalDate, parseClinicDateTime } from "../../formatting/clinic-time";
import {
  type TreatmentPlanForm,
  treatmentPlanErrors,
  treatmentPlanFormSchema,
} from "../../forms/treatment-plan-forms";
import { withNotice } from "../../server/notices.server";
import type { StaffWithApi } from "../../server/staff-access.server";

type Api = StaffWithApi["api"];
export type PlanPreview = Awaited<ReturnType<Api["treatmentPlans"]["preview"]["query"]>>;
type FormReply = SubmissionResult<string[]>;

function newIdempotencyKey(): string {
  return randomBytes(18).toString("base64url");
}

const TIME = /^\d{2}:\d{2}$/;

/** The plan page: the services staff may plan, and what the new-booking page carried over. */
export async function loadPlanPage({ user, api }: StaffWithApi, request: Request) {
  const access = accessFor(user.role, "bookings.write");
  const ownId = access === "own" ? user.practitionerId : null;
  if (access === "own" && !ownId)
    throw new Response("Your account isn't linked to a practitioner", { status: 403 });
  const search = new URL(request.url).searchParams;
  const [services, settings] = await Promise.all([
    api.services.list.query(),
    api.settings.get.query(),
  ]);
  const bookable = services
    .filter((s) => (ownId ? s.practitioners.some((p) => p.id === ownId) : s.practitioners.length))
    .map((s) => ({
      id: s.id,
      name: s.name,
      durationMinutes: s.durationMinutes,
      practitioners: ownId ? s.practitioners.filter((p) => p.id === ownId) : s.practitioners,
    }));
  const date = search.get("date") ?? "";
  const time = search.get("time") ?? "";
  const practitioner = search.get("practitioner") ?? "";
  return {
    timeZone: settings.timeZone,
    services: bookable,
    ownPractitionerId: ownId,
    defaults: {
      serviceId: bookable.some((s) => s.id === search.get("service"))
        ? (search.get("service") ?? "")
        : "",
      practitionerId: ownId ?? (practitioner || "any"),
      firstDate: isLocalDate(date) ? date : "",
      firstTime: TIME.test(time) ? time : "",
      intervalCount: "1",
      intervalUnit: "week",
      endBy: "count",
      occurrenceCount: "6",
      // From a patient's page or the new-booking page.
      patient: {
        name: (search.get("name") ?? "").slice(0, 254),
        email: (search.get("email") ?? "").slice(0, 254),
        phone: (search.get("phone") ?? "").slice(0, 254),
      },
    },
    idempotencyKey: newIdempotencyKey(),
  };
}

/** The API's rule fields from the form (the first time on the clinic's clock). */
function ruleOf(value: TreatmentPlanForm, firstStart: Date) {
  return {
    serviceId: value.serviceId,
    practitionerId: value.practitionerId,
    firstStart,
    intervalCount: value.intervalCount,
    intervalUnit: value.intervalUnit,
    ...(value.endBy === "count"
      ? { occurrenceCount: value.occurrenceCount }
      : { untilDate: value.untilDate }),
  };
}

/** The form's fields; the API's errors on others (an appointment) are said for the whole form. */
const REFUSAL_FIELDS = {
  fields: [
    "serviceId",
    "practitionerId",
    "firstTime",
    "intervalCount",
    "intervalUnit",
    "occurrenceCount",
    "untilDate",
    "patient.name",
    "patient.email",
    "patient.phone",
    "notes",
  ],
  // The first start is typed as a date and a time.
  fieldNames: { firstStart: "firstTime" },
} as const;

/**
 * The appointments staff chose from the preview: per appointment `choice.<n>` is "skip" or
 * `<ISO start>|<practitioner id>` (its own time or an alternative).
 */
function chosenAppointments(formData: FormData) {
  const chosen: { index: number; start: Date; practitionerId: string }[] = [];
  for (const [name, value] of formData.entries()) {
    const match = /^choice\.(\d{1,2})$/.exec(name);
    if (!match || typeof value !== "string" || value === "skip") continue;
    const [iso = "", practitionerId = ""] = value.split("|");
    const start = new Date(iso);
    if (Number.isNaN(start.getTime())) continue;
    chosen.push({ index: Number(match[1]), start, practitionerId });
  }
  return chosen.sort((a, b) => a.index - b.index);
}

/**
 * Preview (the appointments with their status and alternatives) or confirm (book those
 * chosen). Either way what was typed comes back; a lost race comes back with a fresh preview
 * and the API's words naming the appointment.
 */
export async function planAction({ api }: StaffWithApi, request: Request) {
  const formData = await request.formData();
  const intent = formData.get("intent") === "confirm" ? "confirm" : "preview";
  const submission = parseWithZod(formData, {
    schema: treatmentPlanFormSchema,
    error: treatmentPlanErrors,
  });
  const key = String(formData.get("idempotencyKey") ?? "") || newIdempotencyKey();
  const answer = (
    reply: FormReply,
    status: number,
    preview: PlanPreview | null = null,
    idempotencyKey = key,
  ) => data({ reply, preview, idempotencyKey }, { status });
  if (submission.status !== "success") return answer(submission.reply(), 400);
  const value = submission.value;
  const settings = await api.settings.get.query();
  const firstStart = parseClinicDateTime(value.firstDate, value.firstTime, settings.timeZone);
  if (!firstStart) {
    return answer(
      submission.reply({ fieldErrors: { firstTime: ["That time doesn't happen on that day"] } }),
      400,
    );
  }
  const rule = ruleOf(value, firstStart);
  const preview = async () => callApi(() => api.treatmentPlans.preview.query(rule), REFUSAL_FIELDS);

  if (intent === "confirm") {
    const appointments = chosenAppointments(formData);
    if (appointments.length === 0) {
      const again = await preview();
      return answer(
        submission.reply({ formErrors: ["Choose at least one appointment to book"] }),
        400,
        again.ok ? again.value : null,
      );
    }
    const created = await callApi(
      () =>
        api.treatmentPlans.create.mutate({
          ...rule,
          patient: value.patient,
          notes: value.notes,
          idempotencyKey: key,
          appointments,
        }),
      REFUSAL_FIELDS,
    );
    if (created.ok) {
      const first = created.value.bookings[0];
      throw redirect(withNotice(first ? `/bookings/${first.id}` : "/bookings", "planCreated"));
    }
    // Taken meanwhile (or refused): the fresh preview, and a new key for the next attempt.
    const again = await preview();
    return answer(
      submission.reply({ fieldErrors: created.fieldErrors, formErrors: created.formErrors }),
      created.status,
      again.ok ? again.value : null,
      newIdempotencyKey(),
    );
  }

  const result = await preview();
  if (!result.ok) {
    return answer(
      submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }),
      result.status,
    );
  }
  return answer(submission.reply(), 200, result.value);
}
