import { Link } from "@remix-run/react";
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
