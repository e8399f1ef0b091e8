import { imageSources, type ShownImage } from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BookingCallToAction } from "../components/booking-cta";
import { JsonLdScript } from "../components/json-ld";
import { PostCard } from "../components/post-card";
import { ResponsiveImage } from "../components/responsive-image";
import { useClinic } from "../components/use-clinic";
import { formatDate, formatReadingTime } from "../formatting/format-date";
import { blogPostingJsonLd } from "../formatting/json-ld";
import { pageMeta } from "../formatting/page-meta";
import { blogListHref } from "../links/blog-links";
import { requireSlug } from "../links/route-params";
import { api } from "../server/api.server";
import { allVisiblePosts } from "../server/blog.server";
import { otherPostsByAuthor } from "../server/blog-posts";
import { publicPageHeaders } from "../server/cache-control";
import { renderMarkdown } from "../server/markdown.server";
import { siteUrlFor } from "../server/site-url.server";

/** The same for every visitor: kept by the page cache (decision 016). */
export const headers = publicPageHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug, "Post");
  const [{ body, ...post }, all, settings] = await Promise.all([
    requireRecord(() => api.posts.bySlug.query({ slug }), "Post"),
    allVisiblePosts(),
    api.settings.get.query(),
  ]);
  return {
    post,
    bodyHtml: renderMarkdown(body),
    moreByAuthor: otherPostsByAuthor(all, post),
    siteUrl: siteUrlFor(settings),
  };
}

/** The cover for feeds and social cards: an uploaded one's largest WebP, or an older address. */
function coverAddress(post: { cover: ShownImage | null; coverImageUrl: string | null }) {
  return post.cover ? imageSources(post.cover).src : post.coverImageUrl;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageMeta(matches, { title: "Article not found", description: "" });
  const { post } = data;
  return [
    ...pageMeta(matches, {
      title: post.title,
      description: post.excerpt,
      type: "article",
      image: coverAddress(post),
      ...(post.cover ? { imageAlt: post.cover.alt } : {}),
    }),
    { property: "article:published_time", content: post.publishedAt.toISOString() },
    ...post.tags.map((tag) => ({ property: "article:tag", content: tag })),
  ];
};

export default function BlogPostPage() {
  const { post, bodyHtml, moreByAuthor, siteUrl } = useLoaderData<typeof loader>();
  const clinic = useClinic();
  return (
    <div className="container container--narrow page">
      <JsonLdScript
        data={blogPostingJsonLd(
          { ...post, coverImageUrl: coverAddress(post) },
          clinic.name,
          siteUrl,
        )}
      />
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
        {post.cover ? (
          <ResponsiveImage
            image={post.cover}
            className="post__cover"
            sizes="(min-width: 48rem) 46rem, 100vw"
            priority
          />
        ) : null}
        {/* Sanitised by renderMarkdown: no raw HTML from the content survives. */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        {post.tags.length > 0 ? (
          <footer className="post__footer">
            <h2 className="post__tags-title">Topics</h2>
            <ul className="pill-list">
              {post.tags.map((tag) => (
                <li key={tag}>
                  <Link to={blogListHref(1, tag)} className="pill">
                    #{tag}
                  </Link>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
      <BookingCallToAction clinic={clinic} headingId="post-cta" />
      {post.author && moreByAuthor.length > 0 ? (
        <section className="more-posts" aria-labelledby="more-by-author">
          <h2 id="more-by-author">More from {post.author.name}</h2>
          <div className="card-grid">
            {moreByAuthor.map((other) => (
              <PostCard key={other.id} post={other} timeZone={clinic.timeZone} headingLevel="h3" />
            ))}
          </div>
          <p>
            <Link to={`/practitioners/${post.author.slug}`}>About {post.author.name}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
