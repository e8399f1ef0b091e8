import {
  idInputSchema,
  webhookEndpointFieldsSchema,
  webhookEndpointUpdateSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  createWebhookEndpoint,
  deleteWebhookEndpointById,
  redeliverWebhook,
  rotateWebhookEndpointSecret,
  sendWebhookTestEvent,
  updateWebhookEndpointFields,
  webhookEndpointDetail,
  webhookEndpointList,
} from "../../webhooks/webhook-endpoints.js";
import { permissionProcedure } from "../trpc.js";

/** Webhooks change nothing the public reads: their mutations leave the public caches alone. */
const manage = () =>
  permissionProcedure("webhooks.manage").meta({
    access: "staff",
    permission: "webhooks.manage",
    publicContent: "unchanged",
  });

/** The owner's webhook endpoints, their secrets and delivery logs (issue 15, decision 032). */
export const webhooksRouter = {
  list: permissionProcedure("webhooks.manage").query(({ ctx }) => webhookEndpointList(ctx)),

  /** One endpoint and its 50 newest deliveries. */
  get: permissionProcedure("webhooks.manage")
    .input(idInputSchema)
    .query(({ ctx, input }) => webhookEndpointDetail(ctx, input.id)),

  /** Registers an endpoint; the answer holds its signing secret, shown this once. */
  create: manage()
    .input(webhookEndpointFieldsSchema)
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx, input)),

  update: manage()
    .input(webhookEndpointUpdateSchema)
    .mutation(({ ctx, input }) => updateWebhookEndpointFields(ctx, input)),

  delete: manage()
    .input(idInputSchema)
    .mutation(({ ctx, input }) => deleteWebhookEndpointById(ctx, input.id)),

  /** A new secret (shown once); the old one signs too for 24 hours. */
  rotateSecret: manage()
    .input(idInputSchema)
    .mutation(({ ctx, input }) => rotateWebhookEndpointSecret(ctx, input.id)),

  sendTest: manage()
    .input(idInputSchema)
    .mutation(({ ctx, input }) => sendWebhookTestEvent(ctx, input.id)),

  redeliver: manage()
    .input(z.object({ endpointId: z.uuid(), deliveryId: z.uuid() }))
    .mutation(({ ctx, input }) => redeliverWebhook(ctx, input)),
} satisfies TRPCRouterRecord;
