import { isApiError } from "@clinic/api-client";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useSubmitting } from "../components/public-form";
import { telHref } from "../formatting/contact-details";
import { pageMeta } from "../formatting/page-meta";
import {
  ACCOUNT_PATH,
  type BookingListItem,
  bookingListItem,
  SIGN_IN_PATH,
  SIGN_OUT_PATH,
  type TreatmentPlanItem,
  treatmentPlanItem,
  type WaitlistEntryItem,
  waitlistEntryItem,
} from "../links/account-links";
import { MANAGE_PAGE_META } from "../links/manage-link";
import { patientPageHeaders } from "../server/cache-control";
import { endPatientCookie, patientApi, patientSessionOf } from "../server/patient-session.server";

// A signed-in patient's page (decision 031): never cached anywhere (`private, no-store`).
export const headers = patientPageHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await patientSessionOf(request);
  if (!session) throw redirect(SIGN_IN_PATH);
  let overview: Awaited<
    ReturnType<ReturnType<typeof patientApi>["patientAccess"]["overview"]["query"]>
  >;
  try {
    overview = await patientApi(request, context, session).patientAccess.overview.query();
  } catch (error) {
    // Signed out elsewhere, idle for a week, or erased: the cookie opens nothing any more.
    if (isApiError(error, "UNAUTHORIZED")) {
      throw redirect(`${SIGN_IN_PATH}?ended=1`, {
        headers: { "Set-Cookie": await endPatientCookie() },
      });
    }
    throw error;
  }
  const { timeZone } = overview;
  return {
    patient: overview.patient,
    clinic: overview.clinic,
    // Sections of the page, one per field of the API's answer; more join as they are built.
    bookings: {
      upcoming: overview.bookings.upcoming.map((b) => bookingListItem(b, timeZone)),
      past: overview.bookings.past.map((b) => bookingListItem(b, timeZone)),
    },
    treatmentPlans: overview.treatmentPlans.map((plan) => treatmentPlanItem(plan, timeZone)),
    waitlist: overview.waitlist.map(waitlistEntryItem),
    intake: overview.intake,
    leftWaitlist: new URL(request.url).searchParams.get("leftWaitlist") === "1",
  };
}

/** "Leave the waitlist" on one of the patient's entries; back to the page, which says so. */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await patientSessionOf(request);
  if (!session) throw redirect(SIGN_IN_PATH);
  const form = await request.formData();
  const entryId = String(form.get("entryId") ?? "");
  try {
    await patientApi(request, context, session).patientAccess.leaveWaitlist.mutate({ entryId });
  } catch (error) {
    if (isApiError(error, "UNAUTHORIZED")) {
      throw redirect(`${SIGN_IN_PATH}?ended=1`, {
        headers: { "Set-Cookie": await endPatientCookie() },
      });
    }
    // Already gone (left in another tab) or not theirs: the page shows what is left.
    if (!isApiError(error, "NOT_FOUND") && !isApiError(error, "BAD_REQUEST")) throw error;
  }
  return redirect(`${ACCOUNT_PATH}?leftWaitlist=1`);
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, {
    title: "Your bookings",
    description: "See, change or cancel your appointments.",
  }),
  ...MANAGE_PAGE_META,
];

export default function AccountPage() {
  const { patient, clinic, bookings, treatmentPlans, waitlist, intake, leftWaitlist } =
    useLoaderData<typeof loader>();
  const submitting = useSubmitting();
  return (
    <div className="container container--narrow page account">
      <header className="page-header">
        <h1>Your bookings</h1>
        <p className="lead">
          Signed in as {patient.name} ({patient.email}).
        </p>
      </header>

      <section className="account__section" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">Upcoming appointments</h2>
        {bookings.upcoming.length === 0 ? (
          <p>
            You have no upcoming appointments. <Link to="/book">Book an appointment</Link>.
          </p>
        ) : (
          <ul className="account__list">
            {bookings.upcoming.map((booking) => (
              <BookingItem key={booking.id} booking={booking} clinicPhone={clinic.phone} />
            ))}
          </ul>
        )}
      </section>

      {treatmentPlans.length > 0 ? (
        <section className="account__section" aria-labelledby="plans-title">
          <h2 id="plans-title">Your treatment plan{treatmentPlans.length > 1 ? "s" : ""}</h2>
          {treatmentPlans.map((plan) => (
            <TreatmentPlan key={plan.id} plan={plan} />
          ))}
        </section>
      ) : null}

      {intake && intake.status !== "submitted" && intake.url ? (
        <section className="account__section" aria-labelledby="intake-title">
          <h2 id="intake-title">Your new patient form</h2>
          <p>
            {intake.status === "in_progress"
              ? "You've started your form; your answers so far are saved."
              : "Please fill in this form before your first visit. It takes about five minutes."}
          </p>
          <p>
            <a href={intake.url} className="button">
              {intake.status === "in_progress" ? "Continue your form" : "Fill in your form"}
            </a>
          </p>
        </section>
      ) : intake?.status === "submitted" ? (
        <section className="account__section" aria-labelledby="intake-title">
          <h2 id="intake-title">Your new patient form</h2>
          <p>Thank you: we have your form.</p>
        </section>
      ) : null}

      {waitlist.length > 0 || leftWaitlist ? (
        <section className="account__section" aria-labelledby="waitlist-title">
          <h2 id="waitlist-title">On the waitlist</h2>
          {leftWaitlist ? (
            <p role="status">You've left that waitlist: we won't offer you times for it.</p>
          ) : null}
          {waitlist.length > 0 ? (
            <>
              <p>We'll email you as soon as a time that suits you is free.</p>
              <ul className="account__list">
                {waitlist.map((entry) => (
                  <WaitlistEntry key={entry.id} entry={entry} submitting={submitting} />
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <section className="account__section" aria-labelledby="past-title">
        <h2 id="past-title">Past and cancelled appointments</h2>
        {bookings.past.length === 0 ? (
          <p>Nothing here yet.</p>
        ) : (
          <ul className="account__list">
            {bookings.past.map((booking) => (
              <BookingItem key={booking.id} booking={booking} clinicPhone={clinic.phone} />
            ))}
          </ul>
        )}
      </section>

      <Form method="post" action={SIGN_OUT_PATH} className="account__sign-out">
        <button type="submit" className="button button--secondary" disabled={submitting}>
          Sign out
        </button>
      </Form>
    </div>
  );
}

function BookingItem({ booking, clinicPhone }: { booking: BookingListItem; clinicPhone: string }) {
  const upcoming = booking.status === "confirmed";
  const action = upcoming ? "Change or cancel" : "See details";
  return (
    <li className="card account__booking">
      <h3 className="card__title">{booking.title}</h3>
      <p>
        <time dateTime={booking.startsAt}>{booking.when}</time>
        {" · "}
        {booking.statusLabel}
      </p>
      {upcoming && !booking.canChangeOnline ? (
        <p>
          It starts soon: to change or cancel it, call us on{" "}
          <a href={telHref(clinicPhone)}>{clinicPhone}</a>.
        </p>
      ) : null}
      <p className="button-row">
        {booking.manageHref ? (
          <Link
            to={booking.manageHref}
            className="button button--secondary"
            aria-label={`${action}: ${booking.title}, ${booking.when}`}
          >
            {action}
          </Link>
        ) : (
          <span>
            To change it, use the link in its email or call us on{" "}
            <a href={telHref(clinicPhone)}>{clinicPhone}</a>.
          </span>
        )}
        {!upcoming ? (
          <Link
            to={booking.rebookHref}
            className="button button--secondary"
            aria-label={`Book again: ${booking.title}`}
          >
            Book again
          </Link>
        ) : null}
      </p>
    </li>
  );
}

function TreatmentPlan({ plan }: { plan: TreatmentPlanItem }) {
  return (
    <article className="card account__plan" aria-labelledby={`plan-${plan.id}`}>
      <h3 className="card__title" id={`plan-${plan.id}`}>
        {plan.title}
      </h3>
      <p>{plan.summary}. Each appointment is listed with your bookings, to change or cancel.</p>
      <ol className="account__plan-dates">
        {plan.appointments.map((a) => (
          <li key={a.id}>
            <time dateTime={a.startsAt}>{a.label}</time> · {a.statusLabel}
          </li>
        ))}
      </ol>
    </article>
  );
}

function WaitlistEntry({ entry, submitting }: { entry: WaitlistEntryItem; submitting: boolean }) {
  return (
    <li className="card account__booking">
      <h3 className="card__title">{entry.title}</h3>
      <p>
        {entry.days} · {entry.times}
      </p>
      <Form method="post">
        <input type="hidden" name="entryId" value={entry.id} />
        <button
          type="submit"
          className="button button--secondary"
          disabled={submitting}
          aria-label={`Leave the waitlist: ${entry.title}, ${entry.days}`}
        >
          Leave the waitlist
        </button>
      </Form>
    </li>
  );
}
