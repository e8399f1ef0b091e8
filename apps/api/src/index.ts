export { type AppDeps, createApp } from "./app.js";
// The practice report without HTTP, for `pnpm bench`'s in-process measure.
export { practiceReport } from "./reports/practice-report.js";
// The REST API's OpenAPI document, as /api/v1/openapi.json serves it (decision 033).
export { openApiDocument } from "./rest/openapi.js";
export type { AppRouter, RouterInputs, RouterOutputs } from "./trpc/root.js";
// The webhook delivery worker, for a process that embeds the API (the booking-sync example's test).
export { startWebhookWorker, type WebhookWorker } from "./webhooks/webhook-worker.js";
