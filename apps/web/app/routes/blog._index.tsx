import { tagSchema } from "@clinic/domain";
import { pageCount, pageParam } from "@clinic/form-kit";
import { notFound } from "@clinic/form-kit/server";
import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PostListing, TopicList } from "../components/post-listing";
import { useClinic } from "../components/use-clinic";
import { clinicNameFrom, pageMeta } from "../formatting/page-meta";
import { blogListHref } from "../links/blog-links";
import { api } from "../server/api.server";
import { allVisiblePosts } from "../server/blog.server";
import { tagCounts } from "../server/blog-posts";
import { publicPageHeaders } from "../server/cache-control";

const PAGE_SIZE = 9;

/** The same for every visitor: kept by the page cache (decision 016). */
export const headers = publicPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const searchParams = new URL(request.url).searchParams;
  const page = pageParam(searchParams);
  const rawTag = searchParams.get("tag");
  if (rawTag !== null) {
    // Topics have their own pages now; old `?tag=` links move there for good.
    const tag = tagSchema.safeParse(rawTag).data;
    if (!tag) throw notFound("Topic");
    throw redirect(blogListHref(page, tag), 301);
  }
  const [posts, all] = await Promise.all([
    api.posts.list.query({ page, pageSize: PAGE_SIZE }),
    allVisiblePosts(),
  ]);
  return { ...posts, pageCount: pageCount(posts.total, posts.pageSize), topics: tagCounts(all) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const paged = data && data.page > 1 ? ` (page ${data.page})` : "";
  return pageMeta(matches, {
    title: `Blog${paged}`,
    description: `Articles and videos on injury, recovery and performance from the practitioners at ${clinicNameFrom(matches) ?? "our clinic"}.`,
  });
};

export default function BlogPage() {
  const { items, page, pageCount, total, topics } = useLoaderData<typeof loader>();
  const clinic = useClinic();
  return (
    <div className="container page">
      <header className="page-header">
        <h1>Articles and videos</h1>
        <p className="lead">
          Practical advice on injury, recovery and performance from our practitioners.
        </p>
        <p className="feed-link">
          <a href="/blog/rss.xml" type="application/rss+xml">
            Follow the blog by RSS
          </a>
        </p>
      </header>
      <TopicList topics={topics} current={null} />
      <PostListing
        items={items}
        page={page}
        pageCount={pageCount}
        total={total}
        tag={null}
        timeZone={clinic.timeZone}
      />
    </div>
  );
}
