import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldErrors, FormErrors } from "../../components/field-errors";
import { SubmitButton } from "../../components/submit-button";
import { useSchemaForm } from "../../components/use-schema-form";
import { dateTimeLabel } from "../../formatting/clinic-time";
import { pageMeta } from "../../formatting/page-title";
import { treatmentPlanErrors, treatmentPlanFormSchema } from "../../forms/treatment-plan-forms";
import { requireStaffAction, requireStaffWith } from "../../server/staff-access.server";
import { loadPlanPage, type PlanPreview, planAction } from "./plan.server";

export const meta: MetaFunction = ({ error }) => pageMeta(error, "Book a treatment plan");

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaffWith(request, "bookings.write");
  return loadPlanPage(staff, request);
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaffAction(request, "bookings.write");
  return planAction(staff, request);
}

export default function TreatmentPlanPage() {
  const { timeZone, services, defaults, idempotencyKey, ownPractitionerId } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(treatmentPlanFormSchema, {
    id: "treatment-plan",
    lastResult: actionData?.reply,
    defaultValue: defaults,
    error: treatmentPlanErrors,
  });
  const patient = fields.patient.getFieldset();
  const input = (
    field: Parameters<typeof getInputProps>[0],
    type: "text" | "email" | "tel" | "date" | "time" | "number",
  ) => {
    const { key, ...props } = getInputProps(field, { type });
    return <input key={key} {...props} />;
  };
  const select = (field: Parameters<typeof getSelectProps>[0]) => {
    const { key, ...props } = getSelectProps(field);
    return { key, props };
  };
  const practitioners = [
    ...new Map(services.flatMap((s) => s.practitioners).map((p) => [p.id, p])).values(),
  ];
  const service = select(fields.serviceId);
  const practitioner = select(fields.practitionerId);
  const unit = select(fields.intervalUnit);
  const { key: notesKey, ...notesProps } = getTextareaProps(fields.notes);
  const preview = actionData?.preview ?? null;

  return (
    <>
      <div className="page-heading">
        <p className="muted">
          <Link to="/bookings/new">New booking</Link>
        </p>
        <h1>Book a treatment plan</h1>
        <p className="lede">
          A series of appointments at the same time every few days or weeks. Preview them first:
          each shows whether it can be booked, and the nearest free times where it can't.
        </p>
      </div>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input
          type="hidden"
          name="idempotencyKey"
          value={actionData?.idempotencyKey ?? idempotencyKey}
        />
        <section className="panel section" aria-labelledby="plan-heading">
          <h2 id="plan-heading">Plan</h2>
          <div className="form-row">
            <div className="field">
              <label htmlFor={fields.serviceId.id}>Service</label>
              <select key={service.key} {...service.props}>
                <option value="">Choose a service</option>
                {services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.durationMinutes} min)
                  </option>
                ))}
              </select>
              <FieldErrors id={fields.serviceId.errorId} errors={fields.serviceId.errors} />
            </div>
            <div className="field">
              <label htmlFor={fields.practitionerId.id}>Practitioner</label>
              <select key={practitioner.key} {...practitioner.props}>
                {ownPractitionerId ? null : <option value="any">First available</option>}
                {practitioners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <FieldErrors
                id={fields.practitionerId.errorId}
                errors={fields.practitionerId.errors}
              />
            </div>
          </div>
          <div className="form-row">
            <div className="field">
              <label htmlFor={fields.firstDate.id}>First appointment</label>
              {input(fields.firstDate, "date")}
              <FieldErrors id={fields.firstDate.errorId} errors={fields.firstDate.errors} />
            </div>
            <div className="field">
              <label htmlFor={fields.firstTime.id}>Time ({timeZone})</label>
              {input(fields.firstTime, "time")}
              <FieldErrors id={fields.firstTime.errorId} errors={fields.firstTime.errors} />
            </div>
          </div>
          <div className="form-row">
            <div className="field">
              <label htmlFor={fields.intervalCount.id}>Repeat every</label>
              {input(fields.intervalCount, "number")}
              <FieldErrors id={fields.intervalCount.errorId} errors={fields.intervalCount.errors} />
            </div>
            <div className="field">
              <label htmlFor={fields.intervalUnit.id}>Days or weeks</label>
              <select key={unit.key} {...unit.props}>
                <option value="week">weeks</option>
                <option value="day">days</option>
              </select>
              <FieldErrors id={fields.intervalUnit.errorId} errors={fields.intervalUnit.errors} />
            </div>
          </div>
          <fieldset className="field">
            <legend>Ends</legend>
            <div className="form-row">
              <div className="field field--inline">
                <label>
                  <input
                    type="radio"
                    name={fields.endBy.name}
                    value="count"
                    defaultChecked={(fields.endBy.initialValue ?? "count") === "count"}
                  />{" "}
                  After a number of appointments
                </label>
              </div>
              <div className="field">
                <label htmlFor={fields.occurrenceCount.id}>Appointments</label>
                {input(fields.occurrenceCount, "number")}
                <FieldErrors
                  id={fields.occurrenceCount.errorId}
                  errors={fields.occurrenceCount.errors}
                />
              </div>
            </div>
            <div className="form-row">
              <div className="field field--inline">
                <label>
                  <input
                    type="radio"
                    name={fields.endBy.name}
                    value="until"
                    defaultChecked={fields.endBy.initialValue === "until"}
                  />{" "}
                  By a date
                </label>
              </div>
              <div className="field">
                <label htmlFor={fields.untilDate.id}>Last date</label>
                {input(fields.untilDate, "date")}
                <FieldErrors id={fields.untilDate.errorId} errors={fields.untilDate.errors} />
              </div>
            </div>
            <FieldErrors id={fields.endBy.errorId} errors={fields.endBy.errors} />
          </fieldset>
        </section>

        <section className="panel section" aria-labelledby="plan-patient-heading">
          <h2 id="plan-patient-heading">Patient</h2>
          <div className="form-row">
            <div className="field">
              <label htmlFor={patient.name.id}>Name</label>
              {input(patient.name, "text")}
              <FieldErrors id={patient.name.errorId} errors={patient.name.errors} />
            </div>
            <div className="field">
              <label htmlFor={patient.email.id}>Email (if they have one)</label>
              {input(patient.email, "email")}
              <FieldErrors id={patient.email.errorId} errors={patient.email.errors} />
            </div>
            <div className="field">
              <label htmlFor={patient.phone.id}>Phone</label>
              {input(patient.phone, "tel")}
              <FieldErrors id={patient.phone.errorId} errors={patient.phone.errors} />
            </div>
          </div>
          <div className="field">
            <label htmlFor={fields.notes.id}>Notes for every appointment (optional)</label>
            <textarea key={notesKey} {...notesProps} rows={2} />
            <FieldErrors id={fields.notes.errorId} errors={fields.notes.errors} />
          </div>
          <p className="muted">
            With an email, the patient gets one email listing every date, each with its own link to
            change or cancel it, and one calendar file with them all.
          </p>
        </section>

        <div className="actions">
          <SubmitButton intent="preview" className="button">
            Preview the appointments
          </SubmitButton>
        </div>

        {preview ? <PreviewTable preview={preview} /> : null}
      </Form>
    </>
  );
}

/** The appointments with their status; staff choose each one's time (or leave it out). */
function PreviewTable({ preview }: { preview: PlanPreview }) {
  const { timeZone } = preview;
  const conflicts = preview.occurrences.length - preview.bookable;
  return (
    <section className="section" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        {preview.occurrences.length} appointments: {preview.bookable} can be booked
        {conflicts > 0 ? `, ${conflicts} in conflict` : ""}
      </h2>
      <p className="muted">
        Choose a time for each appointment, or leave it out. Nothing is booked until you confirm.
      </p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Status</th>
              <th scope="col">Book</th>
            </tr>
          </thead>
          <tbody>
            {preview.occurrences.map((o) => (
              <tr key={o.index} data-occurrence={o.index}>
                <td>{o.index}</td>
                <td>{dateTimeLabel(o.start, timeZone)}</td>
                <td>
                  {o.status === "bookable" ? (
                    <span className="status status--plan-bookable">
                      Bookable with {o.practitioner?.name}
                    </span>
                  ) : (
                    <span className="status status--plan-conflict">Conflict: {o.reason}</span>
                  )}
                </td>
                <td>
                  <fieldset className="choice-group">
                    <legend className="visually-hidden">Appointment {o.index}</legend>
                    {o.status === "bookable" && o.practitioner ? (
                      <label className="choice-group__option">
                        <input
                          type="radio"
                          name={`choice.${o.index}`}
                          value={`${o.start.toISOString()}|${o.practitioner.id}`}
                          defaultChecked
                        />{" "}
                        As planned
                      </label>
                    ) : null}
                    {o.alternatives.map((a) => (
                      <label
                        className="choice-group__option"
                        key={`${a.start.toISOString()}${a.practitioner.id}`}
                      >
                        <input
                          type="radio"
                          name={`choice.${o.index}`}
                          value={`${a.start.toISOString()}|${a.practitioner.id}`}
                        />{" "}
                        {dateTimeLabel(a.start, timeZone)} with {a.practitioner.name}
                      </label>
                    ))}
                    <label className="choice-group__option">
                      <input
                        type="radio"
                        name={`choice.${o.index}`}
                        value="skip"
                        defaultChecked={o.status !== "bookable"}
                      />{" "}
                      Leave out
                    </label>
                  </fieldset>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <SubmitButton intent="confirm" className="button button--primary">
          Book the chosen appointments
        </SubmitButton>
      </div>
    </section>
  );
}

export { ErrorBoundary } from "../../components/staff-error-boundary";
