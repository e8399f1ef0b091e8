import type { LoadResult } from "./load.js";

/** One line of the bench's table: a load pair (subject next to its reference) or one figure. */
export interface Row {
  what: string;
  subject?: LoadResult;
  reference?: { name: string; result: LoadResult };
  /** A single figure (memory, start-up, LCP…), already with its unit. */
  value?: string;
  goal: string;
  /** Whether the goal is met; undefined when the row has no goal. */
  met?: boolean;
}

export const ratio = (subject: LoadResult, reference: LoadResult) =>
  reference.requestsPerSecond > 0 ? subject.requestsPerSecond / reference.requestsPerSecond : 0;

const int = (n: number) => String(Math.round(n));
const ms = (n: number) => (n < 10 ? n.toFixed(1) : int(n));

const COLUMNS = [
  "what",
  "req/s",
  "p50 ms",
  "p99 ms",
  "vs",
  "req/s",
  "p50 ms",
  "p99 ms",
  "ratio",
  "value",
  "goal",
  "met",
] as const;
// Numbers read best right-aligned.
const RIGHT = new Set([1, 2, 3, 5, 6, 7, 8]);

function cells(row: Row): string[] {
  const s = row.subject;
  const r = row.reference?.result;
  return [
    row.what,
    s ? int(s.requestsPerSecond) : "",
    s ? ms(s.p50Ms) : "",
    s ? ms(s.p99Ms) : "",
    row.reference?.name ?? "",
    r ? int(r.requestsPerSecond) : "",
    r ? ms(r.p50Ms) : "",
    r ? ms(r.p99Ms) : "",
    s && r ? `${(ratio(s, r) * 100).toFixed(0)}%` : "",
    row.value ?? "",
    row.goal,
    row.met === undefined ? "" : row.met ? "pass" : "FAIL",
  ];
}

/** The whole report as one plain-text table, a title line per section. */
export function formatTable(sections: { title: string; rows: Row[] }[]): string {
  const body = sections.flatMap((section) => section.rows.map(cells));
  const widths = COLUMNS.map((title, i) =>
    Math.max(title.length, ...body.map((line) => line[i]!.length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (RIGHT.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(COLUMNS), rule];
  for (const section of sections) {
    if (section.rows.length === 0) continue;
    out.push(section.title);
    for (const row of section.rows) out.push(line(cells(row)));
  }
  return out.join("\n");
}
