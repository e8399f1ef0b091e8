import { z } from "zod";

/**
 * The two anti-spam fields every public form carries: a honeypot people never see (named
 * like a field bots love to fill) and the signed token the API issued when the form was
 * rendered (it holds the time, so the API can refuse a form sent faster than a person types).
 */
export const formGuardFields = {
  website: z.string().max(500).optional(),
  formToken: z.string().max(200).optional(),
};

/** The API's names for the guard fields. */
export function formGuard(value: { website?: string | undefined; formToken?: string | undefined }) {
  return { honeypot: value.website, formToken: value.formToken };
}
