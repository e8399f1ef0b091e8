import { z } from "zod";
import { emailSchema, idSchema, personNameSchema } from "../common/fields.js";
import { passwordSchema, type StaffRole, staffRoleSchema } from "./staff.js";

const PRACTITIONER_LINK = "Choose the practitioner this account belongs to";

/** A practitioner-role account only sees its own records, so it must be linked to a practitioner. */
function requirePractitionerLink(
  account: { role: StaffRole; practitionerId: string | null },
  ctx: z.RefinementCtx,
) {
  if (account.role === "practitioner" && account.practitionerId === null) {
    ctx.addIssue({ code: "custom", message: PRACTITIONER_LINK, path: ["practitionerId"] });
  }
}

export const staffAccountCreateSchema = z
  .object({
    email: emailSchema,
    name: personNameSchema,
    role: staffRoleSchema,
    /** Any role may be linked to a practitioner (an owner who also treats); practitioners must be. */
    practitionerId: idSchema.nullable().default(null),
    password: passwordSchema,
  })
  .superRefine(requirePractitionerLink);
export type StaffAccountCreate = z.infer<typeof staffAccountCreateSchema>;

export const staffAccountUpdateSchema = z
  .object({
    id: idSchema,
    name: personNameSchema,
    role: staffRoleSchema,
    practitionerId: idSchema.nullable(),
  })
  .superRefine(requirePractitionerLink);
export type StaffAccountUpdate = z.infer<typeof staffAccountUpdateSchema>;

export const passwordResetSchema = z.object({ id: idSchema, password: passwordSchema });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200),
    newPassword: passwordSchema,
  })
  .refine((p) => p.currentPassword !== p.newPassword, {
    message: "Choose a password different from the current one",
    path: ["newPassword"],
  });
export type ChangePassword = z.infer<typeof changePasswordSchema>;

/**
 * Whether a change to one account would leave the clinic with no active
 * owner: `activeOwnerIds` are the active owners before the change, and the
 * account ends with `nextRole` and `nextActive`.
 */
export function leavesNoActiveOwner(
  activeOwnerIds: readonly string[],
  change: { userId: string; nextRole: StaffRole; nextActive: boolean },
): boolean {
  const remaining = activeOwnerIds.filter((id) => id !== change.userId);
  const stillOwner = change.nextRole === "owner" && change.nextActive;
  return remaining.length === 0 && !stillOwner;
}
