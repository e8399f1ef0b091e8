import { type IntakeStatus, intakeStatusLabels } from "@clinic/domain";
import { Link } from "@remix-run/react";
import { dateTimeLabel } from "../formatting/clinic-time";

/** A patient's forms as `intake.statusForPatient` gives them: where each stands, no answers. */
export interface IntakeStatusSummary {
  canReadAnswers: boolean;
  forms: {
    id: string;
    bookingId: string | null;
    status: IntakeStatus;
    formTitle: string;
    formVersion: number;
    expiresAt: Date;
    submittedAt: Date | null;
  }[];
}

/**
 * Where the patient's intake form stands (decision 029). Everyone who sees the patient sees
 * this much; the answers are on their own page, for the owner and the patient's practitioners,
 * and every visit to it is recorded in the audit log.
 */
export function IntakePanel({
  intake,
  patientId,
  bookingId,
  timeZone,
}: {
  intake: IntakeStatusSummary;
  patientId: string;
  bookingId?: string;
  timeZone: string;
}) {
  const latest = intake.forms[0];
  const answersTo = `/patients/${patientId}/intake${bookingId ? `?booking=${bookingId}` : ""}`;
  return (
    <section className="panel" aria-labelledby="intake-heading">
      <h2 id="intake-heading">Intake form</h2>
      {!latest ? (
        <p className="muted">
          No intake form was sent. New patients get one with their booking confirmation once a form
          is published.
        </p>
      ) : (
        <>
          <dl className="description-list">
            <dt>Status</dt>
            <dd>
              <span className={`badge intake-status intake-status--${latest.status}`}>
                {intakeStatusLabels[latest.status]}
              </span>
            </dd>
            <dt>Form</dt>
            <dd>
              {latest.formTitle} (version {latest.formVersion})
            </dd>
            {latest.submittedAt ? (
              <>
                <dt>Submitted</dt>
                <dd>{dateTimeLabel(latest.submittedAt, timeZone)}</dd>
              </>
            ) : (
              <>
                <dt>Link works until</dt>
                <dd>{dateTimeLabel(latest.expiresAt, timeZone)}</dd>
              </>
            )}
          </dl>
          {intake.canReadAnswers ? (
            latest.status === "not_started" && intake.forms.length === 1 ? (
              <p className="muted">Nothing answered yet.</p>
            ) : (
              <p>
                <Link to={answersTo}>Read the answers</Link>{" "}
                <span className="muted">(your reading is recorded in the audit log)</span>
              </p>
            )
          ) : (
            <p className="muted">
              The answers are for the patient's practitioner and the clinic owner.
            </p>
          )}
        </>
      )}
    </section>
  );
}
