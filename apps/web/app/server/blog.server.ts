import type { RouterOutputs } from "@clinic/api-client";
import { api } from "./api.server";

export type PostSummary = RouterOutputs["posts"]["list"]["items"][number];

const PAGE_SIZE = 50; // the API's largest page
const MAX_PAGES = 40; // 2,000 posts: far beyond a clinic's blog, and a bound on one request's work

/**
 * Every visible post, newest first, page by page from the API. For the sitemap, the topic
 * list and "more from this author"; a clinic writes dozens of posts, not thousands.
 */
export async function allVisiblePosts(): Promise<PostSummary[]> {
  const first = await api.posts.list.query({ page: 1, pageSize: PAGE_SIZE });
  const pageCount = Math.min(MAX_PAGES, Math.ceil(first.total / PAGE_SIZE));
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) =>
      api.posts.list.query({ page: index + 2, pageSize: PAGE_SIZE }),
    ),
  );
  return [first, ...rest].flatMap((page) => page.items);
}
