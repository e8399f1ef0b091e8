import { defineConfig } from "drizzle-kit";

// Only `generate` is used: migrations are applied at start-up by the driver's migrator.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema.ts",
  out: "./migrations",
});
