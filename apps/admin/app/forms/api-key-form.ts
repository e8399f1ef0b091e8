import {
  apiKeyCreateInputSchema,
  apiKeyLifetimes,
  staffRoleLabels,
  staffRoles,
} from "@clinic/domain";
import { missingFieldMessages } from "@clinic/form-kit";

/** The new-key form: the API's own schema (an empty practitioner select means none). */
export const apiKeyFormSchema = apiKeyCreateInputSchema;

export const apiKeyFormErrors = missingFieldMessages({
  name: "Name the key after what uses it",
  expiresInDays: "Choose when the key expires",
});

export const apiKeyRoleOptions = staffRoles.map((role) => ({
  value: role,
  label: staffRoleLabels[role],
}));

export const apiKeyLifetimeOptions = apiKeyLifetimes.map((days) => ({
  value: String(days),
  label: days === 365 ? "In a year" : `In ${days} days`,
}));
