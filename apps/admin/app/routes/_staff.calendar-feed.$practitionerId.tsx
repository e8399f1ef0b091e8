import { canOn } from "@clinic/domain";
import { intentOf } from "@clinic/form-kit";
import { callApi, requireRecord } from "@clinic/form-kit/server";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CopyButton } from "../components/calendar-feed-panel";
import { FormErrors } from "../components/field-errors";
import { NoticeBanner } from "../components/notice-banner";
import { SubmitButton } from "../components/submit-button";
import { pageMeta } from "../formatting/page-title";
import { noticeFrom, withNotice } from "../server/notices.server";
import type { StaffWithApi } from "../server/staff-access.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Calendar feed: ${data.feed.practitionerName}` : "Calendar feed");

const notices = { revoked: "Calendar feed turned off: its address no longer works." } as const;

/** Owner and front desk reach every practitioner's feed; a practitioner only their own. */
function requireFeedAccess(staff: StaffWithApi, practitionerId: string) {
  if (!canOn(staff.user, "calendarFeeds.manage", practitionerId)) {
    throw new Response("You can only manage your own calendar feed.", {
      status: 403,
      statusText: "Forbidden",
    });
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaffWith(request, "calendarFeeds.manage");
  const practitionerId = params.practitionerId ?? "";
  requireFeedAccess(staff, practitionerId);
  const feed = await requireRecord(
    () => staff.api.calendarFeeds.get.query({ practitionerId }),
    "Practitioner",
  );
  return {
    notice: noticeFrom(request, notices),
    own: staff.user.practitionerId === practitionerId,
    backTo:
      staff.user.practitionerId === practitionerId
        ? "/account"
        : `/practitioners/${practitionerId}`,
    feed,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaffAction(request, "calendarFeeds.manage");
  const practitionerId = params.practitionerId ?? "";
  requireFeedAccess(staff, practitionerId);
  const intent = intentOf(await request.formData(), ["issue", "revoke"]);
  if (intent === "revoke") {
    const result = await callApi(() => staff.api.calendarFeeds.revoke.mutate({ practitionerId }), {
      fields: [],
    });
    if (result.ok) throw redirect(withNotice(`/calendar-feed/${practitionerId}`, "revoked"));
    return data({ error: result.formErrors.join(" "), issued: null }, { status: result.status });
  }
  const result = await callApi(() => staff.api.calendarFeeds.issue.mutate({ practitionerId }), {
    fields: [],
  });
  if (!result.ok) {
    return data({ error: result.formErrors.join(" "), issued: null }, { status: result.status });
  }
  // Answered here, not redirected: only a hash is kept, so this page is the one time it shows.
  return data(
    { error: null, issued: { url: result.value.url, webcalUrl: result.value.webcalUrl } },
    { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
  );
}

export default function CalendarFeed() {
  const { notice, own, backTo, feed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const issued = actionData?.issued ?? null;
  const hasFeed = issued !== null || feed.hasFeed;
  return (
    <>
      <p>
        <Link to={backTo}>← {own ? "My account" : feed.practitionerName}</Link>
      </p>
      <div className="page-heading">
        <h1>Calendar feed{own ? "" : `: ${feed.practitionerName}`}</h1>
        <p className="lede">
          A private address a calendar app subscribes to: {own ? "your" : "the practitioner's"}{" "}
          appointments from the last 30 days on, with patients' names and notes. Treat it like a
          password.
        </p>
      </div>
      <NoticeBanner message={notice} />
      {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
      {issued ? (
        <section className="panel" aria-labelledby="feed-address-heading">
          <h2 id="feed-address-heading">The feed's address</h2>
          <p role="status">
            Copy it now: it is shown only this once. Making a new one later stops this one.
          </p>
          <div className="field">
            <label htmlFor="feed-url">Subscription address</label>
            <input
              id="feed-url"
              name="feed-url"
              type="text"
              readOnly
              value={issued.url}
              onFocus={(event) => event.currentTarget.select()}
              className="feed-url"
            />
          </div>
          <div className="button-row">
            <CopyButton value={issued.url} label="Copy address" />
            <a className="button button--quiet" href={issued.webcalUrl}>
              Open in a calendar app (webcal)
            </a>
          </div>
          <h3>Adding it to a calendar</h3>
          <ul>
            <li>
              <strong>Google Calendar</strong> (on a computer): Other calendars › + › From URL,
              paste the address, Add calendar. Google refreshes it every few hours.
            </li>
            <li>
              <strong>Apple Calendar</strong>: on a Mac, File › New Calendar Subscription and paste
              the address; on an iPhone, Settings › Calendar › Accounts › Add Account › Other › Add
              Subscribed Calendar. Or open the webcal link above.
            </li>
            <li>
              <strong>Outlook</strong>: Add calendar › Subscribe from web, paste the address and
              Import (outlook.com); in Outlook for Windows, Add Calendar › From Internet.
            </li>
          </ul>
        </section>
      ) : (
        <p>
          {feed.hasFeed
            ? "The feed is on. Its address was shown once, when it was made, and can't be shown again."
            : "There is no feed yet."}
        </p>
      )}
      <Form method="post" className="button-row">
        <SubmitButton intent="issue" className="button button--primary">
          {hasFeed ? "Make a new address (the old one stops working)" : "Create a calendar feed"}
        </SubmitButton>
        {hasFeed ? (
          <SubmitButton intent="revoke" className="button button--quiet">
            Turn the feed off
          </SubmitButton>
        ) : null}
      </Form>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
