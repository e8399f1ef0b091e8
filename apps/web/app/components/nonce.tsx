// Shared with the admin app: one context for the script nonce of a server render.
export { NonceProvider, useNonce } from "@clinic/form-kit";
