import { EnvError, orExit, parseEnv as parseServerEnv } from "@clinic/env";
import { type TrustedProxies, trustedProxiesVariable } from "@clinic/env/trusted-proxies";
import { z } from "zod";
import { logger } from "./logger.server";

/**
 * Signs session cookies when no SESSION_SECRET is set outside production. Anyone can read it
 * here, so cookies signed with it prove nothing: production refuses to start without a secret.
 */
export const DEV_ONLY_INSECURE_SESSION_SECRET =
  "dev-only-insecure-session-secret-never-use-in-production";

export type Env = {
  nodeEnv: "development" | "test" | "production";
  isProduction: boolean;
  apiUrl: string;
  sessionSecret: string;
  /** Where the production server (server.ts) listens; `remix vite:dev` takes its own port. */
  port: number;
  host: string | undefined;
  /** Proxies in front of the admin whose X-Forwarded-For is believed; default loopback. */
  trustedProxies: TrustedProxies;
};

const NOT_A_PORT = "must be a port number, e.g. 3001";

/** Parses the admin app's environment; throws one readable error naming every problem. */
export function parseEnv(
  source: Record<string, string | undefined>,
  warn: (message: string) => void = (message) => logger.warn(message),
): Env {
  const env = parseServerEnv(
    "@clinic/admin",
    {
      NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
      API_URL: z
        .url({
          protocol: /^https?$/,
          message: "must be an http(s) URL such as http://localhost:4000",
        })
        .default("http://localhost:4000"),
      SESSION_SECRET: z
        .string()
        .min(32, "must be at least 32 characters (use a long random string)")
        .optional(),
      PORT: z.coerce
        .number({ message: NOT_A_PORT })
        .int(NOT_A_PORT)
        .min(1, NOT_A_PORT)
        .max(65_535, NOT_A_PORT)
        .default(3001),
      /** Unset: every interface, as Node's default. */
      HOST: z.string().optional(),
      TRUSTED_PROXIES: trustedProxiesVariable(),
    },
    source,
  );
  if (env.SESSION_SECRET === undefined) {
    if (env.NODE_ENV === "production") {
      throw new EnvError("@clinic/admin", [
        { path: ["SESSION_SECRET"], message: "required when NODE_ENV is production" },
      ]);
    }
    warn(
      "SESSION_SECRET is not set: signing admin session cookies with a dev-only secret. " +
        "Set SESSION_SECRET (32+ random characters) before deploying.",
    );
  }
  return {
    nodeEnv: env.NODE_ENV,
    isProduction: env.NODE_ENV === "production",
    apiUrl: env.API_URL.replace(/\/+$/, ""),
    sessionSecret: env.SESSION_SECRET ?? DEV_ONLY_INSECURE_SESSION_SECRET,
    port: env.PORT,
    host: env.HOST,
    trustedProxies: env.TRUSTED_PROXIES,
  };
}

// Vite's dev server can evaluate this module again after an edit; keep one parse (and one
// warning) per process.
const globalForEnv = globalThis as typeof globalThis & { __clinicAdminEnv?: Env };

if (!globalForEnv.__clinicAdminEnv)
  globalForEnv.__clinicAdminEnv = orExit(() => parseEnv(process.env));

export const env: Env = globalForEnv.__clinicAdminEnv;
