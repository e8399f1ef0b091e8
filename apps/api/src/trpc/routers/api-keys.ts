import { apiKeyCreateInputSchema, idInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { apiKeysList, createApiKey, revokeApiKeyById } from "../../api-keys/api-keys.js";
import { permissionProcedure } from "../trpc.js";

// Staff API keys for integrations (decision 033); only a signed-in owner manages them (a key
// can't make or revoke keys). None of these changes what the public reads.
const manage = permissionProcedure("apiKeys.manage").meta({
  access: "staff",
  permission: "apiKeys.manage",
  publicContent: "unchanged",
});

export const apiKeysRouter = {
  /** Every key, newest first, with its prefix, role, expiry, state and last use (never the key). */
  list: manage.query(({ ctx }) => apiKeysList(ctx)),

  /**
   * Makes a key with a role of the permission matrix (a practitioner key names its
   * practitioner) lasting `expiresInDays`; the answer holds the key, shown once (only its hash
   * is kept).
   */
  create: manage
    .input(apiKeyCreateInputSchema)
    .mutation(({ ctx, input }) => createApiKey(ctx, input)),

  /** Revokes a key: calls made with it are refused (401) from now on. */
  revoke: manage.input(idInputSchema).mutation(({ ctx, input }) => revokeApiKeyById(ctx, input.id)),
} satisfies TRPCRouterRecord;
