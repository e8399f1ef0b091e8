import { shortDateLabel } from "@clinic/domain";
import { timeLabel } from "../../formatting/clinic-time";
import type { loadSchedule } from "./schedule.server";

type Preview = Awaited<ReturnType<typeof loadSchedule>>["preview"];

/** What patients could book online in the next two weeks, with the stored or proposed hours. */
export function BookableTimes({
  preview,
  proposed,
  timeZone,
}: {
  preview: Preview;
  proposed: boolean;
  timeZone: string;
}) {
  return (
    <section className="panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">
        {proposed ? "Bookable times with the proposed hours" : "Bookable times"}, next two weeks
      </h2>
      <p className="muted">
        What patients could book online, probed with a {preview.probe.durationMinutes}-minute{" "}
        {preview.probe.name}. Existing bookings, time off and closures are taken into account.
      </p>
      <ul className="preview-days">
        {preview.days.map((day) => (
          <li key={day.date}>
            <strong>{shortDateLabel(day.date)}</strong>
            {day.times.length === 0
              ? "No free times"
              : `${day.times.length} ${day.times.length === 1 ? "time" : "times"}, ${timeLabel(day.times[0]!, timeZone)}–${timeLabel(day.times[day.times.length - 1]!, timeZone)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
