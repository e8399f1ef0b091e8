import { createApiClient } from "@clinic/api-client";
import { test as base, expect } from "@playwright/test";
import { apiUrl } from "../environment";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A typed client for the test API, to read what the pages should show. */
export const api = createApiClient({ url: apiUrl });

export const test = base.extend<{
  /** Keeps the run offline and fails a test on any uncaught error in the page. */
  guardPage: undefined;
}>({
  guardPage: [
    async ({ context, page }, use) => {
      // Third-party embeds (YouTube) can't be reached here; abort them instead of waiting.
      await context.route(
        (url) => !LOCAL_HOSTS.has(url.hostname) && url.protocol !== "data:",
        (route) => route.abort("blockedbyclient"),
      );
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await use(undefined);
      expect(pageErrors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
