import { z } from "zod";
import { idSchema, slugSchema } from "../common/fields.js";
import { imageUrlSchema } from "../common/images.js";
import { multiLineText, singleLineText } from "../common/storable-text.js";
import { type PostStatus, postStatusSchema, tagSchema } from "./post.js";

/** What staff edit on a post; its status changes through `postStatusChange`. */
export const postContentSchema = z.object({
  slug: slugSchema,
  title: singleLineText()
    .trim()
    .min(1, "Title is required")
    .max(200, "Titles must be at most 200 characters"),
  excerpt: multiLineText().trim().max(400, "Excerpts must be at most 400 characters"),
  body: multiLineText().trim().min(1, "Write something first").max(100_000, "The post is too long"),
  /** A practitioner, or null for a post from the clinic. */
  authorId: idSchema.nullable(),
  tags: z
    .array(tagSchema)
    .max(10, "At most 10 tags")
    .refine((tags) => new Set(tags).size === tags.length, "Use each tag only once"),
  coverImageUrl: imageUrlSchema.nullable(),
});
export type PostContent = z.infer<typeof postContentSchema>;

export const postStaffFilterSchema = z.object({
  status: postStatusSchema.optional(),
  authorId: idSchema.optional(),
  tag: tagSchema.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export type PostStatusChange =
  | { action: "publish" }
  | { action: "schedule"; publishedAt: Date }
  | { action: "unpublish" };

/**
 * The status and publish time a post gets from a staff action at `now`:
 * publishing is immediate, scheduling needs a time in the future (the post
 * then appears by itself, see `isPostVisible`), unpublishing makes it a draft
 * again. Returns an error message for a schedule time that isn't in the future.
 */
export function postStatusChange(
  change: PostStatusChange,
  now: Date,
): { status: PostStatus; publishedAt: Date | null } | { error: string } {
  switch (change.action) {
    case "publish":
      return { status: "published", publishedAt: now };
    case "schedule":
      if (change.publishedAt.getTime() <= now.getTime()) {
        return { error: "Pick a time in the future, or publish it now" };
      }
      return { status: "scheduled", publishedAt: change.publishedAt };
    case "unpublish":
      return { status: "draft", publishedAt: null };
  }
}
