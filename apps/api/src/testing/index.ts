// Test-only helpers: an API on a seeded test database with a controllable clock, signed-in
// staff, the demo clinic's ids, and email fixtures. Never imported by production code.
export * from "./demo-clinic.js";
export * from "./email-factories.js";
export * from "./images.js";
export * from "./staff.js";
export * from "./test-app.js";
