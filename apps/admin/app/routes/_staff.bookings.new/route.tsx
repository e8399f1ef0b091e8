import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OutsideHoursTime } from "../../components/outside-hours";
import { SlotPicker } from "../../components/slot-picker";
import { dateTimeLabel, formatIn } from "../../formatting/clinic-time";
import { pageMeta } from "../../formatting/page-title";
import { requireStaffAction, requireStaffWith } from "../../server/staff-access.server";
import { loadNewBooking, newBookingAction } from "./new-booking.server";
import { PatientForm } from "./patient-form";

export const meta: MetaFunction = ({ error }) => pageMeta(error, "New booking");

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaffWith(request, "bookings.write");
  return loadNewBooking(staff, request);
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaffAction(request, "bookings.write");
  return newBookingAction(staff, request);
}

export default function NewBooking() {
  const {
    timeZone,
    services,
    service,
    practitionerChoice,
    choosesPractitioner,
    carried,
    picker,
    requested,
    requestedUnavailable,
    outsideHours,
    preferredPractitioner,
  } = useLoaderData<typeof loader>();
  const outsideReady =
    outsideHours?.at && outsideHours.check && !outsideHours.check.error
      ? !outsideHours.check.overlapsBooking
      : false;
  const chosenStart = outsideHours ? (outsideReady ? outsideHours.at : null) : picker?.slot?.start;
  const step = !service ? 1 : !practitionerChoice ? 2 : !chosenStart ? 3 : 4;
  const href = (params: Record<string, string | undefined>) => {
    const query = new URLSearchParams(carried);
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    return `/bookings/new?${query}`;
  };
  const steps = [
    "Service",
    ...(choosesPractitioner ? ["Practitioner"] : []),
    "Day and time",
    "Patient details",
  ];
  const current = choosesPractitioner ? step : step === 1 ? 1 : step - 1;
  const practitionerName = (id: string | null) =>
    id === "any"
      ? "first available"
      : (service?.practitioners.find((p) => p.id === id)?.name ?? "");

  return (
    <>
      <div className="page-heading">
        <h1>New booking</h1>
        <p className="lede">
          Book a patient in (for example on the phone), with the same free times patients see, or
          outside the usual hours when you mean to.{" "}
          <Link to={`/bookings/plan?${new URLSearchParams(carried)}`}>Book a treatment plan</Link>{" "}
          for a series of appointments.
        </p>
      </div>
      <ol className="steps" aria-label="Steps">
        {steps.map((label, i) => (
          <li key={label} aria-current={i + 1 === current ? "step" : undefined}>
            {i + 1}. {label}
          </li>
        ))}
      </ol>

      {service ? (
        <p>
          <strong>{service.name}</strong> ({service.durationMinutes} min)
          {practitionerChoice ? (
            <>
              {" "}
              with <strong>{practitionerName(practitionerChoice)}</strong>
            </>
          ) : null}
          {chosenStart ? (
            <>
              {" "}
              on <strong>{dateTimeLabel(chosenStart, timeZone)}</strong>
            </>
          ) : null}
          . <Link to={href({})}>Change service</Link>
          {practitionerChoice && choosesPractitioner ? (
            <>
              {" · "}
              <Link to={href({ service: service.id })}>Change practitioner</Link>
            </>
          ) : null}
        </p>
      ) : null}

      {step === 1 ? (
        <section aria-labelledby="service-heading">
          <h2 id="service-heading">Choose a service</h2>
          {services.length === 0 ? (
            <p>No services can be booked at the moment.</p>
          ) : (
            <ul className="choice-list">
              {services.map((s) => (
                <li key={s.id}>
                  <Link
                    to={href({ service: s.id, practitioner: preferredPractitioner ?? undefined })}
                  >
                    <strong>{s.name}</strong>
                    <span className="muted">
                      {s.durationMinutes} min · {s.practitioners.map((p) => p.name).join(", ")}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {step === 2 && service ? (
        <section aria-labelledby="practitioner-heading">
          <h2 id="practitioner-heading">Choose a practitioner</h2>
          <ul className="choice-list">
            <li>
              <Link to={href({ service: service.id, practitioner: "any" })}>
                <strong>First available</strong>
                <span className="muted">Whoever is free at the chosen time</span>
              </Link>
            </li>
            {service.practitioners.map((p) => (
              <li key={p.id}>
                <Link to={href({ service: service.id, practitioner: p.id })}>
                  <strong>{p.name}</strong>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {step >= 3 && service && practitionerChoice && outsideHours ? (
        <OutsideHoursTime
          practitionerName={practitionerName(practitionerChoice)}
          hidden={{
            ...carried,
            service: service.id,
            practitioner: practitionerChoice,
            outside: "1",
          }}
          requested={requested}
          check={outsideHours.check}
          usualTimesHref={href({ service: service.id, practitioner: practitionerChoice })}
        />
      ) : null}

      {step >= 3 && service && practitionerChoice && picker ? (
        <section aria-labelledby="time-heading" className="section">
          <h2 id="time-heading">Choose a day and time</h2>
          {requestedUnavailable && requested ? (
            <p className="warning" role="status">
              {requested.time} on {requested.date} isn't one of the free times
              {practitionerChoice === "any" ? "" : ` for ${practitionerName(practitionerChoice)}`}.
              Pick a free time below
              {practitionerChoice === "any" ? "." : ", or book outside the usual hours."}
            </p>
          ) : null}
          {practitionerChoice !== "any" ? (
            <p>
              <Link
                to={href({
                  service: service.id,
                  practitioner: practitionerChoice,
                  outside: "1",
                })}
              >
                Book outside the usual hours
              </Link>{" "}
              <span className="muted">(any time clear of other bookings, with a warning)</span>
            </p>
          ) : null}
          <SlotPicker
            window={picker.window}
            days={picker.days}
            timeZone={timeZone}
            selectedDate={picker.selectedDate}
            selectedStart={picker.slot?.start ?? null}
            headingLevel={3}
            hrefFor={({ from, day, start }) =>
              href({ service: service.id, practitioner: practitionerChoice, from, day, start })
            }
          />
        </section>
      ) : null}

      {step === 4 && service && practitionerChoice && chosenStart && !outsideHours ? (
        <p>
          <Link
            to={`/bookings/plan?${new URLSearchParams({
              ...carried,
              service: service.id,
              practitioner: practitionerChoice,
              date: formatIn(chosenStart, timeZone, "yyyy-MM-dd"),
              time: formatIn(chosenStart, timeZone, "HH:mm"),
            })}`}
          >
            Repeat it: book a treatment plan from this time
          </Link>
        </p>
      ) : null}

      {step === 4 && service && practitionerChoice && chosenStart ? (
        <PatientForm
          serviceId={service.id}
          practitionerId={practitionerChoice}
          start={chosenStart}
          carried={carried}
          outsideHours={Boolean(outsideHours)}
          pickAgainHref={href({
            service: service.id,
            practitioner: practitionerChoice,
            from: picker?.window.from,
            day: picker?.selectedDate ?? undefined,
            outside: outsideHours ? "1" : undefined,
          })}
        />
      ) : null}
    </>
  );
}

export { ErrorBoundary } from "../../components/staff-error-boundary";
