// What both Remix apps share for forms and error pages; server-only helpers are in `./server`.
export { type ApiRefusal, REFUSAL_STATUS, type RefusalCode } from "./api-refusal";
export {
  defaultErrorCopy,
  type ErrorCopy,
  ErrorPage,
  type ErrorPageProps,
  type ErrorStatus,
  errorStatusOf,
  errorTitle,
  StatusErrorBoundary,
} from "./error-page";
export { INTENT, intentOf } from "./intent";
export { missingFieldMessages } from "./missing-field-messages";
export { NonceProvider, useNonce } from "./nonce";
export { pageCount, pageParam } from "./pagination";
export { PaginationNav, type PaginationNavProps } from "./pagination-nav";
