import { type Executor, listUpcomingConfirmedBookings, type UpcomingBooking } from "@clinic/db";
import { appointmentsOutsideSchedule, type WorkingHoursRange } from "@clinic/domain";
import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { AuditChanges } from "../audit/audit.js";
import { PreconditionFailedError } from "../errors.js";

/** A confirmed booking a schedule change would leave outside the practitioner's hours. */
export interface OrphanBooking {
  id: string;
  startsAt: Date;
  endsAt: Date;
  practitioner: { id: string; name: string };
  serviceName: string;
  patientName: string;
}

/** What a refused schedule change sends back: every booking it would leave outside the hours. */
export interface OrphanRefusal {
  orphans: OrphanBooking[];
}

const toOrphan = (b: UpcomingBooking): OrphanBooking => ({
  id: b.id,
  startsAt: b.startsAt,
  endsAt: b.endsAt,
  practitioner: { id: b.practitionerId, name: b.practitionerName },
  serviceName: b.serviceName,
  patientName: b.patientName,
});

/** Upcoming confirmed bookings that fall outside `ranges` (the weekly hours alone decide). */
export async function weeklyHoursOrphans(
  db: Executor,
  options: {
    practitionerId: string;
    ranges: readonly WorkingHoursRange[];
    timeZone: string;
    now: Date;
  },
): Promise<OrphanBooking[]> {
  const upcoming = await listUpcomingConfirmedBookings(db, {
    after: options.now,
    practitionerId: options.practitionerId,
  });
  return appointmentsOutsideSchedule(upcoming, {
    timeZone: options.timeZone,
    weeklyHours: options.ranges,
    timeOff: [],
    closures: [],
  }).map(toOrphan);
}

/** Upcoming confirmed bookings (of one practitioner, or all) overlapping an instant range. */
export async function overlappingOrphans(
  db: Executor,
  options: { practitionerId?: string; from: Date; to: Date; now: Date },
): Promise<OrphanBooking[]> {
  const rows = await listUpcomingConfirmedBookings(db, {
    after: options.now,
    practitionerId: options.practitionerId,
    overlapFrom: options.from,
    overlapTo: options.to,
  });
  return rows.map(toOrphan);
}

/**
 * Refuses a change that leaves bookings outside the hours unless staff have
 * confirmed it: a precondition failure whose message names the first few and
 * whose details list them all, so the admin shows them without asking again.
 */
export function refuseUnconfirmed(
  orphans: OrphanBooking[],
  confirmed: boolean,
  timeZone: string,
  change: string,
): void {
  if (orphans.length === 0 || confirmed) return;
  const shown = orphans
    .slice(0, 5)
    .map(
      (o) =>
        `${format(o.startsAt, "EEE d MMM, h:mm aaa", { in: tz(timeZone) })} ${o.patientName} with ${o.practitioner.name}`,
    );
  const more = orphans.length > 5 ? ` and ${orphans.length - 5} more` : "";
  const count =
    orphans.length === 1 ? "1 confirmed booking" : `${orphans.length} confirmed bookings`;
  throw new PreconditionFailedError<OrphanRefusal>(
    `${count} would fall outside ${change}: ${shown.join("; ")}${more}. Bookings are never moved or cancelled automatically: confirm to save anyway, then contact the patients.`,
    { orphans },
  );
}

/** The audit entry's note of bookings a confirmed change left outside the hours, if any. */
export function orphanChanges(orphans: OrphanBooking[]): AuditChanges {
  if (orphans.length === 0) return {};
  return { bookingsOutsideHours: { from: null, to: orphans.map((o) => o.id) } };
}
