import { EnvError } from "@clinic/env";
import { z } from "zod";
import { httpSmsProvider, type SmsProvider } from "./sms-provider.js";

/** The API's SMS variables (decision 030); all four of the provider's, or none (texts off). */
export const smsVariables = {
  /** The provider's API address, e.g. https://api.twilio.com; unset, no texts are sent. */
  SMS_PROVIDER_URL: z.url().optional(),
  SMS_ACCOUNT_SID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/, "letters, digits, - and _ only")
    .optional(),
  SMS_AUTH_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** The number texts come from (E.164) or an alphanumeric sender id. */
  SMS_FROM: z
    .string()
    .regex(/^(\+[1-9][0-9]{6,14}|[A-Za-z0-9 ]{1,11})$/, "an E.164 number or a sender id")
    .optional(),
  /** The full address the provider posts replies to, as set at the provider; signatures cover it. */
  SMS_WEBHOOK_URL: z.url().optional(),
};

export interface SmsSetup {
  provider: SmsProvider;
  /** Checks the provider's signature on replies (STOP, START). */
  authToken: string;
  /** What the provider signs replies with; unset, the address the request arrived at. */
  webhookUrl?: string | undefined;
}

type SmsEnv = {
  SMS_PROVIDER_URL?: string | undefined;
  SMS_ACCOUNT_SID?: string | undefined;
  SMS_AUTH_TOKEN?: string | undefined;
  SMS_FROM?: string | undefined;
  SMS_WEBHOOK_URL?: string | undefined;
};

const REQUIRED = ["SMS_PROVIDER_URL", "SMS_ACCOUNT_SID", "SMS_AUTH_TOKEN", "SMS_FROM"] as const;

/**
 * The SMS provider the variables describe, or null when none of them is set. Some but not
 * all of them is a mistake worth stopping for: an `EnvError` names the missing ones.
 */
export function smsSetupFrom(env: SmsEnv): SmsSetup | null {
  const set = REQUIRED.filter((name) => env[name] !== undefined);
  if (set.length === 0) return null;
  if (set.length < REQUIRED.length) {
    throw new EnvError(
      "@clinic/api",
      REQUIRED.filter((name) => env[name] === undefined).map((name) => ({
        path: [name],
        message: `required when ${set.join(", ")} ${set.length === 1 ? "is" : "are"} set`,
      })),
    );
  }
  const authToken = env.SMS_AUTH_TOKEN!;
  return {
    provider: httpSmsProvider({
      baseUrl: env.SMS_PROVIDER_URL!,
      accountSid: env.SMS_ACCOUNT_SID!,
      authToken,
      from: env.SMS_FROM!,
    }),
    authToken,
    webhookUrl: env.SMS_WEBHOOK_URL,
  };
}
