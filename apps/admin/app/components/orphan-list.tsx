import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { type OrphanBooking, orphansByDay } from "../formatting/schedule-changes-display";

/** Bookings a schedule change leaves outside the hours, by day, each linking to the booking. */
export function OrphanList({
  orphans,
  timeZone,
  showPractitioner = false,
}: {
  orphans: readonly OrphanBooking[];
  timeZone: string;
  showPractitioner?: boolean;
}) {
  return (
    <ul className="orphan-days">
      {orphansByDay(orphans, timeZone).map((day) => (
        <li key={day.date}>
          <strong>{day.label}</strong>
          <ul>
            {day.bookings.map((b) => (
              <li key={b.id}>
                <Link to={`/bookings/${b.id}`}>
                  {b.timeLabel}: {b.patientName}, {b.serviceName}
                  {showPractitioner && b.practitionerName ? ` with ${b.practitionerName}` : ""}
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The API's orphan shape, flattened for display. */
export function toOrphans(
  orphans: readonly {
    id: string;
    startsAt: Date;
    endsAt: Date;
    patientName: string;
    serviceName: string;
    practitioner: { name: string };
  }[],
): OrphanBooking[] {
  return orphans.map((o) => ({
    id: o.id,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    patientName: o.patientName,
    serviceName: o.serviceName,
    practitionerName: o.practitioner.name,
  }));
}

/**
 * The step before saving a change that leaves bookings outside the hours: nothing is saved
 * yet; the bookings are listed with a button that saves the change anyway (`confirmOrphans`).
 * `children` (e.g. what changes) goes between the list and the button.
 */
export function OrphanConfirmation({
  headline,
  level = "h4",
  note,
  orphans,
  timeZone,
  showPractitioner = false,
  confirmLabel,
  cancel,
  footnote,
  children,
}: {
  headline: string;
  level?: "h3" | "h4";
  note: string;
  orphans: Parameters<typeof toOrphans>[0];
  timeZone: string;
  showPractitioner?: boolean;
  confirmLabel: string;
  cancel?: ReactNode;
  footnote: string;
  children?: ReactNode;
}) {
  const Heading = level;
  return (
    <div className="warning" role="alert">
      <Heading>{headline}</Heading>
      <p>{note}</p>
      <OrphanList
        orphans={toOrphans(orphans)}
        timeZone={timeZone}
        showPractitioner={showPractitioner}
      />
      {children}
      <div className={children ? "actions section" : "actions"}>
        <button type="submit" name="confirmOrphans" value="on" className="button button--primary">
          {confirmLabel}
        </button>
        {cancel}
      </div>
      <p className="muted">{footnote}</p>
    </div>
  );
}
