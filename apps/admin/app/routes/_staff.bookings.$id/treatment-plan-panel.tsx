import { getFormProps, getTextareaProps } from "@conform-to/react";
import { Form, Link, useActionData } from "@remix-run/react";
import { BookingStatusBadge } from "../../components/booking-status";
import { FieldErrors, FormErrors } from "../../components/field-errors";
import { SubmitButton } from "../../components/submit-button";
import { useSchemaForm } from "../../components/use-schema-form";
import { dateTimeLabel } from "../../formatting/clinic-time";
import { cancelRestFormSchema } from "../../forms/treatment-plan-forms";
import type { bookingAction, loadBooking } from "./booking.server";

type PlanData = NonNullable<Awaited<ReturnType<typeof loadBooking>>["treatmentPlan"]>;

/** "Part of a plan: 3 of 6", the plan's other appointments, and cancelling this one and the rest. */
export function TreatmentPlanPanel({ bookingId, found }: { bookingId: string; found: PlanData }) {
  const { plan, position, total, canCancelRest } = found;
  const current = plan.bookings.find((b) => b.id === bookingId);
  const rest = current
    ? plan.bookings.filter(
        (b) => b.status === "confirmed" && b.startsAt.getTime() >= current.startsAt.getTime(),
      ).length
    : 0;
  const repeat = `every ${plan.intervalCount === 1 ? "" : `${plan.intervalCount} `}${plan.intervalUnit}${plan.intervalCount === 1 ? "" : "s"}`;
  return (
    <section className="panel section" aria-labelledby="plan-heading">
      <h2 id="plan-heading">
        Part of a plan: {position ?? "?"} of {total}
      </h2>
      <p className="muted">
        {plan.service.name} {repeat}
        {plan.practitioner ? ` with ${plan.practitioner.name}` : " with whoever is free"}
        {plan.createdBy ? `, booked by ${plan.createdBy.name}` : ""}.
      </p>
      <ol className="plan-list">
        {plan.bookings.map((b) => (
          <li key={b.id} value={b.position}>
            {b.id === bookingId ? (
              <strong aria-current="page">{dateTimeLabel(b.startsAt, plan.timeZone)}</strong>
            ) : (
              <Link to={`/bookings/${b.id}`}>{dateTimeLabel(b.startsAt, plan.timeZone)}</Link>
            )}{" "}
            with {b.practitioner.name} <BookingStatusBadge status={b.status} />
          </li>
        ))}
      </ol>
      {canCancelRest ? <CancelRestForm count={rest} /> : null}
    </section>
  );
}

function CancelRestForm({ count }: { count: number }) {
  const actionData = useActionData<typeof bookingAction>();
  const answer =
    actionData && "intent" in actionData && actionData.intent === "cancelRest" ? actionData : null;
  const [form, fields] = useSchemaForm(cancelRestFormSchema, {
    id: "cancel-rest",
    lastResult: answer && "reply" in answer ? answer.reply : undefined,
  });
  const { key, ...reasonProps } = getTextareaProps(fields.reason);
  return (
    <Form method="post" className="form section" {...getFormProps(form)}>
      <h3>Cancel this and the rest</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={fields.reason.id}>Reason (the patient's email quotes it)</label>
        <textarea key={key} {...reasonProps} rows={2} />
        <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
      </div>
      <div className="actions">
        <SubmitButton intent="cancelRest" className="button button--danger">
          Cancel this and the rest ({count} appointment{count === 1 ? "" : "s"})
        </SubmitButton>
      </div>
    </Form>
  );
}
