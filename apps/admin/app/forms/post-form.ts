import { imageUrlSchema, postContentSchema, slugify, slugSchema, tagSchema } from "@clinic/domain";
import { z } from "zod";
import { formatIn, parseClinicDateTime } from "../formatting/clinic-time";

const MAX_TAGS = 10;

/** Splits "Running, injury prevention" into tags: ["running", "injury-prevention"]. */
export function splitTags(text: string): string[] {
  return text
    .split(",")
    .map((tag) => slugify(tag, 40))
    .filter((tag) => tag.length > 0);
}

/**
 * Tags typed as one comma-separated field. Each tag becomes lowercase-with-hyphens; problems are
 * reported on the field itself (not on "tag number 3"), as the person typed one field.
 */
export const tagsInputSchema = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const tags = splitTags(text ?? "");
    if (tags.length > MAX_TAGS) {
      ctx.addIssue({ code: "custom", message: `Use at most ${MAX_TAGS} tags` });
      return z.NEVER;
    }
    if (new Set(tags).size !== tags.length) {
      ctx.addIssue({ code: "custom", message: "Use each tag only once" });
      return z.NEVER;
    }
    const invalid = tags.find((tag) => !tagSchema.safeParse(tag).success);
    if (invalid !== undefined) {
      ctx.addIssue({ code: "custom", message: `"${invalid}" isn't a usable tag` });
      return z.NEVER;
    }
    return tags;
  });

export const postFormSchema = z.object({
  title: postContentSchema.shape.title,
  slug: slugSchema.optional(),
  excerpt: postContentSchema.shape.excerpt.default(""),
  body: postContentSchema.shape.body,
  /** Empty means "the clinic" (no practitioner). */
  authorId: z.uuid({ message: "Choose an author from the list" }).optional(),
  tags: tagsInputSchema,
  coverImageUrl: imageUrlSchema.optional(),
});
export type PostForm = z.infer<typeof postFormSchema>;

/** The API's post content from the form's values. */
export function postContentFrom(form: PostForm) {
  return {
    title: form.title,
    slug: form.slug ?? slugify(form.title),
    excerpt: form.excerpt,
    body: form.body,
    authorId: form.authorId ?? null,
    tags: form.tags,
    coverImageUrl: form.coverImageUrl ?? null,
  };
}

/** A `datetime-local` value ("2026-04-05T09:30") as the instant it names in the clinic's zone. */
export function parseLocalDateTimeInput(value: string, timeZone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!match) return null;
  return parseClinicDateTime(match[1]!, match[2]!, timeZone);
}

/** An instant as a `datetime-local` value in the clinic's zone. */
export function toLocalDateTimeInput(instant: Date, timeZone: string): string {
  return formatIn(instant, timeZone, "yyyy-MM-dd'T'HH:mm");
}

export const postStatusLabels = {
  draft: "Draft",
  scheduled: "Scheduled",
  published: "Published",
} as const;
