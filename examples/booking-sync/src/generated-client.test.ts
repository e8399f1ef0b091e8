import { readFile } from "node:fs/promises";
import { openApiDocument } from "@clinic/api";
import { describe, expect, it } from "vitest";
import { GENERATED_FILE, typesFor } from "../scripts/openapi-types.js";

describe("the generated client", () => {
  it("matches the API's current OpenAPI document (run `pnpm generate` when it doesn't)", async () => {
    const committed = await readFile(GENERATED_FILE, "utf8");
    expect(committed).toBe(await typesFor(openApiDocument()));
  });
});
