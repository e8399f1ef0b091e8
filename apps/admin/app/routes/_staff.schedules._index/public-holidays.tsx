import { longDateLabel } from "@clinic/domain";
import { Form, Link } from "@remix-run/react";
import { FormErrors } from "../../components/field-errors";
import { OrphanConfirmation } from "../../components/orphan-list";
import { SubmitButton } from "../../components/submit-button";
import { orphanHeadline } from "../../formatting/schedule-changes-display";
import type { OrphanedBooking } from "../../server/schedule-changes.server";

export interface HolidaySuggestion {
  startDate: string;
  endDate: string;
  name: string;
  closureId: string | null;
}

/** A refused accept: which holiday, and why (its message, or the bookings it would cover). */
export interface HolidayRefusal {
  startDate: string | null;
  error: string | null;
  orphans: OrphanedBooking[] | undefined;
}

/**
 * The public holidays of the clinic's region for the next 12 months, each
 * accepted as a closure with one button; those already closed say so.
 */
export function PublicHolidays({
  region,
  holidays,
  mayAccept,
  refusal,
  timeZone,
}: {
  region: string | null;
  holidays: readonly HolidaySuggestion[];
  mayAccept: boolean;
  refusal: HolidayRefusal | null;
  timeZone: string;
}) {
  if (!region) {
    return (
      <div className="section">
        <h3 id="holidays-heading">Public holidays</h3>
        <p>
          Set the clinic's public holidays region in <Link to="/settings">Settings</Link> to have
          them offered here.
        </p>
      </div>
    );
  }
  const open = holidays.filter((h) => h.closureId === null).length;
  return (
    <section className="section" aria-labelledby="holidays-heading">
      <h3 id="holidays-heading">Public holidays ({region})</h3>
      <p className="muted">
        The next 12 months.{" "}
        {open === 0
          ? "Every one is a closure."
          : `${open} not closed yet: accept one to close the clinic that day.`}
      </p>
      <FormErrors errors={refusal?.error ? [refusal.error] : undefined} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Holiday</th>
              <th scope="col">Closed?</th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => {
              const refused = refusal?.startDate === h.startDate ? refusal : null;
              return (
                <tr key={`${h.startDate}-${h.name}`}>
                  <td>{longDateLabel(h.startDate)}</td>
                  <td>{h.name}</td>
                  <td>
                    {h.closureId ? (
                      "Closed"
                    ) : mayAccept ? (
                      <Form method="post">
                        <input type="hidden" name="startDate" value={h.startDate} />
                        {refused?.orphans && refused.orphans.length > 0 ? (
                          <OrphanConfirmation
                            headline={orphanHeadline(refused.orphans.length, "this closure")}
                            note="Nothing has been saved yet. A closure never cancels bookings: they stay, and you contact the patients."
                            orphans={refused.orphans}
                            timeZone={timeZone}
                            showPractitioner
                            confirmLabel={`Close on ${h.name} anyway`}
                            footnote="Or leave it open."
                          />
                        ) : null}
                        <SubmitButton intent="accept-holiday" className="button button--small">
                          Close<span className="visually-hidden"> on {h.name}</span>
                        </SubmitButton>
                      </Form>
                    ) : (
                      "Open"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
