export * from "./logger.js";
export { isSensitiveKey, REDACTED, redactFields, scrubText } from "./redact.js";
