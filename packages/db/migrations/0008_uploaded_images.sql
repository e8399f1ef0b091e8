ALTER TABLE "posts" ADD COLUMN "cover_image" jsonb;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "cover_image_alt" text;--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "photo" jsonb;--> statement-breakpoint
ALTER TABLE "practitioners" ADD COLUMN "photo_alt" text;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_cover_alt" CHECK ("posts"."cover_image" is null or "posts"."cover_image_alt" is not null);--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_photo_alt" CHECK ("practitioners"."photo" is null or "practitioners"."photo_alt" is not null);