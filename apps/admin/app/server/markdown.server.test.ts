import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

// The full suite lives with the original in apps/web; these pin what the editor preview relies on.
describe("renderMarkdown (post preview)", () => {
  it("renders headings below the page's h1, lists and links", () => {
    const html = renderMarkdown("# Warm up\n\n- one\n- two\n\n[Book](https://example.com)");
    expect(html).toContain('<h2 id="warm-up">');
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.com">Book</a>');
  });

  it("removes scripts, event handlers, javascript: links and raw iframes", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)">\n\n[x](javascript:alert(3))\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|evil\.example/i);
  });

  it("turns the youtube directive into a privacy-enhanced embed", () => {
    const html = renderMarkdown('::youtube{id="S7L5pmw8Is4" title="Runners"}');
    expect(html).toContain('src="https://www.youtube-nocookie.com/embed/S7L5pmw8Is4"');
    expect(html).toContain('title="Runners"');
  });
});
