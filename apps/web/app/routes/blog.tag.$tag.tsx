import { tagSchema } from "@clinic/domain";
import { pageCount, pageParam } from "@clinic/form-kit";
import { notFound } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PostListing, TopicList } from "../components/post-listing";
import { useClinic } from "../components/use-clinic";
import { clinicNameFrom, pageMeta } from "../formatting/page-meta";
import { api } from "../server/api.server";
import { allVisiblePosts } from "../server/blog.server";
import { tagCounts } from "../server/blog-posts";
import { publicPageHeaders } from "../server/cache-control";

const PAGE_SIZE = 9;

/** The same for every visitor: kept by the page cache (decision 016). */
export const headers = publicPageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const tag = tagSchema.safeParse(params.tag).data;
  if (!tag || tag !== params.tag) throw notFound("Topic");
  const page = pageParam(new URL(request.url).searchParams);
  const [posts, all] = await Promise.all([
    api.posts.list.query({ page, pageSize: PAGE_SIZE, tag }),
    allVisiblePosts(),
  ]);
  // A topic no visible post has is not a page (yet): a scheduled post brings it to life.
  if (posts.total === 0) throw notFound("Topic");
  return {
    ...posts,
    tag,
    pageCount: pageCount(posts.total, posts.pageSize),
    topics: tagCounts(all),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageMeta(matches, { title: "Topic not found", description: "" });
  const paged = data.page > 1 ? ` (page ${data.page})` : "";
  return pageMeta(matches, {
    title: `Articles tagged “${data.tag}”${paged}`,
    description: `${data.total} ${data.total === 1 ? "article" : "articles"} about ${data.tag} from the practitioners at ${clinicNameFrom(matches) ?? "our clinic"}.`,
  });
};

export default function BlogTagPage() {
  const { items, page, pageCount, total, tag, topics } = useLoaderData<typeof loader>();
  const clinic = useClinic();
  return (
    <div className="container page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/blog">All articles</Link>
      </nav>
      <header className="page-header">
        <h1>Articles tagged “{tag}”</h1>
        <p className="lead">
          {total} {total === 1 ? "article" : "articles"} on this topic, newest first.
        </p>
      </header>
      <TopicList topics={topics} current={tag} />
      <PostListing
        items={items}
        page={page}
        pageCount={pageCount}
        total={total}
        tag={tag}
        timeZone={clinic.timeZone}
      />
    </div>
  );
}
