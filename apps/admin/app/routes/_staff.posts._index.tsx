import { can, type PostStatus, postStatuses } from "@clinic/domain";
import { PaginationNav, pageCount, pageParam } from "@clinic/form-kit";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NoticeBanner } from "../components/notice-banner";
import { StatusTabs } from "../components/status-tabs";
import { dateTimeLabel } from "../formatting/clinic-time";
import { countLabel } from "../formatting/count-label";
import { pageMeta } from "../formatting/page-title";
import { postStatusLabels } from "../forms/post-form";
import { noticeFrom } from "../server/notices.server";
import { requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Posts");

const notices = { deleted: "Post deleted." } as const;
const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "posts.read");
  const params = new URL(request.url).searchParams;
  const statusParam = params.get("status");
  const status = postStatuses.includes(statusParam as PostStatus)
    ? (statusParam as PostStatus)
    : undefined;
  const page = pageParam(params);
  const [result, settings] = await Promise.all([
    api.posts.staffList.query({ status, page, pageSize: PAGE_SIZE }),
    api.settings.get.query(),
  ]);
  return {
    notice: noticeFrom(request, notices),
    canWrite: can(user.role, "posts.write"),
    status: status ?? null,
    page,
    pages: pageCount(result.total, PAGE_SIZE),
    total: result.total,
    posts: result.items.map((post) => ({
      id: post.id,
      title: post.title,
      status: post.status,
      when: post.publishedAt ? dateTimeLabel(post.publishedAt, settings.timeZone) : null,
      author: post.author?.name ?? "The clinic",
      tags: post.tags,
      canEdit: post.canEdit,
    })),
  };
}

const statusClass: Record<PostStatus, string> = {
  draft: "status--off",
  scheduled: "status--warn",
  published: "status--on",
};

function pageLink(status: string | null, page: number) {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/posts?${query}` : "/posts";
}

export default function Posts() {
  const { notice, canWrite, status, page, pages, total, posts } = useLoaderData<typeof loader>();
  const tabs = [
    { value: null, label: "All" },
    ...postStatuses.map((s) => ({ value: s, label: postStatusLabels[s] })),
  ];
  return (
    <>
      <div className="page-heading page-heading--row">
        <h1>Posts</h1>
        {canWrite ? (
          <Link to="/posts/new" className="button button--primary">
            New post
          </Link>
        ) : null}
      </div>
      <NoticeBanner message={notice} />
      <StatusTabs
        label="Filter posts by status"
        tabs={tabs}
        current={status}
        href={(value) => pageLink(value, 1)}
      />
      {posts.length === 0 ? (
        <p>No posts here.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{countLabel(total, "post", "posts")}</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Publish time</th>
                <th scope="col">Author</th>
                <th scope="col">Tags</th>
              </tr>
            </thead>
            <tbody>
              {posts.map((post) => (
                <tr key={post.id}>
                  <th scope="row">
                    <Link to={`/posts/${post.id}`}>{post.title}</Link>
                  </th>
                  <td>
                    <span className={`status ${statusClass[post.status]}`}>
                      {postStatusLabels[post.status]}
                    </span>
                  </td>
                  <td>{post.when ?? <span className="muted">Not set</span>}</td>
                  <td>{post.author}</td>
                  <td>{post.tags.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PaginationNav page={page} pageCount={pages} href={(p) => pageLink(status, p)} />
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
