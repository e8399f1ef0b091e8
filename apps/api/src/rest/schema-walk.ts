import type { ZodType } from "zod";

// Reading a procedure's zod schema (zod 4's `_zod.def`) to turn what HTTP carries into what the
// schema expects: query strings into numbers and booleans, ISO strings into Dates. The schema
// still validates everything; these only convert values that look right, so a wrong one is
// reported by the schema with its field's message.

interface Def {
  type: string;
  innerType?: ZodType;
  in?: ZodType;
  out?: ZodType;
  shape?: Record<string, ZodType>;
  element?: ZodType;
  options?: ZodType[];
}

const def = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set([
  "optional",
  "nullable",
  "default",
  "prefault",
  "catch",
  "readonly",
  "nonoptional",
]);

/** The schema under optional/nullable/default wrappers and the input side of pipes. */
export function unwrap(schema: ZodType): ZodType {
  let current = schema;
  for (let depth = 0; depth < 20; depth++) {
    const d = def(current);
    if (WRAPPERS.has(d.type) && d.innerType) current = d.innerType;
    else if (d.type === "pipe" && d.in) current = d.in;
    else break;
  }
  return current;
}

/** An object schema's fields (none for anything else). */
export function shapeOf(schema: ZodType | undefined): Record<string, ZodType> {
  if (!schema) return {};
  const d = def(unwrap(schema));
  return d.type === "object" && d.shape ? d.shape : {};
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `value` with ISO 8601 instants turned into Dates wherever `schema` expects a date. */
export function reviveDates(schema: ZodType, value: unknown): unknown {
  const inner = unwrap(schema);
  const d = def(inner);
  if (d.type === "date") {
    return typeof value === "string" && ISO_INSTANT.test(value) ? new Date(value) : value;
  }
  if (
    d.type === "object" &&
    d.shape &&
    value &&
    typeof value === "object" &&
    !Array.isArray(value)
  ) {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, field] of Object.entries(d.shape)) {
      if (key in out) out[key] = reviveDates(field, out[key]);
    }
    return out;
  }
  if (d.type === "array" && d.element && Array.isArray(value)) {
    return value.map((item) => reviveDates(d.element!, item));
  }
  return value;
}

/** A query string as the schema's input: repeated keys as arrays, numbers and booleans converted. */
export function fromQuery(
  schema: ZodType | undefined,
  query: URLSearchParams,
): Record<string, unknown> {
  const shape = shapeOf(schema);
  const input: Record<string, unknown> = {};
  for (const key of new Set(query.keys())) {
    const field = shape[key];
    const values = query.getAll(key);
    const kind = field ? def(unwrap(field)).type : "string";
    const convert = (raw: string): unknown => {
      if (kind === "number" && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
      if (kind === "boolean" && (raw === "true" || raw === "false")) return raw === "true";
      return raw;
    };
    input[key] = kind === "array" ? values.map(convert) : convert(values[values.length - 1]!);
  }
  return (schema ? reviveDates(schema, input) : input) as Record<string, unknown>;
}
