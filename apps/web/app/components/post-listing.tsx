import { PaginationNav } from "@clinic/form-kit";
import { Link } from "@remix-run/react";
import { blogListHref } from "../links/blog-links";
import { PostCard, type PostSummary } from "./post-card";

/** A page of posts with Newer/Older links; shared by the blog and its topic pages. */
export function PostListing({
  items,
  page,
  pageCount,
  total,
  tag,
  timeZone,
}: {
  items: readonly (PostSummary & { id: string })[];
  page: number;
  pageCount: number;
  total: number;
  tag: string | null;
  timeZone: string;
}) {
  return (
    <>
      {items.length > 0 ? (
        <div className="card-grid">
          {items.map((post) => (
            <PostCard key={post.id} post={post} timeZone={timeZone} headingLevel="h2" />
          ))}
        </div>
      ) : (
        <p>
          {total === 0
            ? "No articles yet. Check back soon."
            : "There are no articles on this page."}{" "}
          {page > 1 ? <Link to={blogListHref(1, tag)}>Go to the newest articles</Link> : null}
        </p>
      )}
      <PaginationNav
        page={page}
        pageCount={pageCount}
        href={(n) => blogListHref(n, tag)}
        previousLabel="Newer articles"
        nextLabel="Older articles"
        linkClassName="button button--secondary"
        label="Pagination"
      />
    </>
  );
}

/** Links to every topic, the current one marked; a plain list of links, usable without JS. */
export function TopicList({
  topics,
  current,
}: {
  topics: readonly { tag: string; count: number }[];
  current: string | null;
}) {
  if (topics.length === 0) return null;
  return (
    <nav aria-label="Topics" className="topic-nav">
      <h2 className="topic-nav__title">Topics</h2>
      <ul className="pill-list">
        {topics.map(({ tag, count }) => (
          <li key={tag}>
            <Link
              to={blogListHref(1, tag)}
              className="pill"
              aria-current={tag === current ? "page" : undefined}
            >
              #{tag}{" "}
              <span className="visually-hidden">
                ({count} {count === 1 ? "article" : "articles"})
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
