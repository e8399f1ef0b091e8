ALTER TABLE "patients" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ALTER COLUMN "phone" DROP NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "patients_phone_only_unique" ON "patients" USING btree (regexp_replace("phone", '[^0-9]', '', 'g'),lower("name")) WHERE "patients"."email" IS NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_email_or_phone" CHECK ("patients"."email" IS NOT NULL OR "patients"."phone" IS NOT NULL);