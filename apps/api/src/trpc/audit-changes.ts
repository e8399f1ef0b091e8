/** A field's value before and after a staff write, as the audit log keeps it. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

// Objects compare by content whatever their key order (jsonb columns come back reordered).
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * The fields of `after` whose values differ from `before`, for an audit
 * entry's `changes`. Values compare as JSON (dates by instant, objects
 * whatever their key order); arrays by order, so pass sets sorted.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key] ?? null;
    if (!same(from, to ?? null)) changes[key] = { from, to: to ?? null };
  }
  return changes;
}
