import { waitlistClaimTokenSchema } from "@clinic/domain";
import { apiRefusal, notFound, requireRecord } from "@clinic/form-kit/server";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useClinic } from "../components/use-clinic";
import { telHref } from "../formatting/contact-details";
import { pageMeta } from "../formatting/page-meta";
import { formatAppointmentStart, formatSlotTime } from "../formatting/time-labels";
import { visitorApi } from "../forms/public-form.server";
import { pickerSearch } from "../links/booking-params";
import { MANAGE_PAGE_META, managePath } from "../links/manage-link";
import { api } from "../server/api.server";
import { privatePageHeaders } from "../server/cache-control";
import { logger } from "../server/logger.server";

export const headers = privatePageHeaders;

function requireClaimToken(value: string | undefined): string {
  const parsed = waitlistClaimTokenSchema.safeParse(value);
  if (!parsed.success) throw notFound("Waitlist offer");
  return parsed.data;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const token = requireClaimToken(params.token);
  const offer = await requireRecord(() => api.waitlist.offer.query({ token }), "Waitlist offer");
  const { timeZone } = offer;
  const practitionerSlug = offer.practitioner?.slug ?? "any";
  return {
    status: offer.status,
    startLabel: formatAppointmentStart(offer.startsAt, timeZone),
    expiresLabel: formatAppointmentStart(offer.expiresAt, timeZone),
    service: offer.service,
    practitionerName: offer.practitioner?.name ?? null,
    waiting: offer.entry.status === "waiting",
    managePath: offer.manageToken ? managePath(offer.manageToken) : null,
    otherTimes: offer.otherTimes.map((time) => ({
      start: time.start.toISOString(),
      label: formatAppointmentStart(time.start, timeZone),
      shortLabel: formatSlotTime(time.start, timeZone),
      href: `/book/${offer.service.slug}/details${pickerSearch({
        practitioner: practitionerSlug,
        start: time.start,
      })}`,
    })),
  };
}

type ActionReply = {
  outcome: "taken" | "expired" | "withdrawn" | "left" | "failed";
  message?: string;
};

export async function action(args: ActionFunctionArgs) {
  const token = requireClaimToken(args.params.token);
  const intent = (await args.request.formData()).get("intent");
  const client = visitorApi(args);
  try {
    if (intent === "leave") {
      await client.waitlist.leave.mutate({ token });
      return data<ActionReply>({ outcome: "left" });
    }
    const claimed = await client.waitlist.claim.mutate({ token });
    if (claimed.outcome === "claimed" && claimed.manageToken) {
      return redirect(`${managePath(claimed.manageToken)}?booked=1`);
    }
    // A 200, so the page's loader runs again and shows the other free times.
    return data<ActionReply>({
      outcome: claimed.outcome === "claimed" ? "taken" : claimed.outcome,
    });
  } catch (error) {
    const refusal = apiRefusal(error);
    // The error only: never the link, which books the time.
    if (!refusal) logger.error("waitlist claim failed", { error });
    if (refusal?.code === "NOT_FOUND") throw notFound("Waitlist offer");
    return data<ActionReply>(
      {
        outcome: "failed",
        message:
          refusal?.formErrors.join(" ") ??
          "Something went wrong. Please try again in a few minutes.",
      },
      { status: refusal?.status ?? 503 },
    );
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  ...pageMeta(matches, {
    title: "A time from the waitlist",
    description: "Claim the time we offered you.",
  }),
  ...MANAGE_PAGE_META,
];

const MISSED: Record<string, string> = {
  taken: "Someone got there first: that time has been booked.",
  expired: "This offer has expired.",
  withdrawn: "This offer is no longer available.",
};

export default function WaitlistOfferPage() {
  const offer = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const clinic = useClinic();
  const busy = useNavigation().state === "submitting";
  const left = reply?.outcome === "left" || (!offer.waiting && offer.status === "withdrawn");
  // The claim's answer wins over a page loaded before it.
  const status =
    reply?.outcome === "taken" || reply?.outcome === "expired" || reply?.outcome === "withdrawn"
      ? reply.outcome
      : offer.status;
  const missed = status !== "open" && status !== "claimed";
  const who = offer.practitionerName ?? "the first available practitioner";

  return (
    <div className="container container--narrow page booking">
      <header className="page-header">
        <h1>{status === "open" ? "A time is free for you" : "Your waitlist offer"}</h1>
        <p className="lead">
          {offer.service.name} with {who}, {offer.startLabel}.
        </p>
      </header>

      {reply?.outcome === "failed" ? (
        <div className="notice notice--error" role="alert">
          <p>{reply.message}</p>
        </div>
      ) : null}
      {reply?.outcome === "left" ? (
        <div className="notice notice--success" role="status">
          <p>You've left the waitlist. We won't offer you more times.</p>
        </div>
      ) : null}

      {status === "open" ? (
        <section className="card" aria-labelledby="claim-title">
          <h2 id="claim-title" className="card__title">
            Book this time
          </h2>
          <p>
            It's offered to everyone waiting for it: the first to claim it gets it. This offer ends{" "}
            {offer.expiresLabel}.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="claim" />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? "Booking…" : "Book this time"}
            </button>
          </Form>
        </section>
      ) : null}

      {offer.status === "claimed" && offer.managePath ? (
        <div className="notice notice--success" role="status">
          <p>
            You've booked this time. <Link to={offer.managePath}>See your appointment</Link>.
          </p>
        </div>
      ) : null}

      {missed && reply?.outcome !== "left" ? (
        <section aria-labelledby="missed-title">
          <div className="notice notice--warning" role="alert">
            <p id="missed-title">{MISSED[status]}</p>
          </div>
          {offer.otherTimes.length > 0 ? (
            <>
              <h2>Other free times that suit you</h2>
              <p className="slot-picker__note">Times are the clinic's local time.</p>
              <ul className="slot-list">
                {offer.otherTimes.map((time) => (
                  <li key={time.start}>
                    <Link to={time.href} className="slot" aria-label={time.label}>
                      {time.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : offer.waiting ? (
            <p>
              No other time that suits you is free right now. You're still on the waitlist: we'll
              email you when one comes up.
            </p>
          ) : null}
          <p>
            Or <Link to={`/book/${offer.service.slug}`}>see every free time</Link>, or call us on{" "}
            <a href={telHref(clinic.phone)}>{clinic.phone}</a>.
          </p>
        </section>
      ) : null}

      {offer.waiting && !left ? (
        <section aria-labelledby="leave-title" className="waitlist-leave">
          <h2 id="leave-title">No longer need a time?</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="button button--secondary" disabled={busy}>
              Leave the waitlist
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
