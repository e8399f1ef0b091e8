import { createApiClient } from "@clinic/api-client";
import { test as base, expect } from "@playwright/test";
import { apiUrl } from "../environment";

/** A typed client for the test API, to read what the pages should show. */
export const api = createApiClient({ url: apiUrl });

export const test = base.extend<{
  /** Fails a test on any uncaught error in the page. (Chromium keeps the run offline: see chromiumArgs.) */
  guardPage: undefined;
}>({
  guardPage: [
    async ({ page }, use) => {
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await use(undefined);
      expect(pageErrors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
