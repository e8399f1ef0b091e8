/** Every tag in use with how many posts carry it, most used first, then by name. */
export function tagCounts(posts: readonly { tags: readonly string[] }[]) {
  const counts = new Map<string, number>();
  for (const post of posts) {
    for (const tag of new Set(post.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Up to `limit` other posts by the same author, newest first. */
export function otherPostsByAuthor<T extends { slug: string; author: { slug: string } | null }>(
  posts: readonly T[],
  post: { slug: string; author: { slug: string } | null },
  limit = 3,
): T[] {
  const author = post.author;
  if (!author) return [];
  return posts
    .filter((other) => other.slug !== post.slug && other.author?.slug === author.slug)
    .slice(0, limit);
}
