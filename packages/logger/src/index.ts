export * from "./logger.js";
export { isSensitiveKey, REDACTED, redactFields, scrubText } from "./redact.js";
export {
  currentRequestId,
  REQUEST_ID_HEADER,
  requestIdFrom,
  requestIdHeaders,
  withRequestId,
} from "./request-context.js";
