import { z } from "zod";
import { singleLineText } from "../common/storable-text.js";
import { webhookEventTypeSchema } from "./events.js";

/** The address an endpoint receives deliveries at: http(s), at most 2,000 characters. */
export const webhookUrlSchema = singleLineText()
  .trim()
  .min(1, "Enter the address that receives the events")
  .max(2000, "Use an address of at most 2,000 characters")
  .pipe(
    z.url({
      protocol: /^https?$/,
      message: "Enter a web address starting with https://",
    }),
  );

/** What the owner registers: where, which events, whether deliveries go out now. */
export const webhookEndpointFieldsSchema = z.object({
  url: webhookUrlSchema,
  description: singleLineText().trim().max(200, "Use at most 200 characters").default(""),
  events: z
    .array(webhookEventTypeSchema, { message: "Choose at least one event" })
    .min(1, "Choose at least one event")
    .max(20)
    .transform((events) => [...new Set(events)]),
  enabled: z.boolean().default(true),
});
export type WebhookEndpointFields = z.output<typeof webhookEndpointFieldsSchema>;

export const webhookEndpointUpdateSchema = webhookEndpointFieldsSchema.extend({ id: z.uuid() });

/** How long the old secret keeps signing after a rotation, so receivers can switch over. */
export const WEBHOOK_SECRET_OVERLAP_HOURS = 24;

/** A delivery's state in the log: waiting (first try or a retry), delivered, or given up. */
export const webhookDeliveryStatuses = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

export const webhookDeliveryStatusLabels: Record<WebhookDeliveryStatus, string> = {
  pending: "Waiting",
  delivered: "Delivered",
  failed: "Failed",
};

/**
 * A response body as the delivery log keeps it: at most 1,024 characters, control characters
 * (other than line breaks and tabs) replaced, so a receiver's answer can't smuggle terminal
 * escapes or huge text into the admin.
 */
export function responseExcerpt(body: string, max = 1024): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove them
  const clean = body.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "\uFFFD");
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
