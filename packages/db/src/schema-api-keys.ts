import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { practitioners, staffUsers } from "./schema.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Staff API keys (decision 033): made by an owner for an integration, with a role of the
 * permission matrix and an expiry. Only the SHA-256 of the key is kept (it is shown once);
 * `prefix` is its first characters, for telling keys apart in the admin. A key acts for the
 * owner who made it (audit entries and booking history name them) with the key's role.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** One of the staff roles; text, not the role enum, so this table stays on its own. */
    role: text("role").notNull(),
    /** For a practitioner key: whose records its "own" permissions reach. */
    practitionerId: uuid("practitioner_id").references(() => practitioners.id, {
      onDelete: "set null",
    }),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at"),
    /** Written at most once a minute, like staff sessions' last use. */
    lastUsedAt: instant("last_used_at"),
  },
  (t) => [
    index("api_keys_created_idx").on(t.createdAt),
    check("api_keys_role_check", sql`${t.role} in ('owner', 'front_desk', 'practitioner')`),
  ],
);
