import { EnvError, parseEnv } from "@clinic/env";
import { trustedProxiesVariable } from "@clinic/env/trusted-proxies";
import { z } from "zod";
import { smsSetupFrom, smsVariables } from "./sms/sms-config.js";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/**
 * The API's environment variables, parsed once at start-up. A missing or
 * invalid variable throws an `EnvError` naming it; so does a production
 * start without the secrets it needs.
 */
export function loadConfig(runtimeEnv: Record<string, string | undefined> = process.env) {
  const config = parseEnv(
    "@clinic/api",
    {
      NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
      HOST: z.string().default("0.0.0.0"),
      PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
      DATABASE_URL: z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
        .optional(),
      PGLITE_DATA_DIR: z.string().optional(),
      SEED_DEMO_DATA: booleanFlag.default(true),
      SEED_OWNER_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
      WEB_URL: z.url().default("http://localhost:3000"),
      ADMIN_URL: z.url().default("http://localhost:3001"),
      APP_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
      /** Where uploaded images (practitioner photos) are stored; default `.data/uploads` at the repo root. */
      UPLOAD_DIR: z.string().min(1).optional(),
      /** An S3-compatible bucket for uploaded images instead of UPLOAD_DIR (decision 021). */
      UPLOAD_S3_BUCKET: z.string().min(1).optional(),
      /** The bucket's service address, e.g. https://s3.eu-west-1.amazonaws.com. */
      UPLOAD_S3_ENDPOINT: z.url().optional(),
      UPLOAD_S3_REGION: z.string().min(1).default("us-east-1"),
      UPLOAD_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
      UPLOAD_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
      /** Prepended to every object key, e.g. `uploads/`. */
      UPLOAD_S3_PREFIX: z
        .string()
        .regex(/^[A-Za-z0-9._/-]*$/, "letters, digits, . _ - and / only")
        .default(""),
      /** Where emails go, e.g. smtp://user:pass@smtp.example.com:587; unset, they stay in the dev mailbox. */
      SMTP_URL: z
        .string()
        .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")
        .optional(),
      /** Pause between housekeeping runs (expired sessions, old counters, old email bodies). */
      HOUSEKEEPING_INTERVAL_MS: z.coerce
        .number()
        .int()
        .min(1_000, "must be at least 1000 (a second)")
        .max(86_400_000, "must be at most 86400000 (a day)")
        .default(3_600_000),
      /** Pause between scheduled backups (database and uploads); unset, the API takes none. */
      BACKUP_INTERVAL_MS: z.coerce
        .number()
        .int()
        .min(60_000, "must be at least 60000 (a minute)")
        .max(604_800_000, "must be at most 604800000 (a week)")
        .optional(),
      /** How many scheduled backups to keep in BACKUP_DIR; older ones are deleted. */
      BACKUP_KEEP: z.coerce
        .number()
        .int()
        .min(1, "must be at least 1")
        .max(10_000, "must be at most 10000")
        .default(7),
      /** Where backups are written (scheduled and `pnpm db:backup`); default `.data/backups`. */
      BACKUP_DIR: z.string().min(1).optional(),
      /** Peers whose X-Forwarded-For is believed (the sites, a load balancer); default loopback. */
      TRUSTED_PROXIES: trustedProxiesVariable(),
      /** The bearer token a Prometheus scraper sends to `/metrics`; unset, the route is off. */
      METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
      /** How long a patient on the waitlist has to claim an offered time (decision 028). */
      WAITLIST_OFFER_HOURS: z.coerce
        .number()
        .int()
        .min(1, "must be at least 1 (an hour)")
        .max(168, "must be at most 168 (a week)")
        .default(12),
      /** Pause between the waitlist's looks for free times to offer (every instance looks). */
      WAITLIST_MATCH_INTERVAL_MS: z.coerce
        .number()
        .int()
        .min(1_000, "must be at least 1000 (a second)")
        .max(3_600_000, "must be at most 3600000 (an hour)")
        .default(60_000),
      /** Lets production run without SMTP_URL: emails then stay unsent in the outbox. */
      ALLOW_LOG_MAILER: booleanFlag.default(false),
      /** Lets webhooks go to private, loopback and link-local addresses and plain http (development, tests). */
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: booleanFlag.default(false),
      ...smsVariables,
    },
    runtimeEnv,
  );
  if (config.UPLOAD_S3_BUCKET) {
    const needed = [
      "UPLOAD_S3_ENDPOINT",
      "UPLOAD_S3_ACCESS_KEY_ID",
      "UPLOAD_S3_SECRET_ACCESS_KEY",
    ] as const;
    const absent = needed.filter((name) => !config[name]);
    if (absent.length > 0) {
      throw new EnvError(
        "@clinic/api",
        absent.map((name) => ({ path: [name], message: "required when UPLOAD_S3_BUCKET is set" })),
      );
    }
  }
  // All four SMS_ provider variables or none: throws an EnvError naming the missing ones.
  smsSetupFrom(config);
  if (config.NODE_ENV === "production") {
    const missing: { path: string[]; message: string }[] = [];
    if (!config.APP_SECRET) {
      missing.push({
        path: ["APP_SECRET"],
        message: "required in production (32+ random characters)",
      });
    }
    if (config.SEED_DEMO_DATA && !config.SEED_OWNER_PASSWORD) {
      missing.push({
        path: ["SEED_OWNER_PASSWORD"],
        message: "required in production when SEED_DEMO_DATA is on (or set SEED_DEMO_DATA=false)",
      });
    }
    // Without SMTP, production would silently send no booking confirmation at all.
    if (!config.SMTP_URL && !config.ALLOW_LOG_MAILER) {
      missing.push({
        path: ["SMTP_URL"],
        message:
          "required in production: emails would never be sent (set ALLOW_LOG_MAILER=true to run without)",
      });
    }
    if (missing.length > 0) throw new EnvError("@clinic/api", missing);
  }
  return config;
}

export type Config = ReturnType<typeof loadConfig>;
