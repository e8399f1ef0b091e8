import { formatMoney } from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Avatar } from "../components/avatar";
import { BookingSteps } from "../components/booking-steps";
import { SlotPicker } from "../components/slot-picker";
import { useClinic } from "../components/use-clinic";
import { WaitlistInvite } from "../components/waitlist-invite";
import { telHref } from "../formatting/contact-details";
import { formatDuration } from "../formatting/format-date";
import { pageMeta } from "../formatting/page-meta";
import { chosenPractitioner, parsePickerParams, pickerSearch } from "../links/booking-params";
import { requireSlug } from "../links/route-params";
import { api } from "../server/api.server";
import { readBookingDraft } from "../server/booking-draft.server";
import { privatePageHeaders } from "../server/cache-control";
import { loadPicker } from "../server/slot-picker.server";

export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.serviceSlug, "Service");
  const search = parsePickerParams(new URL(request.url).searchParams);
  const [service, settings, team] = await Promise.all([
    requireRecord(() => api.services.bySlug.query({ slug }), "Service"),
    api.settings.get.query(),
    api.practitioners.list.query(),
  ]);
  const summary = {
    slug: service.slug,
    name: service.name,
    durationMinutes: service.durationMinutes,
    priceCents: service.priceCents,
  };
  const chosen = chosenPractitioner(service.practitioners, search.practitioner);

  if (!chosen) {
    const practitioners = service.practitioners.map((p) => {
      const profile = team.find((member) => member.id === p.id);
      return {
        slug: p.slug,
        name: p.name,
        title: profile?.title ?? "",
        photoUrl: profile?.photoUrl ?? null,
        photo: profile?.photo ?? null,
      };
    });
    return { step: "practitioner" as const, service: summary, practitioners };
  }

  const [picker, draft] = await Promise.all([
    loadPicker({
      serviceId: service.id,
      practitionerId: chosen.id,
      week: search.week,
      day: search.day,
      timeZone: settings.timeZone,
      horizonDays: settings.bookingPolicy.horizonDays,
    }),
    readBookingDraft(request),
  ]);
  return {
    step: "time" as const,
    service: summary,
    practitioner: { slug: chosen.slug, name: chosen.name },
    picker,
    taken: search.taken,
    keptDetails: draft !== null && search.taken,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageMeta(matches, { title: "Treatment not found", description: "" });
  return pageMeta(matches, {
    title: `Book ${data.service.name}`,
    description: `Choose a practitioner and a time for ${data.service.name}.`,
  });
};

export default function BookTimePage() {
  const data = useLoaderData<typeof loader>();
  const clinic = useClinic();
  const { service } = data;
  const facts = `${formatDuration(service.durationMinutes)} · ${formatMoney(service.priceCents, clinic.currency)}`;

  if (data.step === "practitioner") {
    return (
      <div className="container page booking">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/book">Choose a different treatment</Link>
        </nav>
        <BookingSteps current={2} />
        <header className="page-header">
          <h1>Who would you like to see?</h1>
          <p className="lead">
            {service.name} <span className="booking__facts">({facts})</span>
          </p>
        </header>
        {data.practitioners.length > 0 ? (
          <ul className="choice-list">
            <li className="card choice">
              <h2 className="card__title">
                <Link to={pickerSearch({ practitioner: "any" })} className="card__link">
                  First available
                </Link>
              </h2>
              <p className="choice__summary">The earliest time with any of our practitioners.</p>
            </li>
            {data.practitioners.map((practitioner) => (
              <li key={practitioner.slug} className="card choice choice--person">
                <Avatar
                  name={practitioner.name}
                  photo={practitioner.photo}
                  photoUrl={practitioner.photoUrl}
                />
                <div>
                  <h2 className="card__title">
                    <Link
                      to={pickerSearch({ practitioner: practitioner.slug })}
                      className="card__link"
                    >
                      {practitioner.name}
                    </Link>
                  </h2>
                  {practitioner.title ? (
                    <p className="choice__summary">{practitioner.title}</p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p>
            {service.name} can't be booked online at the moment. Please call us on{" "}
            <a href={telHref(clinic.phone)}>{clinic.phone}</a>.
          </p>
        )}
      </div>
    );
  }

  const { practitioner, picker } = data;
  const base = `/book/${service.slug}`;
  return (
    <div className="container page booking">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={base}>Choose a different practitioner</Link>
      </nav>
      <BookingSteps current={3} />
      <header className="page-header">
        <h1>Choose a day and time</h1>
        <p className="lead">
          {service.name} with{" "}
          {practitioner.slug === "any" ? "the first available practitioner" : practitioner.name}{" "}
          <span className="booking__facts">({facts})</span>
        </p>
      </header>
      {data.taken ? (
        <div className="notice notice--warning" role="alert">
          <p>That time was just taken — please pick another.</p>
          {data.keptDetails ? <p>We've kept the details you entered.</p> : null}
        </div>
      ) : null}
      <SlotPicker
        picker={picker}
        links={{
          week: (week) => `${base}${pickerSearch({ practitioner: practitioner.slug, week })}`,
          day: (day) => `${base}${pickerSearch({ practitioner: practitioner.slug, day })}`,
          slot: (start) =>
            `${base}/details${pickerSearch({ practitioner: practitioner.slug, start: new Date(start) })}`,
        }}
      />
      <WaitlistInvite
        href={`${base}/waitlist${pickerSearch({
          practitioner: practitioner.slug,
          day: picker.selectedDay ?? picker.days.find((day) => day.inWindow)?.date ?? null,
        })}`}
        noTimes={picker.slots.length === 0}
      />
    </div>
  );
}
