import { isApiError } from "@clinic/api-client";
import {
  formatIntakeAnswer,
  type IntakeAnswerValue,
  type IntakeQuestion,
  intakeStatusLabels,
} from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { requireStaffWith } from "../server/staff-access.server";

// A patient's intake answers (decision 029): the owner, and practitioners for patients booked
// with them. Every load of this page is recorded in the audit log by the API.

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Intake answers: ${data.patientName}` : "Intake answers");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "intake.read");
  const patientId = params.id ?? "";
  const booking = new URL(request.url).searchParams.get("booking");
  const [patient, settings] = await Promise.all([
    requireRecord(() => api.patients.detail.query({ id: patientId }), "Patient"),
    api.settings.get.query(),
  ]);
  // Read (and audited) only once the patient is known to exist. A practitioner the patient has
  // never booked with gets the "no access" page.
  const answers = await api.intake.answersForPatient
    .mutate({ patientId, ...(booking && UUID.test(booking) ? { bookingId: booking } : {}) })
    .catch((error: unknown) => {
      if (isApiError(error, "FORBIDDEN")) {
        throw new Response("Only the patient's practitioners and the owner read intake answers.", {
          status: 403,
          statusText: "Forbidden",
        });
      }
      throw error;
    });
  return {
    patientId,
    patientName: patient.patient.name,
    backTo: booking && UUID.test(booking) ? `/bookings/${booking}` : `/patients/${patientId}`,
    forms: answers.forms,
    timeZone: settings.timeZone,
  };
}

export default function IntakeAnswersPage() {
  const { patientName, backTo, forms, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <p className="muted">
          <Link to={backTo}>Back</Link>
        </p>
        <h1>Intake answers: {patientName}</h1>
        <p className="lede">
          Health information: read it for the patient's care only. Your reading is recorded in the
          audit log.
        </p>
      </div>
      {forms.length === 0 ? (
        <p className="muted">No intake form was sent to this patient.</p>
      ) : null}
      {forms.map((form) => (
        <section key={form.id} className="panel" aria-labelledby={`form-${form.id}`}>
          <h2 id={`form-${form.id}`}>
            {form.definition.title} <span className="muted">(version {form.formVersion})</span>
          </h2>
          <p>
            <span className="badge">{intakeStatusLabels[form.status]}</span>{" "}
            {form.submittedAt
              ? `Submitted ${dateTimeLabel(form.submittedAt, timeZone)}.`
              : form.startedAt
                ? `Last saved ${dateTimeLabel(form.updatedAt, timeZone)}; not submitted yet.`
                : "Not started."}
          </p>
          <dl className="description-list intake-answers">
            {form.definition.questions.map((question: IntakeQuestion) => {
              const value = (form.answers as Record<string, IntakeAnswerValue>)[question.id];
              const shown = formatIntakeAnswer(question, value);
              return (
                <div key={question.id} className="intake-answers__row">
                  <dt>{question.label}</dt>
                  <dd className={shown ? "intake-answers__value" : "muted"}>
                    {shown || "Not answered"}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
