import {
  getClinicSettings,
  listClinicClosures,
  type ReportBookingGroup,
  reportBookingGroups,
  reportPatientCounts,
  reportTreatmentPlanCounts,
} from "@clinic/db";
import {
  type BookingChannel,
  bookingChannels,
  localDaysRange,
  type PracticeReportInput,
  ratio,
  reportRange,
  workingMinutes,
} from "@clinic/domain";
import { practitionersWithBookings } from "../bookings/staff-calendar.js";
import type { StaffContext } from "../context.js";
import { FieldError } from "../errors.js";
import { auditedCsvExport, toCsv } from "../exports/csv-exports.js";

/** One practitioner's (or everyone's) figures for the period. */
export interface ReportFigures {
  /** Working time from weekly hours, less time off and clinic closures, in minutes. */
  availableMinutes: number;
  /** Appointment time of bookings not cancelled (no-shows included), in minutes. */
  bookedMinutes: number;
  /** Booked ÷ available; null when no working time. */
  utilisation: number | null;
  /** Every booking starting in the period, cancelled ones included. */
  bookings: number;
  completed: number;
  noShows: number;
  cancelled: number;
  lateCancellations: number;
  /** No-shows ÷ bookings. */
  noShowRate: number | null;
  /** Late cancellations ÷ bookings. */
  lateCancellationRate: number | null;
  patients: number;
  newPatients: number;
  returningPatients: number;
  revenueCents: number;
}

function figures(
  groups: readonly ReportBookingGroup[],
  availableMinutes: number,
  patients: { patients: number; newPatients: number } | undefined,
): ReportFigures {
  const sum = (pick: (g: ReportBookingGroup) => number) =>
    groups.reduce((total, g) => total + pick(g), 0);
  const bookings = sum((g) => g.bookings);
  const bookedMinutes = sum((g) => g.bookedMinutes);
  const noShows = sum((g) => g.noShows);
  const lateCancellations = sum((g) => g.lateCancellations);
  const seen = patients?.patients ?? 0;
  const newPatients = patients?.newPatients ?? 0;
  return {
    availableMinutes,
    bookedMinutes,
    utilisation: ratio(bookedMinutes, availableMinutes),
    bookings,
    completed: sum((g) => g.completed),
    noShows,
    cancelled: sum((g) => g.cancelled),
    lateCancellations,
    noShowRate: ratio(noShows, bookings),
    lateCancellationRate: ratio(lateCancellations, bookings),
    patients: seen,
    newPatients,
    returningPatients: seen - newPatients,
    revenueCents: sum((g) => g.revenueCents),
  };
}

/**
 * The practice report for a week, month or custom period (local dates in the clinic's zone),
 * per practitioner and in all: utilisation, no-shows and late cancellations, new and returning
 * patients, bookings by service and by channel, estimated revenue. Bookings count by their
 * start; the heavy counting is one grouped SQL query, the working time is the slot engine's
 * weekly hours turned into instants day by day (so DST days count the hours that pass).
 */
export async function practiceReport(
  ctx: Pick<StaffContext, "db" | "now">,
  input: PracticeReportInput,
) {
  const settings = await getClinicSettings(ctx.db);
  const { timeZone } = settings;
  const { from, to } = reportRange(input);
  const instants = localDaysRange(timeZone, from, to);
  const range = { ...instants, practitionerId: input.practitionerId };
  const [groups, patientCounts, closures, planCounts] = await Promise.all([
    reportBookingGroups(ctx.db, {
      ...range,
      now: ctx.now(),
      cancellationWindowHours: settings.bookingPolicy.cancellationWindowHours,
    }),
    reportPatientCounts(ctx.db, range),
    listClinicClosures(ctx.db, { fromDate: from, toDate: to }),
    reportTreatmentPlanCounts(ctx.db, range),
  ]);
  const people = await practitionersWithBookings(
    ctx.db,
    {
      fromDate: from,
      toDate: to,
      practitionerIds: input.practitionerId ? [input.practitionerId] : undefined,
    },
    groups,
  );
  if (input.practitionerId && people.length === 0) {
    throw new FieldError("practitionerId", "No such practitioner");
  }
  const rows = people.map((p) => {
    const available = workingMinutes({
      timeZone,
      from,
      to,
      weeklyHours: p.weeklyHours,
      timeOff: p.timeOff,
      closures,
    });
    return {
      practitioner: { id: p.id, name: p.name, active: p.active },
      ...figures(
        groups.filter((g) => g.practitionerId === p.id),
        available,
        patientCounts.find((c) => c.practitionerId === p.id),
      ),
    };
  });
  const total = figures(
    groups,
    rows.reduce((sum, r) => sum + r.availableMinutes, 0),
    patientCounts.find((c) => c.practitionerId === null),
  );

  const services = new Map<
    string,
    { serviceId: string; name: string; bookings: number; revenueCents: number }
  >();
  for (const g of groups) {
    const entry = services.get(g.serviceId) ?? {
      serviceId: g.serviceId,
      name: g.serviceName,
      bookings: 0,
      revenueCents: 0,
    };
    entry.bookings += g.bookings - g.cancelled;
    entry.revenueCents += g.revenueCents;
    services.set(g.serviceId, entry);
  }
  const byChannel = bookingChannels.map((channel: BookingChannel) => ({
    channel,
    bookings: groups
      .filter((g) => g.channel === channel)
      .reduce((sum, g) => sum + g.bookings - g.cancelled, 0),
  }));

  return {
    timeZone,
    period: input.period,
    from,
    to,
    practitionerId: input.practitionerId ?? null,
    cancellationWindowHours: settings.bookingPolicy.cancellationWindowHours,
    practitioners: rows,
    total,
    /** Bookings not cancelled, by service (most first), with their estimated revenue. */
    byService: [...services.values()].sort(
      (a, b) => b.bookings - a.bookings || a.name.localeCompare(b.name),
    ),
    /** Bookings not cancelled, by how they were made. */
    byChannel,
    /**
     * Treatment plans (decision 027): plans whose first appointment falls in the period, and
     * bookings not cancelled that belong to a plan, with their share of all bookings not cancelled.
     */
    treatmentPlans: {
      started: planCounts.plansStarted,
      bookings: planCounts.planBookings,
      share: ratio(planCounts.planBookings, total.bookings - total.cancelled),
    },
  };
}

export type PracticeReport = Awaited<ReturnType<typeof practiceReport>>;

const percent = (value: number | null) => (value === null ? "" : (value * 100).toFixed(1));
const hours = (minutes: number) => (minutes / 60).toFixed(2);
const dollars = (cents: number) => (cents / 100).toFixed(2);

/** The report's per-practitioner table as CSV (owner and front desk), audited like every export. */
export async function exportPracticeReportCsv(ctx: StaffContext, input: PracticeReportInput) {
  const report = await practiceReport(ctx, input);
  const line = (name: string, f: ReportFigures) => [
    name,
    report.from,
    report.to,
    hours(f.availableMinutes),
    hours(f.bookedMinutes),
    percent(f.utilisation),
    f.bookings,
    f.completed,
    f.noShows,
    percent(f.noShowRate),
    f.cancelled,
    f.lateCancellations,
    percent(f.lateCancellationRate),
    f.newPatients,
    f.returningPatients,
    dollars(f.revenueCents),
  ];
  const rows = [
    ...report.practitioners.map((r) => line(r.practitioner.name, r)),
    ...(input.practitionerId ? [] : [line("All practitioners", report.total)]),
  ];
  const csv = toCsv(
    [
      "Practitioner",
      "From",
      "To",
      "Available hours",
      "Booked hours",
      "Utilisation %",
      "Bookings",
      "Completed",
      "No-shows",
      "No-show rate %",
      "Cancelled",
      "Late cancellations",
      "Late cancellation rate %",
      "New patients",
      "Returning patients",
      "Estimated revenue",
    ],
    rows,
  );
  return auditedCsvExport(ctx, {
    action: "report.export_csv",
    message: "practice report exported",
    filter: {
      period: input.period,
      from: report.from,
      to: report.to,
      practitionerId: input.practitionerId,
    },
    fileName: `practice-report-${report.from}-to-${report.to}.csv`,
    csv,
    rowCount: rows.length,
  });
}
