import {
  type CreateEnv,
  createEnv,
  type DefaultCombinedSchema,
  type StandardSchemaDictionary,
} from "@t3-oss/env-core";

type Issue = {
  message: string;
  path?: readonly (PropertyKey | { key: PropertyKey })[] | undefined;
};

/** What's wrong with an app's environment, one line per variable; start-up stops with it. */
export class EnvError extends Error {
  override name = "EnvError";
  constructor(app: string, issues: readonly Issue[]) {
    const lines = issues.map((issue) => {
      const name = issue.path?.map((p) => String(typeof p === "object" ? p.key : p)).join(".");
      return `  ${name || "environment"}: ${issue.message}`;
    });
    super(`Invalid environment for ${app}:\n${lines.join("\n")}`);
  }
}

/**
 * Parses an app's server-side variables with `@t3-oss/env-core`: an empty
 * variable counts as unset (`SMTP_URL=` in a .env file), and every invalid
 * one is named in a single `EnvError`. Rules across variables (secrets
 * required in production) are the app's to check after, with `EnvError` too.
 */
export function parseEnv<TServer extends StandardSchemaDictionary>(
  app: string,
  server: TServer,
  runtimeEnv: Record<string, string | undefined>,
): CreateEnv<DefaultCombinedSchema<TServer, NonNullable<unknown>, NonNullable<unknown>>, []> {
  return createEnv<undefined, TServer>({
    server,
    runtimeEnv,
    isServer: true,
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      throw new EnvError(app, issues as readonly Issue[]);
    },
  });
}

/**
 * For a process's start: an `EnvError` prints its lines and ends the process
 * (status 1) instead of a stack trace; any other error is thrown on.
 */
export function orExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
