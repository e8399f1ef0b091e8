import { type BookingStatus, bookingStatusLabels } from "@clinic/domain";

export { bookingStatusLabels };

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return <span className={`status status--${status}`}>{bookingStatusLabels[status]}</span>;
}
