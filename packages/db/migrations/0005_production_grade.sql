ALTER TABLE "bookings" ADD COLUMN "idempotency_fingerprint" text;--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD COLUMN "sent_email_retention_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "body_purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sign_in_failures" ADD COLUMN "address" text;--> statement-breakpoint
CREATE INDEX "sign_in_failures_address_created_idx" ON "sign_in_failures" USING btree ("address","created_at");--> statement-breakpoint
ALTER TABLE "clinic_settings" ADD CONSTRAINT "clinic_settings_sent_email_retention" CHECK ("clinic_settings"."sent_email_retention_days" between 1 and 3650);