import { EnvError, orExit, parseEnv } from "@clinic/env";
import { trustedProxiesVariable } from "@clinic/env/trusted-proxies";
import { z } from "zod";

const NOT_A_PORT = "must be a port number, e.g. 3000";

const httpUrl = (example: string) =>
  z.url({ protocol: /^https?$/, message: `must be an http(s) URL, e.g. ${example}` });

/**
 * The public site's environment variables, parsed once. A missing or invalid variable throws
 * an `EnvError` naming it, so the server stops at start-up instead of failing on a request.
 */
export function loadEnv(runtimeEnv: Record<string, string | undefined> = process.env) {
  return parseEnv(
    "@clinic/web",
    {
      // `pnpm start` runs production; `remix vite:dev` sets development, vitest sets test.
      NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
      API_URL: httpUrl("http://localhost:4000").default("http://localhost:4000"),
      /** Overrides the clinic's `websiteUrl` setting for absolute links (staging, previews). */
      SITE_URL: httpUrl("https://westsidesportschiro.com.au").optional(),
      PORT: z.coerce
        .number({ message: NOT_A_PORT })
        .int(NOT_A_PORT)
        .min(1, NOT_A_PORT)
        .max(65_535, NOT_A_PORT)
        .default(3000),
      /** Unset: every interface, as Node's default. */
      HOST: z.string().optional(),
      /**
       * How often (ms) this instance asks the API whether public content changed
       * (`GET /content-version`); cached pages are dropped when it did (decision 016).
       */
      CONTENT_VERSION_POLL_MS: z.coerce
        .number({ message: "must be a number of milliseconds, e.g. 1000" })
        .int("must be a whole number of milliseconds")
        .min(100, "must be at least 100 (ms)")
        .max(60_000, "must be at most 60000 (ms): pages would lag behind published changes")
        .default(1_000),
      /** Proxies in front of the site whose X-Forwarded-For is believed; default loopback. */
      TRUSTED_PROXIES: trustedProxiesVariable(),
      /** Signs the patient session cookie ("Your bookings"); required in production. */
      SESSION_SECRET: z
        .string()
        .min(32, "must be at least 32 characters (use a long random string)")
        .optional(),
    },
    runtimeEnv,
  );
}

export type Env = ReturnType<typeof loadEnv>;

/**
 * Signs the patient session cookie when no SESSION_SECRET is set outside production. Anyone can
 * read it here, so cookies signed with it prove nothing: production refuses to start without one.
 */
export const DEV_ONLY_INSECURE_SESSION_SECRET =
  "dev-only-insecure-web-session-secret-never-use-in-production";

/** The environment with the secrets production can't run without checked (SESSION_SECRET). */
export function requireProductionSecrets(loaded: Env): Env {
  if (loaded.NODE_ENV === "production" && loaded.SESSION_SECRET === undefined) {
    throw new EnvError("@clinic/web", [
      { path: ["SESSION_SECRET"], message: "required when NODE_ENV is production" },
    ]);
  }
  return loaded;
}

/** The secret patient session cookies are signed with. */
export function sessionSecretOf(loaded: Env): string {
  return loaded.SESSION_SECRET ?? DEV_ONLY_INSECURE_SESSION_SECRET;
}

/**
 * The environment this process started with. `server.ts` imports it before anything else, so a
 * bad variable ends start-up with the message (one line a variable) rather than a stack trace.
 */
export const env: Env = orExit(() => requireProductionSecrets(loadEnv()));
