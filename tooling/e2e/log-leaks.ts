import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * What must never appear in a server's log line (issue 10): an email address, an Australian
 * phone number, a working manage link, a bearer token. The servers' logger scrubs these; this
 * check reads back every line the API, site and admin wrote during the browser tests.
 */
const LEAKS: { kind: string; pattern: RegExp }[] = [
  { kind: "email address", pattern: /[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}/ },
  // Not inside an id: a uuid's digit runs follow a hyphen or a hex digit.
  { kind: "phone number", pattern: /(?<![\w-])(?:\+61|0)[2-478](?:[ -]?\d){8}(?![\w-])/ },
  { kind: "manage link", pattern: /\/manage\/(?!\[token\])[\w-]{16,}/ },
  { kind: "sign-in link", pattern: /\/account\/sign-in\/(?!\[token\])[\w-]{16,}/ },
  { kind: "waitlist claim link", pattern: /\/waitlist\/(?!\[token\])[\w-]{16,}/ },
  { kind: "intake link", pattern: /\/intake\/(?!\[token\])[\w-]{16,}/ },
  { kind: "bearer token", pattern: /Bearer\s+(?!\[)[\w.~+/-]{8,}/i },
];

export interface Leak {
  file: string;
  line: number;
  kind: string;
}

/** Every leak in the log files of `dir`, by file, line number and kind (never the text itself). */
export function leaksInLogs(dir: string): Leak[] {
  const leaks: Leak[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".log"))) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    lines.forEach((text, index) => {
      for (const { kind, pattern } of LEAKS) {
        if (pattern.test(text)) leaks.push({ file, line: index + 1, kind });
      }
    });
  }
  return leaks;
}
