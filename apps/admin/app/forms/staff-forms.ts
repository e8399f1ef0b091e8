import {
  emailSchema,
  idSchema,
  passwordSchema,
  personNameSchema,
  type StaffRole,
  staffRoleLabels,
  staffRoleSchema,
  staffRoles,
} from "@clinic/domain";
import { z } from "zod";

const PRACTITIONER_LINK = "Choose the practitioner this account belongs to";

/** Practitioner accounts see only their own records, so they must name their practitioner. */
function linkPractitioner(
  account: { role: StaffRole; practitionerId?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (account.role === "practitioner" && account.practitionerId === undefined) {
    ctx.addIssue({ code: "custom", message: PRACTITIONER_LINK, path: ["practitionerId"] });
  }
}

/** An empty practitioner select means "no practitioner". */
const practitionerChoice = idSchema.optional();

export const staffCreateFormSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    role: staffRoleSchema,
    practitionerId: practitionerChoice,
    password: passwordSchema,
  })
  .superRefine(linkPractitioner);

export const staffUpdateFormSchema = z
  .object({
    name: personNameSchema,
    role: staffRoleSchema,
    practitionerId: practitionerChoice,
  })
  .superRefine(linkPractitioner);

export const passwordResetFormSchema = z
  .object({
    password: passwordSchema,
    confirmPassword: z.string({ message: "Type the new password again" }),
  })
  .refine((form) => form.password === form.confirmPassword, {
    message: "The two passwords don't match",
    path: ["confirmPassword"],
  });

export const roleOptions = staffRoles.map((role) => ({
  value: role,
  label: staffRoleLabels[role],
}));

export const roleHints: Record<StaffRole, string> = {
  owner: "Everything, including settings, staff accounts and the audit log.",
  front_desk: "Bookings, patients, reviews and enquiries.",
  practitioner: "Their own bookings, hours and posts.",
};
