export const BOOKING_STEPS = [
  "Treatment",
  "Practitioner",
  "Day and time",
  "Your details",
  "Confirmed",
] as const;

/**
 * Where the patient is in the booking flow. The status line is a live region, so moving to
 * another step without a page load (JavaScript on) is still announced.
 */
export function BookingSteps({ current }: { current: 1 | 2 | 3 | 4 | 5 }) {
  return (
    <div className="booking-steps">
      <p className="booking-steps__status" aria-live="polite">
        Step {current} of {BOOKING_STEPS.length}
        <span className="visually-hidden">: {BOOKING_STEPS[current - 1]}</span>
      </p>
      <ol className="booking-steps__list" aria-hidden="true">
        {BOOKING_STEPS.map((label, index) => (
          <li
            key={label}
            className={
              index + 1 === current
                ? "booking-steps__item booking-steps__item--current"
                : index + 1 < current
                  ? "booking-steps__item booking-steps__item--done"
                  : "booking-steps__item"
            }
          >
            {label}
          </li>
        ))}
      </ol>
    </div>
  );
}
