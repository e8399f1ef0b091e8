import { ErrorPage, errorTitle } from "@clinic/form-kit";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SITE_ERROR_COPY } from "./site-error-page";

/** A response a loader threw, as Remix hands it to the error boundary. */
const thrown = (status: number) => ({ status, statusText: "", internal: false, data: "" });

const page = (status: 401 | 403 | 404 | 409 | 500) =>
  renderToStaticMarkup(createElement(ErrorPage, { status, copy: SITE_ERROR_COPY }));

describe("the site's error pages", () => {
  it("say a page is missing as they always have", () => {
    expect(page(404)).toContain("Error 404");
    expect(page(404)).toContain("Page not found");
    expect(page(404)).toContain("Sorry, we couldn&#x27;t find that page.");
    expect(errorTitle(thrown(404), SITE_ERROR_COPY)).toBe("Page not found");
  });

  it("point to the clinic's phone when a page could not be shown, whatever failed", () => {
    expect(page(500)).toContain('<p class="eyebrow">Something went wrong</p>');
    expect(page(500)).toContain("We couldn&#x27;t show this page");
    expect(page(500)).toContain("give the clinic a call");
    expect(errorTitle(new Error("boom"), SITE_ERROR_COPY)).toBe("We couldn't show this page");
    expect(errorTitle(thrown(502), SITE_ERROR_COPY)).toBe("We couldn't show this page");
  });

  it("say what happened for the other statuses", () => {
    expect(errorTitle(thrown(401), SITE_ERROR_COPY)).toBe("This page needs a sign-in");
    expect(errorTitle(thrown(403), SITE_ERROR_COPY)).toBe("You don't have access");
    expect(errorTitle(thrown(409), SITE_ERROR_COPY)).toBe("That changed in the meantime");
    expect(page(403)).toContain("Error 403");
  });
});
