import { can, localDateOf, longDateLabel, patientEraseInputSchema } from "@clinic/domain";
import { intentOf } from "@clinic/form-kit";
import { requireRecord } from "@clinic/form-kit/server";
import { getFormProps } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BookingStatusBadge } from "../components/booking-status";
import { FormErrors } from "../components/field-errors";
import { TextField } from "../components/form-controls";
import { IntakePanel } from "../components/intake-panel";
import { NoticeBanner } from "../components/notice-banner";
import { PatientContactRows } from "../components/patient-contact";
import { SubmitButton } from "../components/submit-button";
import { TreatmentPlansList } from "../components/treatment-plans-list";
import { useSchemaForm } from "../components/use-schema-form";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { confirmStep } from "../server/confirm-step.server";
import { type FormReply, submitForm } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Patient: ${data.patient.name}` : "Patient");

const notices = {
  erased: "The patient's details were erased. Their bookings stay, anonymous, in the figures.",
} as const;

/** What staff type to confirm an erasure: the patient's name. */
const eraseFormSchema = patientEraseInputSchema.pick({ confirmName: true });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "patients.read");
  const [found, settings] = await Promise.all([
    requireRecord(() => api.patients.detail.query({ id: params.id ?? "" }), "Patient"),
    api.settings.get.query(),
  ]);
  const patientId = found.patient.id;
  const [{ plans }, intake] = await Promise.all([
    api.treatmentPlans.forPatient.query({ patientId }),
    // Where their intake form stands (decision 029); no answers here.
    api.intake.statusForPatient.query({ patientId }),
  ]);
  return {
    ...found,
    plans,
    intake,
    timeZone: settings.timeZone,
    notice: noticeFrom(request, notices),
    confirm: confirmStep(request, ["export", "erase"]),
    mayBook: can(user.role, "bookings.write") && found.patient.erasedAt === null,
    mayExport: can(user.role, "patients.export"),
    mayErase: can(user.role, "patients.erase") && found.patient.erasedAt === null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "patients.erase");
  const id = params.id ?? "";
  const formData = await request.formData();
  intentOf(formData, ["erase"]);
  return submitForm(formData, {
    schema: eraseFormSchema,
    fields: ["confirmName"],
    send: ({ confirmName }) => api.patients.erase.mutate({ id, confirmName }),
    redirectTo: () => withNotice(`/patients/${id}`, "erased"),
  });
}

/** Whether the patient gets text reminders, since when, or since when not (decision 030). */
function smsRemindersLabel(
  sms: { phone: string | null; consentedAt: Date | null; optedOutAt: Date | null } | null,
  timeZone: string,
): string {
  if (!sms?.phone || !sms.consentedAt) return "Not asked for";
  const day = (at: Date) => longDateLabel(localDateOf(at, timeZone));
  if (sms.optedOutAt && sms.optedOutAt.getTime() > sms.consentedAt.getTime()) {
    return `Stopped: replied STOP on ${day(sms.optedOutAt)}`;
  }
  return `To ${sms.phone}, asked for on ${day(sms.consentedAt)}`;
}

export default function PatientDetail() {
  const {
    patient,
    bookings,
    plans,
    smsReminders,
    timeZone,
    notice,
    confirm,
    mayBook,
    mayExport,
    mayErase,
    intake,
  } = useLoaderData<typeof loader>();
  const here = `/patients/${patient.id}`;
  const now = Date.now();
  const upcoming = bookings.filter((b) => b.status === "confirmed" && b.startsAt.getTime() > now);
  const bookAgain = `/bookings/new?${new URLSearchParams({
    name: patient.name,
    ...(patient.email ? { email: patient.email } : {}),
    ...(patient.phone ? { phone: patient.phone } : {}),
  })}`;
  return (
    <>
      <div className="page-heading page-heading--row">
        <div>
          <p className="muted">
            <Link to="/patients">All patients</Link>
          </p>
          <h1>{patient.name}</h1>
          <p className="lede">
            {patient.erasedAt
              ? `Details erased on ${longDateLabel(localDateOf(patient.erasedAt, timeZone))}. `
              : null}
            Patient since {longDateLabel(localDateOf(patient.createdAt, timeZone))}.{" "}
            {upcoming.length > 0
              ? `${upcoming.length} upcoming ${upcoming.length === 1 ? "appointment" : "appointments"}.`
              : "No upcoming appointments."}
          </p>
        </div>
        {mayBook ? (
          <div className="actions">
            <Link to={bookAgain} className="button button--primary">
              Book for this patient
            </Link>
            <Link to={bookAgain.replace("/bookings/new?", "/bookings/plan?")} className="button">
              Book a treatment plan
            </Link>
          </div>
        ) : null}
      </div>

      <NoticeBanner message={notice} />

      {patient.erasedAt ? null : (
        <section className="panel" aria-labelledby="contact-heading">
          <h2 id="contact-heading">Contact details</h2>
          <dl className="description-list">
            <PatientContactRows email={patient.email} phone={patient.phone} />
            <dt>Text reminders</dt>
            <dd data-testid="sms-reminders">{smsRemindersLabel(smsReminders, timeZone)}</dd>
          </dl>
        </section>
      )}

      {patient.erasedAt ? null : (
        <IntakePanel intake={intake} patientId={patient.id} timeZone={timeZone} />
      )}

      <section className="section" aria-labelledby="bookings-heading">
        <h2 id="bookings-heading">Booking history</h2>
        {bookings.length === 0 ? (
          <p className="muted">No bookings.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Service</th>
                  <th scope="col">Practitioner</th>
                  <th scope="col">Status</th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody>
                {bookings.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">
                      <Link to={`/bookings/${b.id}`}>{dateTimeLabel(b.startsAt, timeZone)}</Link>
                    </th>
                    <td>{b.service.name}</td>
                    <td>{b.practitioner.name}</td>
                    <td>
                      <BookingStatusBadge status={b.status} />
                    </td>
                    <td>
                      {b.notes}
                      {b.cancellationReason ? (
                        <span className="muted"> Cancelled: {b.cancellationReason}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {plans.length > 0 ? <TreatmentPlansList plans={plans} timeZone={timeZone} /> : null}

      {mayExport || mayErase ? (
        <DataRightsPanel
          patientName={patient.name}
          exportTo={`${here}/export`}
          cancelTo={here}
          confirm={confirm}
          mayExport={mayExport}
          mayErase={mayErase}
        />
      ) : null}
    </>
  );
}

/**
 * A copy of everything held about the patient, and erasing them, each behind a confirmation
 * step (`?confirm=export`, `?confirm=erase`). The download is a plain form posted to the export
 * route, so the browser saves the file; erasing asks for the patient's name to be typed.
 */
function DataRightsPanel({
  patientName,
  exportTo,
  cancelTo,
  confirm,
  mayExport,
  mayErase,
}: {
  patientName: string;
  exportTo: string;
  cancelTo: string;
  confirm: "export" | "erase" | null;
  mayExport: boolean;
  mayErase: boolean;
}) {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(eraseFormSchema, {
    id: "erase",
    lastResult: (actionData as { reply?: FormReply } | undefined)?.reply,
  });
  return (
    <section className="panel panel--danger" aria-labelledby="data-rights-heading">
      <h2 id="data-rights-heading">Patient's data</h2>
      {mayExport ? (
        confirm === "export" ? (
          <div className="warning">
            <p>
              Download everything held about {patientName} (details, bookings and their history,
              emails, enquiries, reviews and audit entries) as a JSON file? The download is recorded
              in the audit log. Send it only to the patient, and delete your copy once it is sent.
            </p>
            {/* A plain form: the browser saves the answer instead of Remix reading it. */}
            <form method="post" action={exportTo} className="button-row">
              <button type="submit" className="button button--primary">
                Download data (JSON)
              </button>
              <Link to={cancelTo} className="button button--quiet">
                Cancel
              </Link>
            </form>
          </div>
        ) : (
          <p>
            <Link to="?confirm=export" className="button button--quiet">
              Export their data…
            </Link>
          </p>
        )
      ) : null}
      {mayErase ? (
        confirm === "erase" ? (
          <div className="warning">
            <p>
              Erase {patientName}'s details for good? Their name, email, phone and notes are removed
              from every record; upcoming appointments are cancelled without an email and their
              booking links stop working; enquiries and reviews sent from their email address are
              deleted. Their past bookings stay, anonymous, in the clinic's figures. This can't be
              undone.
            </p>
            <Form method="post" className="form" {...getFormProps(form)}>
              <FormErrors id={form.errorId} errors={form.errors} />
              <TextField
                meta={fields.confirmName}
                label="Type the patient's name to confirm"
                autoComplete="off"
              />
              <div className="button-row">
                <SubmitButton intent="erase" className="button button--danger">
                  Erase for good
                </SubmitButton>
                <Link to={cancelTo} className="button button--quiet">
                  Cancel
                </Link>
              </div>
            </Form>
          </div>
        ) : (
          <p>
            <Link to="?confirm=erase" className="button button--quiet">
              Erase their details…
            </Link>
          </p>
        )
      ) : null}
    </section>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
