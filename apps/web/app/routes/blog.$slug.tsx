import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { api, notFound, orNotFound } from "../api.server";
import { useClinic } from "../clinic";
import { formatDate, formatReadingTime } from "../format-date";
import { renderMarkdown } from "../markdown.server";
import { pageMeta } from "../page-meta";
import { slugParam } from "../route-params";

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = slugParam(params.slug);
  if (!slug) throw notFound();
  const { body, ...post } = await orNotFound(api.posts.bySlug.query({ slug }));
  return { post, bodyHtml: renderMarkdown(body) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageMeta(matches, { title: "Article not found", description: "" });
  const { post } = data;
  return [
    ...pageMeta(matches, { title: post.title, description: post.excerpt }),
    { property: "og:type", content: "article" },
    { property: "article:published_time", content: post.publishedAt.toISOString() },
  ];
};

export default function BlogPostPage() {
  const { post, bodyHtml } = useLoaderData<typeof loader>();
  const clinic = useClinic();
  return (
    <div className="container container--narrow page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/blog">All articles</Link>
      </nav>
      <article className="post">
        <header className="post__header">
          <h1>{post.title}</h1>
          <p className="post__byline">
            <time dateTime={post.publishedAt.toISOString()}>
              {formatDate(post.publishedAt, clinic.timeZone)}
            </time>
            {post.author ? (
              <>
                <span aria-hidden="true"> · </span>
                <span>
                  By <Link to={`/practitioners/${post.author.slug}`}>{post.author.name}</Link>
                </span>
              </>
            ) : null}
            <span aria-hidden="true"> · </span>
            <span>{formatReadingTime(post.readingMinutes)}</span>
          </p>
        </header>
        {post.coverImageUrl ? (
          <img className="post__cover" src={post.coverImageUrl} alt="" width={1200} height={630} />
        ) : null}
        {/* Sanitised by renderMarkdown: no raw HTML from the content survives. */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        {post.tags.length > 0 ? (
          <footer className="post__footer">
            <h2 className="visually-hidden">Tags</h2>
            <ul className="pill-list">
              {post.tags.map((tag) => (
                <li key={tag}>
                  <Link to={`/blog?tag=${encodeURIComponent(tag)}`} className="pill">
                    #{tag}
                  </Link>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
    </div>
  );
}
