import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** Environment variables the API reads, parsed once at start-up. */
export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  PGLITE_DATA_DIR: z.string().optional(),
  SEED_DEMO_DATA: booleanFlag.default(true),
  SEED_OWNER_PASSWORD: z.string().min(10).optional(),
  WEB_URL: z.url().default("http://localhost:3000"),
  APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters").optional(),
  ADMIN_URL: z.url().default("http://localhost:3001"),
  /** Where uploaded images (practitioner photos) are stored; default `.data/uploads` at the repo root. */
  UPLOAD_DIR: z.string().min(1).optional(),
  /** Where emails go, e.g. smtp://user:pass@smtp.example.com:587; unset, they are only logged (dev mailbox). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  if (
    parsed.data.NODE_ENV === "production" &&
    parsed.data.SEED_DEMO_DATA &&
    !parsed.data.SEED_OWNER_PASSWORD
  ) {
    throw new Error("In production set SEED_OWNER_PASSWORD, or SEED_DEMO_DATA=false");
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.APP_SECRET) {
    throw new Error("In production set APP_SECRET (32+ random characters)");
  }
  return parsed.data;
}
