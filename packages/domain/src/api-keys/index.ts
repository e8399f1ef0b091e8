import { z } from "zod";
import { idSchema } from "../common/fields.js";
import { singleLineText } from "../common/storable-text.js";
import { staffRoleSchema } from "../staff/staff.js";

/**
 * Staff API keys (decision 033): `ck_` and eight characters shown in the admin to tell keys
 * apart (the prefix), `_`, and 43 random characters (32 bytes, base64url). Sent as
 * `Authorization: Bearer <key>`.
 */
export const API_KEY_PATTERN = /^ck_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;

/** How long a new key may last, in days; the admin offers these. */
export const apiKeyLifetimes = [30, 90, 180, 365] as const;

export const apiKeyCreateInputSchema = z
  .object({
    name: singleLineText()
      .trim()
      .min(1, "Name the key after what uses it")
      .max(80, "Use at most 80 characters"),
    role: staffRoleSchema,
    /** For a practitioner key: whose bookings and hours it may change. */
    practitionerId: idSchema.optional(),
    expiresInDays: z
      .number({ message: "Choose when the key expires" })
      .int("Choose when the key expires")
      .min(1, "Choose when the key expires")
      .max(365, "A key lasts at most 365 days"),
  })
  .superRefine((input, ctx) => {
    if (input.role === "practitioner" && !input.practitionerId) {
      ctx.addIssue({
        code: "custom",
        path: ["practitionerId"],
        message: "Choose the practitioner a practitioner key acts for",
      });
    }
  });
export type ApiKeyCreateInput = z.input<typeof apiKeyCreateInputSchema>;

/** What a key's row says about it now. */
export type ApiKeyState = "active" | "expired" | "revoked";

export function apiKeyState(
  key: { expiresAt: Date; revokedAt: Date | null },
  now: Date,
): ApiKeyState {
  if (key.revokedAt) return "revoked";
  return key.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

export const apiKeyStateLabels: Record<ApiKeyState, string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
};
