// Server-side form helpers for loaders and actions: API calls, refusals and records.
export { type ApiRefusal, apiRefusal, type RefusalOptions } from "./api-refusal";
export { isCrossSiteRequest, isCrossSiteSubmission } from "./cross-site";
export { notFound, requireRecord } from "./records";
export {
  type CallOptions,
  type CallResult,
  callApi,
  type RepliableSubmission,
  type SubmitResult,
  submitToApi,
} from "./submit";
