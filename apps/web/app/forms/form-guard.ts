import { z } from "zod";

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
