import { z } from "zod";
import { idSchema, instantSchema, slugSchema } from "../common/fields.js";
import { multiLineText, singleLineText } from "../common/storable-text.js";

export const postStatuses = ["draft", "scheduled", "published"] as const;
export const postStatusSchema = z.enum(postStatuses);
export type PostStatus = z.infer<typeof postStatusSchema>;

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40, "Tags must be at most 40 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Tags use lowercase letters, numbers and hyphens");

export const postInputSchema = z
  .object({
    slug: slugSchema,
    title: singleLineText().trim().min(1, "Title is required").max(200),
    excerpt: multiLineText().trim().max(400),
    body: multiLineText().trim().min(1, "Write something first").max(100_000),
    authorId: idSchema.nullable(),
    status: postStatusSchema,
    publishedAt: instantSchema("Choose a publish date").nullable(),
    tags: z
      .array(tagSchema)
      .max(10, "At most 10 tags")
      .refine((tags) => new Set(tags).size === tags.length, "Use each tag only once"),
    coverImageUrl: singleLineText().trim().max(500).nullable(),
  })
  .refine((p) => p.status === "draft" || p.publishedAt !== null, {
    message: "Scheduled and published posts need a publish date",
    path: ["publishedAt"],
  });
export type PostInput = z.infer<typeof postInputSchema>;

export type Post = PostInput & { id: string; createdAt: Date; updatedAt: Date };

/**
 * Whether the public may read a post at `now`: published and scheduled posts
 * whose publish time has come (so scheduling needs no background job); drafts
 * never. Matches the database's visibility filter in `@clinic/db`.
 */
export function isPostVisible(
  post: Pick<Post, "status" | "publishedAt">,
  now: Date = new Date(),
): boolean {
  if (post.status === "draft" || post.publishedAt === null) return false;
  return post.publishedAt.getTime() <= now.getTime();
}
