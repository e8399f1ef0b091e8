import { randomBytes } from "node:crypto";
import {
  type Database,
  findApiKey,
  findApiKeyByHash,
  insertApiKey,
  listApiKeys,
  recordAudit,
  revokeApiKey,
  schema,
  touchApiKey,
} from "@clinic/db";
import {
  API_KEY_PATTERN,
  type ApiKeyCreateInput,
  apiKeyCreateInputSchema,
  apiKeyState,
  type StaffUser,
} from "@clinic/domain";
import { eq } from "drizzle-orm";
import { audit } from "../audit/audit.js";
import { hashToken } from "../auth/sessions.js";
import type { StaffContext } from "../context.js";
import { FieldError, NotFoundError } from "../errors.js";

// Staff API keys (decision 033). A key is random (32 bytes) and only its SHA-256 is kept, like
// sessions, so it is shown once, when it is made. It acts for the owner who made it, with the
// role (and, for a practitioner key, the practitioner) chosen for it.

const DAY_MS = 86_400_000;

/** Whether a bearer token has the shape of an API key (`ck_…`), not a staff session's. */
export function looksLikeApiKey(token: string): boolean {
  return API_KEY_PATTERN.test(token);
}

function newKey(): { key: string; prefix: string } {
  const alphanumeric = randomBytes(24)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, 8)
    .padEnd(8, "0");
  const prefix = `ck_${alphanumeric}`;
  return { key: `${prefix}_${randomBytes(32).toString("base64url")}`, prefix };
}

/** Every key with its state now (active, expired, revoked); never the key itself. */
export async function apiKeysList(ctx: StaffContext) {
  const now = ctx.now();
  const keys = await listApiKeys(ctx.db);
  return keys.map((key) => ({ ...key, state: apiKeyState(key, now) }));
}

/** Makes a key; the answer holds it, once. */
export async function createApiKey(ctx: StaffContext, raw: ApiKeyCreateInput) {
  const input = apiKeyCreateInputSchema.parse(raw);
  const practitionerId = input.role === "practitioner" ? (input.practitionerId ?? null) : null;
  if (practitionerId) {
    const [practitioner] = await ctx.db
      .select({ id: schema.practitioners.id })
      .from(schema.practitioners)
      .where(eq(schema.practitioners.id, practitionerId));
    if (!practitioner) throw new FieldError("practitionerId", "No such practitioner");
  }
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const { key, prefix } = newKey();
  const created = await ctx.db.transaction(async (tx) => {
    const row = await insertApiKey(tx, {
      name: input.name,
      role: input.role,
      practitionerId,
      prefix,
      tokenHash: hashToken(key),
      createdById: ctx.user.id,
      createdAt: now,
      expiresAt,
    });
    await audit(tx, ctx, {
      action: "api_key.create",
      entityId: row.id,
      // Never the key: only its prefix, which the admin shows anyway.
      changes: {
        name: { from: null, to: input.name },
        role: { from: null, to: input.role },
        prefix: { from: null, to: prefix },
        expiresAt: { from: null, to: expiresAt.toISOString() },
      },
    });
    return row;
  });
  return { id: created.id, name: input.name, prefix, key, expiresAt };
}

/** Revokes a key: from now on it is refused (401). Revoking a revoked key changes nothing. */
export async function revokeApiKeyById(ctx: StaffContext, id: string) {
  const existing = await findApiKey(ctx.db, id);
  if (!existing) throw new NotFoundError("No such API key");
  if (existing.revokedAt) return { id, revokedAt: existing.revokedAt };
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await revokeApiKey(tx, id, at);
    await audit(tx, ctx, {
      action: "api_key.revoke",
      entityId: id,
      changes: { revokedAt: { from: null, to: at.toISOString() } },
    });
  });
  return { id, revokedAt: at };
}

/** Who a key acts as: its maker's account with the key's role; `null` when bad, expired or revoked. */
export interface ApiKeyCaller {
  user: StaffUser;
  apiKeyId: string;
}

export async function resolveApiKey(
  db: Database,
  token: string,
  now: Date,
): Promise<ApiKeyCaller | null> {
  const found = await findApiKeyByHash(db, hashToken(token));
  if (!found || found.revokedAt || found.expiresAt.getTime() <= now.getTime()) return null;
  // A deactivated owner's keys stop with their account.
  if (!found.creator.active) return null;
  await touchApiKey(db, found.id, now);
  return {
    apiKeyId: found.id,
    user: {
      id: found.creator.id,
      email: found.creator.email,
      name: `API key "${found.name}"`.slice(0, 120),
      role: found.role,
      practitionerId: found.role === "practitioner" ? found.practitionerId : null,
      active: true,
    },
  };
}

/**
 * One call made with a key, in the audit log: the procedure and its outcome (a tRPC code or
 * OK), never the input or the answer (no request bodies, no patient data).
 */
export async function recordApiKeyUse(
  db: Database,
  caller: ApiKeyCaller,
  at: Date,
  use: { procedure: string; outcome: string },
): Promise<void> {
  await recordAudit(db, {
    at,
    actor: { id: caller.user.id, name: caller.user.name },
    action: "api_key.use",
    entity: "api_key",
    entityId: caller.apiKeyId,
    changes: {
      procedure: { from: null, to: use.procedure },
      outcome: { from: null, to: use.outcome },
    },
  });
}
