import { randomBytes } from "node:crypto";
import { apiFieldErrors, isApiError } from "@clinic/api-client";
import { accessFor, staffCreateBookingInputSchema } from "@clinic/domain";
import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldErrors, FormErrors } from "../components/field-errors";
import { RouteError } from "../components/route-error";
import { SlotPicker } from "../components/slot-picker";
import { slotWindow } from "../components/slot-window";
import { dateTimeLabel, todayIn } from "../formatting/clinic-time";
import { pageTitle } from "../formatting/page-title";
import { missingFieldMessages } from "../forms/missing-field-messages";
import { createApi } from "../server/api.server";
import { requireSameOrigin } from "../server/csrf.server";
import { withNotice } from "../server/notices.server";
import { requireStaff } from "../server/session.server";

export const meta: MetaFunction = () => [{ title: pageTitle("New booking") }];

const bookingErrors = missingFieldMessages({
  "patient.name": "Enter the patient's name",
  "patient.email": "Enter the patient's email address",
  "patient.phone": "Enter the patient's phone number",
  start: "Choose a time",
});

/** Patient details typed on the patients page travel along the steps in the query. */
const CARRIED = ["name", "email", "phone"] as const;

function newIdempotencyKey(): string {
  return randomBytes(18).toString("base64url");
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, token } = await requireStaff(request);
  const access = accessFor(user.role, "bookings.write");
  if (access === "none") throw new Response("Your role can't make bookings", { status: 403 });
  const api = createApi(token);
  const search = new URL(request.url).searchParams;
  const [services, settings] = await Promise.all([
    api.services.list.query(),
    api.settings.get.query(),
  ]);

  // A practitioner books only themselves.
  const ownId = access === "own" ? user.practitionerId : null;
  if (access === "own" && !ownId)
    throw new Response("Your account isn't linked to a practitioner", { status: 403 });
  const bookable = services.filter((s) =>
    ownId ? s.practitioners.some((p) => p.id === ownId) : s.practitioners.length > 0,
  );

  const service = bookable.find((s) => s.id === search.get("service")) ?? null;
  const requested = search.get("practitioner");
  const practitionerChoice = !service
    ? null
    : ownId
      ? ownId
      : requested === "any" || service.practitioners.some((p) => p.id === requested)
        ? requested
        : null;
  const carried = Object.fromEntries(
    CARRIED.map((key) => [key, (search.get(key) ?? "").slice(0, 254)] as const).filter(
      ([, v]) => v !== "",
    ),
  );

  let picker = null;
  if (service && practitionerChoice) {
    const today = todayIn(settings.timeZone);
    const window = slotWindow(search.get("from"), today);
    const availability = await api.bookings.availability.query({
      serviceId: service.id,
      practitionerId: practitionerChoice,
      from: window.from,
      to: window.to,
    });
    const day = search.get("day");
    const startParam = search.get("start");
    const start = startParam ? new Date(startParam) : null;
    const slot =
      start && !Number.isNaN(start.getTime())
        ? availability.days
            .flatMap((d) => d.slots)
            .find((s) => s.start.getTime() === start.getTime())
        : undefined;
    picker = {
      window,
      days: availability.days,
      selectedDate: day && window.dates.includes(day) ? day : null,
      slot: slot ?? null,
      practitioners: availability.practitioners,
    };
  }

  return {
    timeZone: settings.timeZone,
    services: bookable.map((s) => ({
      id: s.id,
      name: s.name,
      summary: s.summary,
      durationMinutes: s.durationMinutes,
      practitioners: s.practitioners,
    })),
    service: service
      ? {
          id: service.id,
          name: service.name,
          durationMinutes: service.durationMinutes,
          practitioners: service.practitioners,
        }
      : null,
    practitionerChoice,
    choosesPractitioner: ownId === null,
    carried,
    picker,
    idempotencyKey: newIdempotencyKey(),
  };
}

type ActionData = { reply: SubmissionResult<string[]>; idempotencyKey: string; conflict: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const { token } = await requireStaff(request);
  requireSameOrigin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, {
    schema: staffCreateBookingInputSchema,
    error: bookingErrors,
  });
  const key = String(formData.get("idempotencyKey") ?? "") || newIdempotencyKey();
  if (submission.status !== "success") {
    return data<ActionData>(
      { reply: submission.reply(), idempotencyKey: key, conflict: false },
      { status: 400 },
    );
  }
  let bookingId: string;
  try {
    const booking = await createApi(token).bookings.createForPatient.mutate(submission.value);
    bookingId = booking.id;
  } catch (error) {
    if (isApiError(error, "CONFLICT")) {
      return data<ActionData>(
        {
          reply: submission.reply({ formErrors: [error.message] }),
          idempotencyKey: newIdempotencyKey(),
          conflict: true,
        },
        { status: 409 },
      );
    }
    const fieldErrors = apiFieldErrors(error);
    if (fieldErrors) {
      const { _form: formErrors, ...fields } = fieldErrors;
      return data<ActionData>(
        {
          reply: submission.reply({ fieldErrors: fields, formErrors: formErrors ?? [] }),
          idempotencyKey: key,
          conflict: false,
        },
        { status: 400 },
      );
    }
    if (
      isApiError(error, "BAD_REQUEST") ||
      isApiError(error, "FORBIDDEN") ||
      isApiError(error, "NOT_FOUND")
    ) {
      return data<ActionData>(
        {
          reply: submission.reply({ formErrors: [error.message] }),
          idempotencyKey: key,
          conflict: false,
        },
        { status: 400 },
      );
    }
    throw error;
  }
  throw redirect(withNotice(`/bookings/${bookingId}`, "created"));
}

export default function NewBooking() {
  const { timeZone, services, service, practitionerChoice, choosesPractitioner, carried, picker } =
    useLoaderData<typeof loader>();
  const step = !service ? 1 : !practitionerChoice ? 2 : !picker?.slot ? 3 : 4;
  const href = (params: Record<string, string | undefined>) => {
    const query = new URLSearchParams(carried);
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    return `/bookings/new?${query}`;
  };
  const steps = [
    "Service",
    ...(choosesPractitioner ? ["Practitioner"] : []),
    "Day and time",
    "Patient details",
  ];
  const current = choosesPractitioner ? step : step === 1 ? 1 : step - 1;
  const practitionerName = (id: string | null) =>
    id === "any"
      ? "first available"
      : (service?.practitioners.find((p) => p.id === id)?.name ?? "");

  return (
    <>
      <div className="page-heading">
        <h1>New booking</h1>
        <p className="lede">
          Book a patient in (for example on the phone), with the same free times patients see.
        </p>
      </div>
      <ol className="steps" aria-label="Steps">
        {steps.map((label, i) => (
          <li key={label} aria-current={i + 1 === current ? "step" : undefined}>
            {i + 1}. {label}
          </li>
        ))}
      </ol>

      {service ? (
        <p>
          <strong>{service.name}</strong> ({service.durationMinutes} min)
          {practitionerChoice ? (
            <>
              {" "}
              with <strong>{practitionerName(practitionerChoice)}</strong>
            </>
          ) : null}
          {picker?.slot ? (
            <>
              {" "}
              on <strong>{dateTimeLabel(picker.slot.start, timeZone)}</strong>
            </>
          ) : null}
          . <Link to={href({})}>Change service</Link>
          {practitionerChoice && choosesPractitioner ? (
            <>
              {" · "}
              <Link to={href({ service: service.id })}>Change practitioner</Link>
            </>
          ) : null}
        </p>
      ) : null}

      {step === 1 ? (
        <section aria-labelledby="service-heading">
          <h2 id="service-heading">Choose a service</h2>
          {services.length === 0 ? (
            <p>No services can be booked at the moment.</p>
          ) : (
            <ul className="choice-list">
              {services.map((s) => (
                <li key={s.id}>
                  <Link to={href({ service: s.id })}>
                    <strong>{s.name}</strong>
                    <span className="muted">
                      {s.durationMinutes} min · {s.practitioners.map((p) => p.name).join(", ")}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {step === 2 && service ? (
        <section aria-labelledby="practitioner-heading">
          <h2 id="practitioner-heading">Choose a practitioner</h2>
          <ul className="choice-list">
            <li>
              <Link to={href({ service: service.id, practitioner: "any" })}>
                <strong>First available</strong>
                <span className="muted">Whoever is free at the chosen time</span>
              </Link>
            </li>
            {service.practitioners.map((p) => (
              <li key={p.id}>
                <Link to={href({ service: service.id, practitioner: p.id })}>
                  <strong>{p.name}</strong>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {step >= 3 && service && practitionerChoice && picker ? (
        <section aria-labelledby="time-heading" className="section">
          <h2 id="time-heading">Choose a day and time</h2>
          <SlotPicker
            window={picker.window}
            days={picker.days}
            timeZone={timeZone}
            selectedDate={picker.selectedDate}
            selectedStart={picker.slot?.start ?? null}
            headingLevel={3}
            hrefFor={({ from, day, start }) =>
              href({ service: service.id, practitioner: practitionerChoice, from, day, start })
            }
          />
        </section>
      ) : null}

      {step === 4 && service && practitionerChoice && picker?.slot ? (
        <PatientForm
          serviceId={service.id}
          practitionerId={practitionerChoice}
          start={picker.slot.start}
          carried={carried}
          pickAgainHref={href({
            service: service.id,
            practitioner: practitionerChoice,
            from: picker.window.from,
            day: picker.selectedDate ?? undefined,
          })}
        />
      ) : null}
    </>
  );
}

function PatientForm({
  serviceId,
  practitionerId,
  start,
  carried,
  pickAgainHref,
}: {
  serviceId: string;
  practitionerId: string;
  start: Date;
  carried: Record<string, string>;
  pickAgainHref: string;
}) {
  const { idempotencyKey: freshKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-booking",
    lastResult: actionData?.reply,
    constraint: getZodConstraint(staffCreateBookingInputSchema),
    defaultValue: { patient: { name: carried.name, email: carried.email, phone: carried.phone } },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: staffCreateBookingInputSchema, error: bookingErrors }),
  });
  const patient = fields.patient.getFieldset();
  const input = (field: typeof patient.name, type: "text" | "email" | "tel") => {
    const { key, ...props } = getInputProps(field, { type });
    return { key, props };
  };
  const name = input(patient.name, "text");
  const email = input(patient.email, "email");
  const phone = input(patient.phone, "tel");
  const { key: notesKey, ...notesProps } = getTextareaProps(fields.notes);
  return (
    <section className="panel section" aria-labelledby="patient-heading">
      <h2 id="patient-heading">Patient details</h2>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        {actionData?.conflict ? (
          <p>
            <Link to={pickAgainHref}>Pick another time</Link>
          </p>
        ) : null}
        <input type="hidden" name="serviceId" value={serviceId} />
        <input type="hidden" name="practitionerId" value={practitionerId} />
        <input type="hidden" name="start" value={start.toISOString()} />
        <input type="hidden" name="idempotencyKey" value={actionData?.idempotencyKey ?? freshKey} />
        <div className="form-row">
          <div className="field">
            <label htmlFor={patient.name.id}>Name</label>
            <input key={name.key} {...name.props} autoComplete="off" />
            <FieldErrors id={patient.name.errorId} errors={patient.name.errors} />
          </div>
          <div className="field">
            <label htmlFor={patient.email.id}>Email</label>
            <input key={email.key} {...email.props} autoComplete="off" />
            <FieldErrors id={patient.email.errorId} errors={patient.email.errors} />
          </div>
          <div className="field">
            <label htmlFor={patient.phone.id}>Phone</label>
            <input key={phone.key} {...phone.props} autoComplete="off" />
            <FieldErrors id={patient.phone.errorId} errors={patient.phone.errors} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={fields.notes.id}>Notes (optional)</label>
          <textarea key={notesKey} {...notesProps} rows={3} />
          <FieldErrors id={fields.notes.errorId} errors={fields.notes.errors} />
        </div>
        <p className="muted">
          The patient is emailed a confirmation with a link to change or cancel.
        </p>
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={navigation.state === "submitting"}
          >
            Book the appointment
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
