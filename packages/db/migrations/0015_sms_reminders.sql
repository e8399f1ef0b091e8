CREATE TABLE "sms_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"reminder_template" text NOT NULL,
	"default_country" text DEFAULT 'AU' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_settings_single_row" CHECK ("sms_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "sms_opt_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "sms_phone" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "sms_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "sms_opted_out_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "patients_sms_phone_idx" ON "patients" USING btree ("sms_phone");--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_channel" CHECK ("outbox_messages"."channel" in ('email', 'sms'));