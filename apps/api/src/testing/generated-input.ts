import fc from "fast-check";
import type { ZodType } from "zod";

/**
 * Generated input for the router-walking test (trpc/generated-input.test.ts).
 *
 * `validLooking(schema, hints)` turns a procedure's zod 4 input schema into a
 * fast-check arbitrary of values that mostly pass the schema, so a mutated
 * sample gets past validation and reaches the service code; `hostileValue`
 * is what the mutation puts in. zod-fast-check would do the first part, but
 * it supports only zod 3 and fast-check 3 (we run zod 4 and fast-check 4),
 * and faker-based generators can't be replayed from fast-check's seed; so
 * this walks zod 4's schema definitions itself (see decision in the test).
 * Refinements it can't see (a real time zone, a slot that is free) are met
 * by `hints`: arbitraries chosen by field name, fed with the seeded clinic.
 */

/**
 * Arbitraries by field name (the last key of the path), tried before the
 * schema's own shape: "key:type" (zod's type of the unwrapped field, e.g.
 * "from:string" for a local date, "from:date" for an instant) first, then "key".
 */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

interface ZodInternals {
  _zod: {
    def: {
      type: string;
      checks?: { _zod: { def: Record<string, unknown> } }[];
      format?: string;
      pattern?: RegExp;
      shape?: Record<string, ZodType>;
      innerType?: ZodType;
      element?: ZodType;
      options?: ZodType[];
      entries?: Record<string, string | number>;
      values?: unknown[];
      in?: ZodType;
      out?: ZodType;
      left?: ZodType;
      right?: ZodType;
    };
  };
}

const def = (schema: ZodType) => (schema as unknown as ZodInternals)._zod.def;

/** The length bounds, formats and patterns a string schema checks. */
function stringRules(schema: ZodType) {
  const d = def(schema);
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  const formats = d.format ? [d.format] : [];
  const patterns = d.pattern ? [d.pattern] : [];
  for (const check of d.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "min_length") min = Math.max(min, c.minimum as number);
    if (c.check === "max_length") max = Math.min(max, c.maximum as number);
    if (c.check === "length_equals") min = max = c.length as number;
    if (c.check === "string_format") {
      if (c.format === "regex" && c.pattern instanceof RegExp) patterns.push(c.pattern);
      else if (typeof c.format === "string") formats.push(c.format);
    }
  }
  return { min, max, formats, patterns };
}

function numberRules(schema: ZodType) {
  let min = -1_000_000;
  let max = 1_000_000;
  let int = false;
  for (const check of def(schema).checks ?? []) {
    const c = check._zod.def;
    if (c.check === "number_format") int = String(c.format).includes("int");
    if (c.check === "greater_than")
      min = Math.max(min, (c.value as number) + (c.inclusive ? 0 : 1));
    if (c.check === "less_than") max = Math.min(max, (c.value as number) - (c.inclusive ? 0 : 1));
  }
  return { min, max: Math.max(min, max), int };
}

const localDate = (min: Date, max: Date) =>
  fc.date({ min, max, noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function stringArbitrary(schema: ZodType, when: { from: Date; to: Date }): fc.Arbitrary<string> {
  const { min, max, formats, patterns } = stringRules(schema);
  const format = formats[0];
  if (format === "uuid" || format === "guid") return fc.uuid({ version: 4 });
  if (format === "email") return fc.constantFrom("pat@example.com", "Jo.Runner+1@example.org");
  if (format === "url") return fc.constantFrom("https://example.com/a.png", "https://example.org/");
  if (format === "date") return localDate(when.from, when.to);
  if (format === "datetime")
    return fc
      .date({ min: when.from, max: when.to, noInvalidDate: true })
      .map((d) => d.toISOString());
  const [pattern] = patterns;
  const upTo = Math.min(max, Math.max(min, 40));
  if (pattern) {
    return fc
      .stringMatching(pattern)
      .filter((s) => s.length >= min && s.length <= max && patterns.every((p) => p.test(s)));
  }
  return fc
    .string({ minLength: min, maxLength: upTo, unit: "grapheme-ascii" })
    .filter((s) => s.trim().length >= min);
}

/**
 * Values that (mostly) pass `schema`. `hints` replace a field's arbitrary by
 * its key; `when` bounds generated dates near the test clock.
 */
export function validLooking(
  schema: ZodType,
  hints: Hints,
  when: { from: Date; to: Date },
  key?: string,
): fc.Arbitrary<unknown> {
  const d = def(schema);
  const inner = (s: ZodType, k = key) => validLooking(s, hints, when, k);
  // Wrappers pass the key on, so a hint fills an optional or nullable field too.
  const hint = WRAPPERS.has(d.type) ? undefined : key && (hints[`${key}:${d.type}`] ?? hints[key]);
  if (hint) return fc.oneof({ weight: 5, arbitrary: hint }, { weight: 1, arbitrary: shaped() });
  return shaped();

  function shaped(): fc.Arbitrary<unknown> {
    switch (d.type) {
      case "string":
        return stringArbitrary(schema, when);
      case "number": {
        const { min, max, int } = numberRules(schema);
        return int
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      }
      case "boolean":
        return fc.boolean();
      case "date":
        return fc.date({ min: when.from, max: when.to, noInvalidDate: true });
      case "enum":
        return fc.constantFrom(...Object.values(d.entries ?? {}));
      case "literal":
        return fc.constantFrom(...(d.values ?? [undefined]));
      case "object": {
        const shape = d.shape ?? {};
        const required = Object.entries(shape)
          .filter(([, s]) => !["optional", "default"].includes(def(s).type))
          .map(([k]) => k);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, s] of Object.entries(shape)) record[k] = inner(s, k);
        return fc.record(record, { requiredKeys: required });
      }
      case "array":
        return fc.array(inner(d.element!), { minLength: 1, maxLength: 4 });
      case "optional":
        return fc.option(inner(d.innerType!), { nil: undefined, freq: 4 });
      case "nullable":
        return fc.option(inner(d.innerType!), { nil: null, freq: 4 });
      case "default":
      case "prefault":
      case "readonly":
      case "catch":
        return fc.option(inner(d.innerType!), { nil: undefined, freq: 4 });
      case "pipe":
        // A string normalised then checked (trim → email): the checked side says what is valid.
        return def(d.out!).type === "string" ? inner(d.out!) : inner(d.in!);
      case "union":
        return fc.oneof(...(d.options ?? []).map((s) => inner(s)));
      case "intersection":
        return fc
          .tuple(inner(d.left!), inner(d.right!))
          .map(([a, b]) => ({ ...(a as object), ...(b as object) }));
      default:
        // transform, custom, any, unknown: nothing to go by.
        return fc.constant(undefined);
    }
  }
}

const WRAPPERS = new Set([
  "optional",
  "nullable",
  "default",
  "prefault",
  "readonly",
  "catch",
  "pipe",
]);

function deeplyNested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Objects with own keys that are dangerous as property names (made with JSON.parse, so they are own keys). */
const prototypeKeyed = fc.constantFrom(
  () => JSON.parse('{"__proto__":{"polluted":true}}'),
  () => JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  () => JSON.parse('{"__proto__":null,"toString":"x","valueOf":1,"hasOwnProperty":2}'),
);

/** Strings a careless client or an attacker sends. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "Pat\u0000Runner",
    "\uD800",
    "x\uDFFFy",
    "\uDBFF\uDFFF",
    "\u202E\u200B\uFEFF",
    "\r\n\t\u0007\u001b[31m",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "'); DROP TABLE bookings; --",
    "%00%0d%0a",
    "__proto__",
    "constructor",
    "prototype",
    "0001-01-01",
    "0001-01-01T00:00:00Z",
    "+275760-09-13T00:00:00.000Z",
    "-271821-04-20T00:00:00.000Z",
    "+275761-01-01",
    "2026-02-30",
    "24:60",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "Ω≈ç√∫˜µ≤≥÷ 田中さんにあげて下さい 🏃‍♀️🏳️‍🌈",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
  ),
  fc.constantFrom(1_000, 70_000, 300_000).map((n) => "x".repeat(n)),
  fc.uuid({ version: 4 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)) }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1e308, -1e308, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.NaN),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE),
  fc.integer(),
  fc.double(),
);

const hostileDate = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(new Date(8.64e15), new Date(-8.64e15)) },
  fc.constantFrom(
    new Date("0001-01-01T00:00:00Z"),
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date(Number.NaN),
    new Date("9999-12-31T23:59:59Z"),
    new Date("1900-01-01T00:00:00Z"),
    new Date(0),
  ),
  fc.date(),
);

/**
 * A hostile value of the same type as `value`: the kind that passes a
 * schema's type check (a string with NUL, a date in year 275760, an unknown
 * id) and so reaches the service and the database.
 */
export function sameTypeHostile(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === "string") return hostileString;
  if (typeof value === "number") return hostileNumber;
  if (value instanceof Date) return hostileDate;
  return hostileValue;
}

/** Any hostile value: wrong types, extreme numbers and dates, odd objects, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      null,
      undefined,
      true,
      false,
      0,
      -0,
      -1,
      0.5,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER + 2,
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 53,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.MIN_VALUE,
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      new Date("0001-01-01T00:00:00Z"),
      new Date(8.64e15),
      new Date(-8.64e15),
      new Date(Number.NaN),
      new Date("9999-12-31T23:59:59Z"),
      new Date("1900-01-01T00:00:00Z"),
      new Date(0),
    ),
  },
  { weight: 1, arbitrary: fc.date() },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 2, arbitrary: prototypeKeyed.map((make) => make()) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        (): unknown => [],
        () => ({}),
        () => [{}],
        () => deeplyNested(200),
        () => deeplyNested(3000),
        () => new Map([["a", 1]]),
        () => new Set([1]),
        () => /x/g,
        () => new Error("boom"),
        () => Array.from({ length: 5000 }, (_, i) => i),
      )
      .map((make) => make()),
  },
  {
    weight: 2,
    arbitrary: fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
    }),
  },
);

/** Every path to a value inside `value` (object keys and array indices), the root excluded. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object" || value instanceof Date) return [];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value as object);
  return keys.flatMap((k) => {
    const path = [...prefix, k];
    return [path, ...pathsOf((value as Record<string | number, unknown>)[k], path)];
  });
}

/** A copy of `value` with the value at `path` replaced (`undefined` with `remove` deletes it). */
export function withAt(
  value: unknown,
  path: (string | number)[],
  replacement: unknown,
  remove = false,
): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
    else delete copy[head];
  } else {
    // defineProperty: a key such as "__proto__" becomes an own property, as JSON.parse would make it.
    Object.defineProperty(copy, head, {
      value: withAt(copy[head], rest, replacement, remove),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** How one generated input was made from a valid-looking sample: what was changed, and where. */
export type Mutation =
  | { kind: "none" }
  | { kind: "replace-field"; path: (string | number)[]; value: unknown }
  | { kind: "remove-field"; path: (string | number)[] }
  | { kind: "extra-field"; path: (string | number)[]; value: unknown }
  | { kind: "replace-input"; value: unknown };

/** A sample and one mutation of it: the input the test sends. */
export function mutatedInput(valid: fc.Arbitrary<unknown>) {
  const extraKey = fc.constantFrom("__proto__", "constructor", "extra", "isAdmin", "role", "id");
  return valid.chain((sample) => {
    const paths = pathsOf(sample);
    const mutations: fc.Arbitrary<Mutation>[] = [
      fc.constant<Mutation>({ kind: "none" }),
      hostileValue.map<Mutation>((value) => ({ kind: "replace-input", value })),
      fc
        .tuple(fc.constantFrom<(string | number)[]>([], ...paths), extraKey, hostileValue)
        .map<Mutation>(([at, key, value]) => ({ kind: "extra-field", path: [...at, key], value })),
    ];
    if (paths.length > 0) {
      const path = fc.constantFrom(...paths);
      const at = (p: (string | number)[]) =>
        p.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], sample);
      const sameType = path.chain((p) =>
        sameTypeHostile(at(p)).map<Mutation>((value) => ({
          kind: "replace-field",
          path: p,
          value,
        })),
      );
      mutations.push(
        sameType,
        sameType,
        sameType,
        fc
          .tuple(path, hostileValue)
          .map<Mutation>(([p, value]) => ({ kind: "replace-field", path: p, value })),
        fc
          .tuple(path, hostileValue)
          .map<Mutation>(([p, value]) => ({ kind: "replace-field", path: p, value })),
        path.map<Mutation>((p) => ({ kind: "remove-field", path: p })),
      );
    }
    return fc.oneof(...mutations).map((mutation) => ({ sample, mutation }));
  });
}

/** The input a mutation makes of its sample. */
export function applyMutation(sample: unknown, mutation: Mutation): unknown {
  switch (mutation.kind) {
    case "none":
      return sample;
    case "replace-input":
      return mutation.value;
    case "remove-field":
      return withAt(sample, mutation.path, undefined, true);
    case "replace-field":
    case "extra-field": {
      const parent = mutation.path.slice(0, -1);
      const target = parent.reduce<unknown>(
        (node, k) => (node as Record<string | number, unknown> | undefined)?.[k],
        sample,
      );
      // An extra key on a non-object makes no sense; put the value there instead.
      if (mutation.kind === "extra-field" && (target === null || typeof target !== "object"))
        return withAt(sample, parent, mutation.value);
      return withAt(sample, mutation.path, mutation.value);
    }
  }
}
