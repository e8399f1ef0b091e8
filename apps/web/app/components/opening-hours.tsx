import {
  clockLabel,
  longDateLabel,
  openingState,
  openingStateLabel,
  weekdayNames,
} from "@clinic/domain";
import { useEffect, useState } from "react";
import type { Clinic } from "./use-clinic";

type Hours = Clinic["openingHours"];

/** Monday to Sunday, each with its hours ("8:00 am – 6:00 pm", two ranges joined) or "Closed". */
export function weeklyHoursRows(hours: Hours): { day: string; hours: string }[] {
  return weekdayNames.map((day, index) => {
    const ranges = hours.filter((h) => h.weekday === index + 1);
    return {
      day,
      hours:
        ranges.length === 0
          ? "Closed"
          : ranges.map((r) => `${clockLabel(r.opens)} – ${clockLabel(r.closes)}`).join(", "),
    };
  });
}

/** The clinic's zone as a place: "Australia/Sydney" → "Sydney". */
function zonePlace(timeZone: string): string {
  return (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");
}

/**
 * The week's opening hours, and whether the clinic is open right now. The page
 * may come from the site's cache (decision 016), so the "open now" line is
 * worked out in the browser from the hours and closures in the clinic's zone,
 * and again every minute; without JavaScript only the hours show.
 */
export function OpeningHours({
  clinic,
  headingId,
  headingLevel: Heading = "h2",
  headingClass,
}: {
  clinic: Pick<Clinic, "openingHours" | "closures" | "timeZone">;
  headingId: string;
  headingLevel?: "h2" | "h3";
  headingClass?: string;
}) {
  const [now, setNow] = useState<string | null>(null);
  useEffect(() => {
    const tick = () =>
      setNow(
        openingStateLabel(
          openingState({
            hours: clinic.openingHours,
            closures: clinic.closures,
            timeZone: clinic.timeZone,
            now: new Date(),
          }),
        ),
      );
    tick();
    const timer = setInterval(tick, 60_000);
    return () => clearInterval(timer);
  }, [clinic.openingHours, clinic.closures, clinic.timeZone]);
  if (clinic.openingHours.length === 0) return null;
  return (
    <section className="opening-hours" aria-labelledby={headingId}>
      <Heading id={headingId} className={headingClass}>
        Opening hours
      </Heading>
      <p className="opening-hours__now" data-testid="open-now">
        {now}
      </p>
      <dl className="opening-hours__week">
        {weeklyHoursRows(clinic.openingHours).map((row) => (
          <div key={row.day} className="opening-hours__day">
            <dt>{row.day}</dt>
            <dd>{row.hours}</dd>
          </div>
        ))}
      </dl>
      <p className="opening-hours__zone">Times are {zonePlace(clinic.timeZone)} time.</p>
      {clinic.closures.length > 0 ? (
        <ul className="opening-hours__closures">
          {clinic.closures.slice(0, 3).map((c) => (
            <li key={c.startDate}>
              Closed{" "}
              {c.startDate === c.endDate
                ? longDateLabel(c.startDate)
                : `${longDateLabel(c.startDate)} to ${longDateLabel(c.endDate)}`}
              : {c.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
