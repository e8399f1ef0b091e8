import type { BookingStatus } from "@clinic/domain";

export const bookingStatusLabels: Record<BookingStatus, string> = {
  confirmed: "Confirmed",
  cancelled: "Cancelled",
  completed: "Completed",
  no_show: "No-show",
};

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return <span className={`status status--${status}`}>{bookingStatusLabels[status]}</span>;
}
