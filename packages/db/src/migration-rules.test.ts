import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "./database.js";

/**
 * Rolling upgrades run the previous release's API beside the new one on the new schema, so a
 * migration may only expand it (decision 020). Removing, renaming or retyping what the previous
 * release reads or writes is a contract step, allowed a release after the code stopped using it
 * and only when the statement says so on the line before: `-- contract: <why it is safe now>`.
 * Migrations up to the first release with this rule are history and are not checked.
 */
const FIRST_CHECKED = 6;

const CONTRACTING: { pattern: RegExp; why: string }[] = [
  { pattern: /\bdrop\s+(table|column|type|schema)\b/i, why: "drops what old code uses" },
  { pattern: /\brename\b/i, why: "renames what old code uses" },
  { pattern: /\balter\s+column\s+"?\w+"?\s+(set\s+data\s+)?type\b/i, why: "retypes a column" },
  { pattern: /\bset\s+not\s+null\b/i, why: "makes old inserts without the column fail" },
  {
    pattern: /\badd\s+column\b(?![^;]*\bdefault\b)[^;]*\bnot\s+null\b/i,
    why: "adds a required column without a default, which old inserts leave out",
  },
];

/** The refusals for one migration's SQL: each contracting statement not marked as one. */
export function contractViolations(sql: string): string[] {
  const statements = sql.split("--> statement-breakpoint");
  const found: string[] = [];
  for (const statement of statements) {
    const marked = /^\s*--\s*contract:\s*\S/im.test(statement);
    const code = statement.replace(/--.*$/gm, "");
    for (const { pattern, why } of CONTRACTING) {
      if (pattern.test(code) && !marked) found.push(`${code.trim().split("\n")[0]} (${why})`);
    }
  }
  return found;
}

const checked = readdirSync(migrationsFolder)
  .filter((name) => name.endsWith(".sql") && Number(name.slice(0, 4)) >= FIRST_CHECKED)
  .sort();

describe("migration rules", () => {
  it("refuses contracting statements unless marked, and lets expanding ones through", () => {
    expect(contractViolations('ALTER TABLE "bookings" DROP COLUMN "notes";')).toHaveLength(1);
    expect(contractViolations('ALTER TABLE "a" RENAME COLUMN "b" TO "c";')).toHaveLength(1);
    expect(contractViolations('ALTER TABLE "a" ALTER COLUMN "b" SET DATA TYPE text;')).toHaveLength(
      1,
    );
    expect(contractViolations('ALTER TABLE "a" ALTER COLUMN "b" SET NOT NULL;')).toHaveLength(1);
    expect(contractViolations('ALTER TABLE "a" ADD COLUMN "b" integer NOT NULL;')).toHaveLength(1);
    expect(
      contractViolations('-- contract: unused since 0007\nALTER TABLE "a" DROP COLUMN "b";'),
    ).toEqual([]);
    expect(
      contractViolations(
        'ALTER TABLE "a" ADD COLUMN "b" integer DEFAULT 3 NOT NULL;--> statement-breakpoint\nCREATE INDEX "i" ON "a" ("b");',
      ),
    ).toEqual([]);
  });

  for (const name of checked) {
    it(`${name} only expands the schema`, () => {
      expect(contractViolations(readFileSync(`${migrationsFolder}/${name}`, "utf8"))).toEqual([]);
    });
  }
});
