import {
  idSchema,
  type ReviewStatus,
  reviewModerationActionSchema,
  reviewStatuses,
} from "@clinic/domain";
import { INTENT, PaginationNav, pageCount, pageParam } from "@clinic/form-kit";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "../components/field-errors";
import { NoticeBanner } from "../components/notice-banner";
import { StatusTabs } from "../components/status-tabs";
import { SubmitButton } from "../components/submit-button";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { runAction } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Reviews");

const notices = {
  approve: "Review approved: it is on the website now.",
  reject: "Review rejected: it stays off the website.",
  feature: "Review featured.",
  unfeature: "Review no longer featured.",
  unpublish: "Review unpublished: it is off the website now.",
} as const;

const statusLabels: Record<ReviewStatus, string> = {
  pending: "Waiting",
  approved: "Approved",
  rejected: "Rejected",
};

function filterFrom(url: URL): { status: ReviewStatus | undefined; page: number } {
  const raw = url.searchParams.get("status") ?? "pending";
  const status = reviewStatuses.includes(raw as ReviewStatus) ? (raw as ReviewStatus) : undefined;
  return { status, page: pageParam(url.searchParams) };
}

function listPath(status: ReviewStatus | "all", page = 1): string {
  const params = new URLSearchParams({ status });
  if (page > 1) params.set("page", String(page));
  return `/reviews?${params}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "reviews.moderate");
  const { status, page } = filterFrom(new URL(request.url));
  const [queue, duplicates, settings] = await Promise.all([
    api.reviews.queue.query({ status, page }),
    api.reviews.publishedDuplicates.query(),
    api.settings.get.query(),
  ]);
  const tz = settings.timeZone;
  return {
    notice: noticeFrom(request, notices),
    status: status ?? ("all" as const),
    page,
    pages: pageCount(queue.total, queue.pageSize),
    counts: queue.counts,
    // The website's own copies: published reviews repeating another published one.
    duplicates: duplicates.items.map(({ review, match, similarity }) => ({
      review: { id: review.id, authorName: review.authorName, body: review.body },
      match: { authorName: match.authorName, body: match.body },
      same: similarity === 1 ? "The same text" : `${Math.round(similarity * 100)}% the same text`,
      published: dateTimeLabel(review.createdAt, tz),
    })),
    reviews: queue.items.map((review) => ({
      id: review.id,
      authorName: review.authorName,
      email: review.email,
      rating: review.rating,
      body: review.body,
      status: review.status,
      featured: review.featured,
      received: dateTimeLabel(review.createdAt, tz),
      practitioner: review.practitioner?.name ?? null,
      flags: review.flags.map((flag) => ({
        kind: flag.kind,
        message: flag.message,
        match: flag.match,
      })),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "reviews.moderate");
  const formData = await request.formData();
  const id = idSchema.safeParse(formData.get("id"));
  // Unpublishing a published copy is a rejection, named for what the moderator sees.
  const intent = formData.get(INTENT);
  const unpublish = intent === "unpublish";
  const moderation = reviewModerationActionSchema.safeParse(unpublish ? "reject" : intent);
  if (!id.success || !moderation.success)
    throw new Response("Unknown review or action", { status: 400 });
  // Back to the list the moderator was looking at.
  const back = new URL(request.url);
  back.searchParams.delete("notice");
  return runAction(
    () => api.reviews.moderate.mutate({ id: id.data, action: moderation.data }),
    () => withNotice(`${back.pathname}${back.search}`, unpublish ? "unpublish" : moderation.data),
    { id: id.data },
  );
}

function Stars({ rating }: { rating: number }) {
  return (
    <span>
      <span aria-hidden="true">
        {"★".repeat(rating)}
        {"☆".repeat(5 - rating)}
      </span>
      <span className="visually-hidden">{rating} out of 5 stars</span>
    </span>
  );
}

export default function Reviews() {
  const { notice, status, page, pages, counts, duplicates, reviews } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const tabs: { value: ReviewStatus | "all"; label: string }[] = [
    ...reviewStatuses.map((s) => ({ value: s, label: `${statusLabels[s]} (${counts[s]})` })),
    { value: "all", label: "All" },
  ];
  const formAction =
    status === "all"
      ? "/reviews?status=all"
      : `/reviews?status=${status}${page > 1 ? `&page=${page}` : ""}`;
  return (
    <>
      <div className="page-heading">
        <h1>Reviews</h1>
        <p className="lede">
          Reviews appear on the website only once approved. Flags point out copied text (against
          published reviews too) and bursts from one sender.
        </p>
      </div>
      <NoticeBanner message={notice} />
      {duplicates.length > 0 ? (
        <section className="panel" aria-labelledby="published-duplicates-heading">
          <h2 id="published-duplicates-heading">Published twice</h2>
          <p>
            These reviews on the website repeat another published review under a different name.
            Unpublish the copy to keep one.
          </p>
          {duplicates.map((duplicate) => (
            <div key={duplicate.review.id} className="warning">
              <p>
                <strong>{duplicate.same}</strong> as {duplicate.match.authorName}'s review.
              </p>
              <div className="compare">
                <div>
                  <h3 className="small">
                    {duplicate.review.authorName} (published {duplicate.published})
                  </h3>
                  <p className="pre-wrap">{duplicate.review.body}</p>
                </div>
                <div>
                  <h3 className="small">Matches {duplicate.match.authorName} (published)</h3>
                  <p className="pre-wrap">{duplicate.match.body}</p>
                </div>
              </div>
              {actionData && actionData.id === duplicate.review.id ? (
                <FormErrors errors={[actionData.error]} />
              ) : null}
              <Form method="post" action={formAction} className="button-row">
                <input type="hidden" name="id" value={duplicate.review.id} />
                <SubmitButton intent="unpublish" className="button button--primary button--small">
                  Unpublish {duplicate.review.authorName}'s review
                </SubmitButton>
              </Form>
            </div>
          ))}
        </section>
      ) : null}
      <StatusTabs
        label="Filter reviews by status"
        tabs={tabs}
        current={status}
        href={(value) => listPath(value)}
      />
      {reviews.length === 0 ? <p>No reviews here.</p> : null}
      {reviews.map((review) => (
        <article
          key={review.id}
          className={`review-card${review.flags.length > 0 ? " review-card--flagged" : ""}`}
          aria-labelledby={`review-${review.id}`}
        >
          <h2 id={`review-${review.id}`} style={{ fontSize: "1.0625rem" }}>
            {review.authorName} <Stars rating={review.rating} />
          </h2>
          <p className="small muted">
            {statusLabels[review.status]}
            {review.featured ? " · Featured" : ""} · Received {review.received}
            {review.practitioner ? ` · About ${review.practitioner}` : ""}
            {review.email ? ` · ${review.email}` : ""}
          </p>
          {review.flags.length === 0 ? <blockquote>{review.body}</blockquote> : null}
          {review.flags.map((flag, index) => (
            <div key={`${flag.kind}-${index}`} className="warning">
              <p>
                <strong>
                  {flag.kind === "duplicate_text" ? "Possible duplicate" : "Suspicious"}:
                </strong>{" "}
                {flag.message}
              </p>
              <div className="compare">
                <div>
                  <h3 className="small">This review ({review.authorName})</h3>
                  <p className="pre-wrap">{review.body}</p>
                </div>
                <div>
                  {flag.match ? (
                    <>
                      <h3 className="small">
                        Matches {flag.match.authorName} (
                        {statusLabels[flag.match.status].toLowerCase()})
                      </h3>
                      <p className="pre-wrap">{flag.match.body}</p>
                    </>
                  ) : (
                    <>
                      <h3 className="small">Matching review</h3>
                      <p className="muted">No single review to compare (or it has been deleted).</p>
                    </>
                  )}
                </div>
              </div>
            </div>
          ))}
          {actionData && actionData.id === review.id ? (
            <FormErrors errors={[actionData.error]} />
          ) : null}
          <Form method="post" action={formAction} className="button-row">
            <input type="hidden" name="id" value={review.id} />
            {review.status !== "approved" ? (
              <SubmitButton intent={"approve"} className="button button--primary button--small">
                Approve<span className="visually-hidden"> review by {review.authorName}</span>
              </SubmitButton>
            ) : null}
            {review.status !== "rejected" ? (
              <SubmitButton intent={"reject"} className="button button--quiet button--small">
                Reject<span className="visually-hidden"> review by {review.authorName}</span>
              </SubmitButton>
            ) : null}
            {review.status === "approved" ? (
              <SubmitButton
                intent={review.featured ? "unfeature" : "feature"}
                className="button button--quiet button--small"
              >
                {review.featured ? "Unfeature" : "Feature"}
                <span className="visually-hidden"> review by {review.authorName}</span>
              </SubmitButton>
            ) : null}
          </Form>
        </article>
      ))}
      <PaginationNav page={page} pageCount={pages} href={(p) => listPath(status, p)} />
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
