import { createLogger } from "@clinic/logger";

// The API logs through the one structured, redacting logger the three apps share.
export { type Logger, memoryLogger, silentLogger } from "@clinic/logger";

/** The API's logger: JSON lines on standard output, redacted (see @clinic/logger). */
export const apiLogger = createLogger({ service: "api" });
