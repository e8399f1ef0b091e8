import { createLogger } from "@clinic/logger";

/** The admin app's server-side logger: JSON lines, redacted like the API's (see @clinic/logger). */
export const logger = createLogger({ service: "admin" });
