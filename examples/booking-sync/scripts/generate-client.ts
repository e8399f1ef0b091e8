import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { GENERATED_FILE, typesFor } from "./openapi-types.js";

// Regenerates src/generated/clinic-api.ts. With an address, from a running API's document
// (`pnpm generate http://localhost:4000/api/v1/openapi.json`); without, from this repository's
// API, the same document that address serves.
async function loadDocument(): Promise<object> {
  const from = process.argv[2];
  if (from) {
    const response = await fetch(from);
    if (!response.ok) throw new Error(`${from} answered ${response.status}`);
    return (await response.json()) as object;
  }
  const { openApiDocument } = await import("@clinic/api");
  return openApiDocument();
}

const types = await typesFor(await loadDocument());
await mkdir(new URL(".", GENERATED_FILE), { recursive: true });
await writeFile(GENERATED_FILE, types);
console.log(`Wrote ${fileURLToPath(GENERATED_FILE)}`);
