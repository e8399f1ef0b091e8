import { Link } from "@remix-run/react";
import { formatDate, formatReadingTime } from "../formatting/format-date";

export interface PostSummary {
  slug: string;
  title: string;
  excerpt: string;
  publishedAt: Date;
  readingMinutes: number;
  tags: string[];
  author: { slug: string; name: string } | null;
}

export function PostCard({
  post,
  timeZone,
  headingLevel: Heading = "h3",
}: {
  post: PostSummary;
  timeZone: string;
  headingLevel?: "h2" | "h3";
}) {
  return (
    <article className="card post-card">
      <p className="card__meta">
        <time dateTime={post.publishedAt.toISOString()}>
          {formatDate(post.publishedAt, timeZone)}
        </time>
        {" · "}
        {formatReadingTime(post.readingMinutes)}
      </p>
      <Heading className="card__title">
        <Link to={`/blog/${post.slug}`} className="card__link">
          {post.title}
        </Link>
      </Heading>
      {post.excerpt ? <p className="post-card__excerpt">{post.excerpt}</p> : null}
      {post.author ? <p className="card__meta">By {post.author.name}</p> : null}
    </article>
  );
}
