import { z } from "zod";

/**
 * Signs session cookies when no SESSION_SECRET is set outside production. Anyone can read it
 * here, so cookies signed with it prove nothing: production refuses to start without a secret.
 */
export const DEV_ONLY_INSECURE_SESSION_SECRET =
  "dev-only-insecure-session-secret-never-use-in-production";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    API_URL: z
      .url({
        protocol: /^https?$/,
        message: "API_URL must be an http(s) URL such as http://localhost:4000",
      })
      .default("http://localhost:4000"),
    SESSION_SECRET: z
      .string()
      .min(32, "SESSION_SECRET must be at least 32 characters (use a long random string)")
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV === "production" && value.SESSION_SECRET === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET is required when NODE_ENV is production",
      });
    }
  });

export type Env = {
  nodeEnv: "development" | "test" | "production";
  isProduction: boolean;
  apiUrl: string;
  sessionSecret: string;
};

/** Parses the admin app's environment; throws one readable error listing every problem. */
export function parseEnv(
  source: Record<string, string | undefined>,
  warn: (message: string) => void = console.warn,
): Env {
  // An empty variable (`SESSION_SECRET=`) means "not set", not "set to nothing".
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new Error(`Invalid environment for @clinic/admin:\n${z.prettifyError(result.error)}`);
  }
  const { NODE_ENV, API_URL, SESSION_SECRET } = result.data;
  if (SESSION_SECRET === undefined) {
    warn(
      "SESSION_SECRET is not set: signing admin session cookies with a dev-only secret. " +
        "Set SESSION_SECRET (32+ random characters) before deploying.",
    );
  }
  return {
    nodeEnv: NODE_ENV,
    isProduction: NODE_ENV === "production",
    apiUrl: API_URL.replace(/\/+$/, ""),
    sessionSecret: SESSION_SECRET ?? DEV_ONLY_INSECURE_SESSION_SECRET,
  };
}

// Vite's dev server can evaluate this module again after an edit; keep one parse (and one
// warning) per process.
const globalForEnv = globalThis as typeof globalThis & { __clinicAdminEnv?: Env };

if (!globalForEnv.__clinicAdminEnv) globalForEnv.__clinicAdminEnv = parseEnv(process.env);

export const env: Env = globalForEnv.__clinicAdminEnv;
