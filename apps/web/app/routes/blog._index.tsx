import { tagSchema } from "@clinic/domain";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { api, notFound } from "../api.server";
import { useClinic } from "../clinic";
import { PostCard } from "../components/post-card";
import { clinicNameFrom, pageMeta } from "../page-meta";
import { pageParam } from "../route-params";

const PAGE_SIZE = 9;

export async function loader({ request }: LoaderFunctionArgs) {
  const searchParams = new URL(request.url).searchParams;
  const page = pageParam(searchParams);
  const rawTag = searchParams.get("tag");
  const tag = rawTag === null ? undefined : tagSchema.safeParse(rawTag).data;
  // A tag no post can have lists nothing: say so with a 404 rather than an empty page.
  if (rawTag !== null && !tag) throw notFound();
  const posts = await api.posts.list.query({ page, pageSize: PAGE_SIZE, tag });
  const pageCount = Math.max(1, Math.ceil(posts.total / posts.pageSize));
  return { ...posts, tag: tag ?? null, pageCount };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const tagged = data?.tag ? ` tagged “${data.tag}”` : "";
  const paged = data && data.page > 1 ? ` (page ${data.page})` : "";
  return pageMeta(matches, {
    title: `Blog${tagged}${paged}`,
    description: `Articles and videos on injury, recovery and performance from the practitioners at ${clinicNameFrom(matches) ?? "our clinic"}.`,
  });
};

function pageHref(page: number, tag: string | null): string {
  const params = new URLSearchParams();
  if (tag) params.set("tag", tag);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/blog?${query}` : "/blog";
}

export default function BlogPage() {
  const { items, page, pageCount, tag, total } = useLoaderData<typeof loader>();
  const clinic = useClinic();
  return (
    <div className="container page">
      <header className="page-header">
        <h1>{tag ? `Articles tagged “${tag}”` : "Articles and videos"}</h1>
        <p className="lead">
          Practical advice on injury, recovery and performance from our practitioners.
        </p>
        {tag ? (
          <p>
            <Link to="/blog">Show all articles</Link>
          </p>
        ) : null}
      </header>
      {items.length > 0 ? (
        <div className="card-grid">
          {items.map((post) => (
            <PostCard key={post.id} post={post} timeZone={clinic.timeZone} headingLevel="h2" />
          ))}
        </div>
      ) : (
        <p>
          {total === 0
            ? "No articles yet. Check back soon."
            : "There are no articles on this page."}{" "}
          {page > 1 ? <Link to={pageHref(1, tag)}>Go to the newest articles</Link> : null}
        </p>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pagination" className="pagination">
          {page > 1 ? (
            <Link to={pageHref(page - 1, tag)} rel="prev" className="button button--secondary">
              <span aria-hidden="true">←</span> Newer articles
            </Link>
          ) : (
            <span />
          )}
          <span className="pagination__status">
            Page {Math.min(page, pageCount)} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link to={pageHref(page + 1, tag)} rel="next" className="button button--secondary">
              Older articles <span aria-hidden="true">→</span>
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
