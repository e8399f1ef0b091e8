/** What a redacted field's value becomes. */
export const REDACTED = "[redacted]";

// Field names whose values are secret or identify a person, compared without case or
// separators: `manage_token`, `manageToken` and `MANAGE-TOKEN` are the same field.
const SENSITIVE_KEYS = new Set([
  "authorization",
  "cookie",
  "setcookie",
  "to",
  "cc",
  "bcc",
  "replyto",
  "toaddress",
  "body",
  "text",
  "html",
  "notes",
  "params",
  "input",
  "rawinput",
  "patient",
  "address",
]);
const SENSITIVE_SUFFIXES = ["token", "password", "passwd", "secret", "email", "phone", "name"];
// Names of things, not people: kept.
const NAMES_OF_THINGS = new Set([
  "hostname",
  "filename",
  "pathname",
  "typename",
  "constraintname",
  "tablename",
  "columnname",
  "schemaname",
  "routinename",
]);

/** Whether a field of this name is redacted whatever its value (`patientName`, `sessionToken`…). */
export function isSensitiveKey(key: string): boolean {
  const normal = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (SENSITIVE_KEYS.has(normal)) return true;
  if (NAMES_OF_THINGS.has(normal)) return false;
  return SENSITIVE_SUFFIXES.some((suffix) => normal.endsWith(suffix));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A long run of URL-safe characters mixing letter cases or digits: a token, not a word or an id. */
function looksLikeToken(run: string): boolean {
  if (UUID.test(run)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((kind) => kind.test(run)).length;
  return classes >= 2;
}

/**
 * The rules, in order. Earlier rules remove what later ones would only half catch (a URL's
 * credentials before the email rule, a manage link before the token rule).
 */
const RULES: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  // Drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <every bound value>".
  [/(\bparams: )[^\n]*/g, `$1${REDACTED}`],
  [/\b(Bearer|Basic)\s+(?!\[redacted\])[^\s,;"'\]]+/gi, `$1 ${REDACTED}`],
  // A booking's manage link and its calendar file hold the manage token.
  // (Not again once replaced: the web's access log hands over paths it has already cleaned.)
  [/(\/manage\/)(?!\[token\])[^\s/?#"'<>)\]]+/g, "$1[token]"],
  [/(\/bookings\/)(?!\[token\])[^\s/?#"'<>)\]]+(\/calendar)/g, "$1[token]$2"],
  // A patient's one-time sign-in link (self-service, decision 031).
  [/(\/account\/sign-in\/)(?!\[token\])[^\s/?#"'<>)\]]+/g, "$1[token]"],
  // A practitioner's calendar feed address is a secret too.
  [/(\/calendar\/practitioners\/)(?!\[token\])[^\s/?#"'<>)\]]+/g, "$1[token]"],
  // A waitlist offer's claim link books the time (decision 028).
  [/(\/waitlist\/)(?!\[token\])[^\s/?#"'<>)\]]+/g, "$1[token]"],
  // A patient's intake form link (decision 029).
  [/(\/intake\/)(?!\[token\])[^\s/?#"'<>)\]]+/g, "$1[token]"],
  // Credentials in a URL (smtp://user:pass@host).
  [/(\b[a-z][a-z0-9+.-]*:\/\/)(?!\[redacted\]@)[^\s/@"'<>]+@/gi, `$1${REDACTED}@`],
  // Secrets in a query string or a cookie header (`__clinic_admin=…`, `__session=…`).
  [
    /\b(__\w+|session|token|password|secret|api[_-]?key)=(?!\[redacted\])[^&\s;"'<>]+/gi,
    `$1=${REDACTED}`,
  ],
  // The domain ends in a name, not a number: `drizzle-orm@0.45.4` in a stack is a package.
  [/[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z][A-Za-z0-9-]*/g, "[email]"],
  [
    /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g,
    (run) => (looksLikeToken(run) ? "[token]" : run),
  ],
  // Eight to fifteen digits, alone or in groups split by single spaces or dashes, with an
  // optional "+" and bracketed area code: 0412 987 654, +61 2 9876 5432, (02) 9000 1234.
  [
    /(?<![\w+-])\+?(?:\(\d{1,4}\)|\d)(?:[ -]?(?:\(\d{1,4}\)|\d)){7,14}(?![\w-])/g,
    (digits) => (ISO_DATE.test(digits) ? digits : "[phone]"),
  ],
];

/**
 * Removes from free text whatever looks like a secret or a contact detail: email addresses,
 * phone numbers, manage links, bearer and session tokens, long random tokens, URL
 * credentials, and the bound parameters of a failed query. Names can't be recognised by
 * their value; fields that hold them are redacted by name (`isSensitiveKey`).
 */
export function scrubText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) {
    result = result.replace(pattern, replacement as string);
  }
  return result;
}

const MAX_DEPTH = 8;

/** An error as a log can hold it: its type, code, scrubbed message and stack, and its cause. */
function errorFields(error: Error, seen: WeakSet<object>, depth: number): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  const fields: Record<string, unknown> = {
    type: error.name,
    message: scrubText(error.message),
  };
  if (typeof code === "string" || typeof code === "number") fields.code = code;
  if (error.stack) fields.stack = scrubText(error.stack);
  if (error.cause !== undefined) fields.cause = redactValue(error.cause, seen, depth + 1);
  return fields;
}

function redactValue(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") {
    return typeof value === "bigint" ? value.toString() : value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[too deep]";
  seen.add(value);
  try {
    if (value instanceof Error) return errorFields(value, seen, depth);
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return "[binary]";
    if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1));
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] =
        isSensitiveKey(key) && item !== null && item !== undefined
          ? REDACTED
          : redactValue(item, seen, depth + 1);
    }
    return result;
  } finally {
    seen.delete(value);
  }
}

/**
 * A log entry's fields with sensitive fields replaced by `[redacted]` at any depth, every
 * string scrubbed (`scrubText`), and errors turned into plain, scrubbed objects.
 */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactValue(fields, new WeakSet(), 0) as Record<string, unknown>;
}
