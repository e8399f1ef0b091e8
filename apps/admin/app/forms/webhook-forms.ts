import {
  type WebhookEventType,
  webhookEndpointFieldsSchema,
  webhookEventLabels,
  webhookEventTypeSchema,
  webhookEventTypes,
  webhookUrlSchema,
} from "@clinic/domain";
import { z } from "zod";

/**
 * The endpoint form: the domain's fields, where an unticked "enabled" box means paused and
 * no event ticked is told in plain words (a form sends nothing for unticked boxes).
 */
export const webhookEndpointFormSchema = z.object({
  url: webhookUrlSchema,
  description: webhookEndpointFieldsSchema.shape.description,
  events: z
    .array(webhookEventTypeSchema)
    .max(20)
    .default([])
    .refine((events) => events.length > 0, "Choose at least one event"),
  enabled: z.boolean().default(false),
});
export type WebhookEndpointForm = z.output<typeof webhookEndpointFormSchema>;

export const webhookEventOptions: { value: WebhookEventType; label: string }[] =
  webhookEventTypes.map((type) => ({ value: type, label: webhookEventLabels[type] }));

/** The fields the form shows, for placing the API's refusals. */
export const webhookEndpointFields = ["url", "description", "events", "enabled"];
