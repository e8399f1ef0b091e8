import { pino } from "pino";
import { redactFields, scrubText } from "./redact.js";
import { currentRequestId } from "./request-context.js";

export type LogFields = Record<string, unknown>;

/** What the apps log through: a message that says what happened, and fields that say which. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface LoggerOptions {
  /** Which app writes the line (`api`, `web`, `admin`): every line carries it as `service`. */
  service: string;
  /** The lowest level written; default `info`. */
  level?: LogLevel;
  /** Where lines go; default standard output. Each `write` gets one JSON line. */
  destination?: { write(line: string): void };
}

/**
 * A pino logger writing one JSON line per entry, with redaction on every line: fields named
 * like secrets or personal details (`token`, `password`, `email`, `phone`, `patientName`,
 * `authorization`…) are `[redacted]` at any depth, and every string, the message included, is
 * scrubbed of email addresses, phone numbers, manage links and tokens (`scrubText`). Call
 * sites can't forget it: it happens in pino's formatter, not at the call.
 */
export function createLogger(options: LoggerOptions): Logger {
  const instance = pino(
    {
      level: options.level ?? "info",
      messageKey: "message",
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Lines written while serving a request say which (see request-context.ts).
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactFields(object),
      },
      hooks: {
        // The message is a string pino writes as is: scrub it (and any printf-style arguments).
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    // LOG_FILE sends the lines to a file instead of stdout (the browser tests read them back).
    options.destination ??
      pino.destination({ dest: process.env.LOG_FILE || 1, sync: true, mkdir: true }),
  );
  const at =
    (level: "info" | "warn" | "error") =>
    (message: string, fields?: LogFields): void => {
      if (fields) instance[level](fields, message);
      else instance[level](message);
    };
  return { info: at("info"), warn: at("warn"), error: at("error") };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export interface LogEntry {
  level: string;
  message: string;
  fields?: LogFields;
}

/**
 * A logger for tests that keeps what it writes: `lines`, exactly as they would reach standard
 * output (redacted), and `entries`, the same lines parsed. Tests read them to prove what was,
 * and wasn't, logged.
 */
export function memoryLogger(service = "test"): Logger & { entries: LogEntry[]; lines: string[] } {
  const lines: string[] = [];
  const entries: LogEntry[] = [];
  const logger = createLogger({
    service,
    destination: {
      write(line: string) {
        const text = line.trimEnd();
        lines.push(text);
        const {
          level,
          message,
          time: _time,
          service: _service,
          ...fields
        } = JSON.parse(text) as Record<string, unknown>;
        entries.push({
          level: String(level),
          message: String(message ?? ""),
          ...(Object.keys(fields).length > 0 ? { fields } : {}),
        });
      },
    },
  });
  return { ...logger, entries, lines };
}
