import { getClinicSettings } from "@clinic/db";
import {
  addLocalDays,
  nearestStarts,
  type PlanOccurrence,
  planOccurrences,
  planRuleOf,
  STAFF_HORIZON_DAYS,
  type TreatmentPlanPreviewInput,
  type treatmentPlanPreviewInputSchema,
  wallClockLabel,
} from "@clinic/domain";
import type { z } from "zod";
import {
  blockedRange,
  requireInsideBookingWindow,
  requireService,
  slotsFor,
} from "../bookings/bookable-slots.js";
import type { StaffContext } from "../context.js";
import {
  ALTERNATIVE_DAYS,
  ALTERNATIVES,
  planCandidates,
  renamingStartField,
} from "./plan-rules.js";

const DAY_MS = 86_400_000;
type PreviewInput = z.output<typeof treatmentPlanPreviewInputSchema>;

export type { TreatmentPlanPreviewInput };

interface Reserved {
  practitionerId: string;
  from: number;
  until: number;
}

/** One appointment of the preview: bookable (with whom) or in conflict (why, and what's near). */
export interface PreviewOccurrence {
  index: number;
  date: string;
  /** `HH:mm` on the clinic's clock: the same for every appointment. */
  time: string;
  start: Date;
  skipped: boolean;
  status: "bookable" | "conflict";
  practitioner: { id: string; name: string } | null;
  reason: string | null;
  alternatives: { start: Date; practitioner: { id: string; name: string } }[];
}

/**
 * The plan's appointments before anything is written: each at the same local
 * time every N days or weeks (the domain's `planOccurrences`), checked against
 * the slot engine under staff rules. A free one is "bookable" with the
 * practitioner it would get (the plan's, or for "any" the one of the previous
 * appointment when free, else the first free); the rest are "conflicts" with
 * why and the nearest free times within three days either side (clear of the
 * plan's own bookable appointments). Writes nothing.
 */
export async function previewPlan(ctx: StaffContext, input: PreviewInput) {
  const settings = await getClinicSettings(ctx.db);
  const { timeZone } = settings;
  const now = ctx.now();
  renamingStartField("firstStart", "", () =>
    requireInsideBookingWindow({ settings, rules: "staff", now, start: input.firstStart }),
  );
  const service = await requireService(ctx.db, input.serviceId);
  const { choice, candidates } = planCandidates(ctx.user, service, input.practitionerId);
  const names = new Map(candidates.map((p) => [p.id, p.name]));
  const occurrences = planOccurrences(planRuleOf(input, timeZone));
  const first = occurrences[0]!;
  const last = occurrences[occurrences.length - 1]!;
  const options = {
    settings,
    rules: "staff" as const,
    service,
    practitionerIds: candidates.map((p) => p.id),
    from: addLocalDays(first.date, -ALTERNATIVE_DAYS),
    to: addLocalDays(last.date, ALTERNATIVE_DAYS),
    now,
  };
  const [slots, withoutBookings] = await Promise.all([
    slotsFor(ctx.db, options),
    slotsFor(ctx.db, { ...options, from: first.date, to: last.date, ignoreBookings: true }),
  ]);
  const freeAt = new Map(slots.map((s) => [s.start.getTime(), s.practitionerIds]));
  const workingAt = new Set(withoutBookings.map((s) => s.start.getTime()));

  const reserved: Reserved[] = [];
  const clear = (practitionerId: string, start: Date) => {
    const { blockedFrom, blockedUntil } = blockedRange(service, start);
    return !reserved.some(
      (r) =>
        r.practitionerId === practitionerId &&
        r.from < blockedUntil.getTime() &&
        blockedFrom.getTime() < r.until,
    );
  };
  const reserve = (practitionerId: string, start: Date) => {
    const { blockedFrom, blockedUntil } = blockedRange(service, start);
    reserved.push({ practitionerId, from: blockedFrom.getTime(), until: blockedUntil.getTime() });
  };

  // First pass: who takes each free appointment, so alternatives stay clear of them.
  let previous: string | null = null;
  const chosen = occurrences.map((o) => {
    if (o.skipped) return null;
    const free = (freeAt.get(o.start.getTime()) ?? []).filter((id) => clear(id, o.start));
    const pick = previous && free.includes(previous) ? previous : (free[0] ?? null);
    if (pick) {
      reserve(pick, o.start);
      previous = pick;
    }
    return pick;
  });

  const alternativesFor = (o: PlanOccurrence) => {
    const near = slots.flatMap((s) => {
      if (Math.abs(s.start.getTime() - o.start.getTime()) > ALTERNATIVE_DAYS * DAY_MS) return [];
      const id = s.practitionerIds.find((p) => clear(p, s.start));
      return id ? [{ start: s.start, practitionerId: id }] : [];
    });
    return nearestStarts(o.start, near, ALTERNATIVES).map((a) => ({
      start: a.start,
      practitioner: { id: a.practitionerId, name: names.get(a.practitionerId) ?? "" },
    }));
  };

  const preview: PreviewOccurrence[] = occurrences.map((o, i) => {
    const pick = chosen[i];
    const base = {
      index: o.index,
      date: o.date,
      time: wallClockLabel(o.minute),
      start: o.start,
      skipped: o.skipped,
    };
    if (pick) {
      return {
        ...base,
        status: "bookable",
        practitioner: { id: pick, name: names.get(pick) ?? "" },
        reason: null,
        alternatives: [],
      };
    }
    return {
      ...base,
      status: "conflict",
      practitioner: null,
      reason: conflictReason(o, workingAt, now),
      alternatives: alternativesFor(o),
    };
  });

  return {
    timeZone,
    service: { id: service.id, name: service.name, durationMinutes: service.durationMinutes },
    practitionerId: choice,
    practitioners: candidates,
    occurrences: preview,
    bookable: preview.filter((o) => o.status === "bookable").length,
  };
}

function conflictReason(o: PlanOccurrence, workingAt: Set<number>, now: Date): string {
  const time = wallClockLabel(o.minute);
  if (o.skipped) return `${time} doesn't happen that day: the clocks go forward`;
  if (o.start.getTime() > now.getTime() + STAFF_HORIZON_DAYS * DAY_MS) {
    return `More than ${STAFF_HORIZON_DAYS} days ahead`;
  }
  if (workingAt.has(o.start.getTime())) return "Already booked at that time";
  return "Outside working hours, on time off or a clinic closure";
}
