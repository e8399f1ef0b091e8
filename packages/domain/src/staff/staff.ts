import { z } from "zod";
import { emailSchema, idSchema, personNameSchema } from "../common/fields.js";

export const staffRoles = ["owner", "practitioner", "front_desk"] as const;
export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const staffRoleLabels: Record<StaffRole, string> = {
  owner: "Owner",
  practitioner: "Practitioner",
  front_desk: "Front desk",
};

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const signInInputSchema = z.object({
  email: emailSchema,
  // Sign-in never reveals the password policy: any non-empty password is checked.
  password: z.string().min(1, "Enter your password").max(200, "Use at most 200 characters"),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

export const staffUserSchema = z.object({
  id: idSchema,
  email: emailSchema,
  name: personNameSchema,
  role: staffRoleSchema,
  practitionerId: idSchema.nullable(),
  active: z.boolean(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

/** Whether a role is at least as privileged as any of the allowed roles. */
export function hasRole(role: StaffRole, allowed: readonly StaffRole[]): boolean {
  return role === "owner" || allowed.includes(role);
}
