/**
 * Where the browser tests run the apps: ports apart from `pnpm dev` (4000/3000/3001), so a
 * developer's running stack and a test run never meet. `E2E_PORT_OFFSET` shifts all three,
 * so two runs on one machine (say, two checkouts) don't meet either.
 */
export const portOffset = Number.parseInt(process.env.E2E_PORT_OFFSET ?? "0", 10) || 0;

export const ports = {
  api: 4100 + portOffset,
  web: 3100 + portOffset,
  admin: 3101 + portOffset,
} as const;

export const apiUrl = `http://127.0.0.1:${ports.api}`;
export const webUrl = `http://127.0.0.1:${ports.web}`;
export const adminUrl = `http://127.0.0.1:${ports.admin}`;

/** The seeded demo owner (see `@clinic/db`'s seed); the API seeds it on the fresh test database. */
export const demoOwner = {
  email: "owner@westsidesportschiro.example",
  password: "westside-demo-owner",
} as const;
