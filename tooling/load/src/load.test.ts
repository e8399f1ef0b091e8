import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failures, loadPages, PUBLIC_PAGES } from "./load.js";
import { type Servers, startServers } from "./servers.js";

// The CI-sized version of `pnpm test:load`: fewer visitors and a fixed number of visits.
describe("the public site under concurrent visitors", () => {
  let servers: Servers;
  beforeAll(async () => {
    servers = await startServers();
  }, 180_000);
  afterAll(() => servers?.stop());

  it("answers every page 200 to 20 visitors at once", async () => {
    const amount = 20 * PUBLIC_PAGES.length;
    const result = await loadPages(servers.webUrl, { connections: 20, amount });
    expect(result.requests).toBe(amount);
    expect(result.statuses, servers.errors()).toEqual({ "200": result.requests });
    expect(failures(result)).toBe(0);
  }, 90_000);

  it("answers 503 with Retry-After, not 500, while the API is down", async () => {
    await servers.stopApi();
    // A page rendered for each request (it holds a form token): a stored public page may still
    // be served for a moment of an outage (decision 016), which is not what this is about.
    const response = await fetch(`${servers.webUrl}/contact`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.text()).toContain("try again in a moment");
  }, 30_000);
});
