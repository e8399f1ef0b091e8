import { z } from "zod";
import type { $ZodErrorMap } from "zod/v4/core";

/**
 * The two anti-spam fields every public form carries: a honeypot people never see (named
 * like a field bots love to fill) and the time the form was rendered, in ms since the epoch.
 */
export const formGuardFields = {
  website: z.string().max(500).optional(),
  renderedAt: z.number().int().positive().optional(),
};

/** The API's names for the guard fields. */
export function formGuard(value: {
  website?: string | undefined;
  renderedAt?: number | undefined;
}) {
  return { honeypot: value.website, renderedAt: value.renderedAt };
}

/**
 * Conform submits an empty field as missing, which zod reports as "expected string, received
 * undefined": name the field in plain words instead. Every other message comes from the schema.
 */
export function missingFieldMessages(messages: Record<string, string>): $ZodErrorMap {
  return (issue) => {
    if (issue.code !== "invalid_type" || issue.input !== undefined) return undefined;
    const field = issue.path?.join(".");
    return field === undefined ? undefined : messages[field];
  };
}
