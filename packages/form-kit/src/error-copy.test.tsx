import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorPage } from "./error-page";

describe("an app's wording of an error page", () => {
  it("may replace the line above the title, which otherwise names the status", () => {
    const worded = renderToStaticMarkup(
      <ErrorPage status={500} copy={{ 500: { eyebrow: "Sorry", title: "Down", message: "…" } }} />,
    );
    expect(worded).toContain('<p class="eyebrow">Sorry</p>');
    expect(renderToStaticMarkup(<ErrorPage status={404} />)).toContain(
      '<p class="eyebrow">Error 404</p>',
    );
    expect(renderToStaticMarkup(<ErrorPage status={500} />)).toContain(
      '<p class="eyebrow">Error</p>',
    );
  });
});
