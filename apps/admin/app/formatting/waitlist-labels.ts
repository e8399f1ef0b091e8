import type { TimeOfDay, WaitlistOfferStatus, WaitlistStatus } from "@clinic/domain";

export const waitlistStatusLabels: Record<WaitlistStatus, string> = {
  waiting: "Waiting",
  booked: "Booked",
  removed: "Removed",
};

export const waitlistStatusClass: Record<WaitlistStatus, string> = {
  waiting: "status--warn",
  booked: "status--confirmed",
  removed: "status--cancelled",
};

export const offerStatusLabels: Record<WaitlistOfferStatus, string> = {
  open: "Waiting for an answer",
  claimed: "Booked",
  expired: "Expired",
  taken: "Taken by someone else",
  withdrawn: "Withdrawn",
};

const TIME_OF_DAY_SHORT: Record<TimeOfDay, string> = {
  morning: "mornings",
  afternoon: "afternoons",
  evening: "evenings",
};

/** "mornings, evenings" */
export function timesOfDayLabel(times: readonly string[]): string {
  return times.map((time) => TIME_OF_DAY_SHORT[time as TimeOfDay] ?? time).join(", ");
}
