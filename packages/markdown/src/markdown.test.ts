import { describe, expect, it } from "vitest";
import {
  headingSlug,
  markdownToPlainText,
  parseDirectiveAttributes,
  parseImageTitle,
  renderMarkdown,
  youTubeEmbedHtml,
} from "./markdown.js";

const NOCOOKIE = "https://www.youtube-nocookie.com/embed/";

/** The players a page would load on a click (click-to-load posters hold no iframe). */
function iframeSrcs(html: string): string[] {
  expect(html).not.toContain("<iframe");
  return [...html.matchAll(/<a class="video-facade__play"[^>]*\sdata-video-src="([^"]*)"/g)].map(
    (m) => m[1]!,
  );
}

describe("renderMarkdown", () => {
  it("renders headings, lists, emphasis and links", () => {
    const html = renderMarkdown(
      "## Why it matters\n\nSome **bold** text and a [link](https://example.com).\n\n- one\n- two\n\n1. first\n2. second",
    );
    expect(html).toContain(
      '<h2 id="why-it-matters"><a class="heading-anchor" href="#why-it-matters">Why it matters</a></h2>',
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.com">link</a>');
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol>\s*<li>first<\/li>\s*<li>second<\/li>\s*<\/ol>/);
  });

  it("demotes a level-one heading so the page keeps a single h1", () => {
    const html = renderMarkdown("# Title in body");
    expect(html).not.toContain("<h1");
    expect(html).toMatch(/<h2 id="title-in-body">.*Title in body.*<\/h2>/);
  });

  it("removes scripts, event handlers and javascript: URLs", () => {
    const html = renderMarkdown(
      [
        "<script>alert('x')</script>",
        "",
        '<img src="x.png" onerror="alert(1)">',
        "",
        "[click](javascript:alert(1))",
        "",
        '<a href="javascript:alert(2)" onclick="alert(3)">raw</a>',
        "",
        '<p style="color:red" onmouseover="alert(4)">hover</p>',
      ].join("\n"),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("alert(");
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toContain("style=");
    expect(html).toContain("hover");
  });

  it("strips an iframe written directly in the post", () => {
    const html = renderMarkdown(
      'Before\n\n<iframe src="https://evil.example/embed"></iframe>\n\n<iframe src="https://www.youtube-nocookie.com/embed/S7L5pmw8Is4"></iframe>\n\nAfter',
    );
    expect(html).not.toMatch(/<iframe|data-video-src/);
    expect(html).toContain("Before");
    expect(html).toContain("After");
  });

  it("turns the youtube directive into a click-to-load player with a poster of its own", () => {
    const html = renderMarkdown(
      'Intro paragraph.\n\n::youtube{id="S7L5pmw8Is4" title="Why runners benefit"}\n\nOutro.',
    );
    expect(iframeSrcs(html)).toEqual([`${NOCOOKIE}S7L5pmw8Is4`]);
    expect(html).toContain('data-video-title="Why runners benefit"');
    expect(html).toContain('href="https://www.youtube.com/watch?v=S7L5pmw8Is4"');
    expect(html).toContain("Play video: </span>Why runners benefit");
    expect(html).toMatch(/<div class="video-embed video-facade"><a /);
    // Nothing loads from the video host before the click: no iframe, no remote poster image.
    expect(html).not.toMatch(/<img|ytimg|\ssrc=/);
    expect(html).not.toContain("::youtube");
    expect(html).toContain("<p>Intro paragraph.</p>");
    expect(html).toContain("<p>Outro.</p>");
  });

  it("embeds a directive directly below a paragraph line", () => {
    const html = renderMarkdown('Watch this:\n::youtube{id="S7L5pmw8Is4" title="Clip"}');
    expect(iframeSrcs(html)).toEqual([`${NOCOOKIE}S7L5pmw8Is4`]);
    expect(html).toContain("<p>Watch this:</p>");
  });

  it.each([
    "https://www.youtube.com/watch?v=S7L5pmw8Is4",
    "https://youtube.com/watch?feature=share&v=S7L5pmw8Is4&t=30",
    "https://youtu.be/S7L5pmw8Is4",
    "https://youtu.be/S7L5pmw8Is4?si=abc",
    "https://www.youtube.com/embed/S7L5pmw8Is4",
  ])("turns a line holding only %s into an embed", (link) => {
    const html = renderMarkdown(`Some text.\n\n${link}\n\nMore text.`);
    expect(iframeSrcs(html)).toEqual([`${NOCOOKIE}S7L5pmw8Is4`]);
    expect(html).toContain('data-video-title="YouTube video"');
  });

  it("leaves a YouTube link inside a sentence as an ordinary link", () => {
    const html = renderMarkdown("See https://youtu.be/S7L5pmw8Is4 for more.");
    expect(html).not.toMatch(/<iframe|data-video-src/);
    expect(html).toContain('<a href="https://youtu.be/S7L5pmw8Is4">');
  });

  it.each([
    '::youtube{id="short" title="Too short"}',
    '::youtube{id="S7L5pmw8Is4x" title="Too long"}',
    '::youtube{id="S7L5pmw8I\\"s" title="Quote"}',
    '::youtube{id="S7L5pmw8<s>" title="Markup"}',
    '::youtube{title="No id"}',
  ])("renders no iframe for an invalid directive: %s", (directive) => {
    const html = renderMarkdown(`Text\n\n${directive}\n\nMore`);
    expect(html).not.toMatch(/<iframe|data-video-src/);
    expect(html).not.toContain("<s>");
  });

  it("does not embed a link whose id is not a valid video id", () => {
    const html = renderMarkdown("https://www.youtube.com/watch?v=abc");
    expect(html).not.toMatch(/<iframe|data-video-src/);
  });

  it("escapes the directive title", () => {
    const html = renderMarkdown(
      '::youtube{id="S7L5pmw8Is4" title="<script>alert(1)</script> & \'friends\'"}',
    );
    expect(iframeSrcs(html)).toEqual([`${NOCOOKIE}S7L5pmw8Is4`]);
    expect(html).toContain(
      'data-video-title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;friends&#39;"',
    );
    expect(html).not.toContain("<script");
  });

  it("does not embed directives shown as code", () => {
    const html = renderMarkdown('```\n::youtube{id="S7L5pmw8Is4" title="Example"}\n```');
    expect(html).not.toMatch(/<iframe|data-video-src/);
    expect(html).toContain("::youtube{id=");
  });

  it("cannot be tricked by a post guessing the placeholder", () => {
    const html = renderMarkdown("youtube-embed-0\n\n<p>youtube-embed-0</p>");
    expect(html).not.toMatch(/<iframe|data-video-src/);
  });

  it("renders several embeds in order", () => {
    const html = renderMarkdown(
      '::youtube{id="S7L5pmw8Is4" title="One"}\n\nhttps://youtu.be/dQw4w9WgXcQ',
    );
    expect(iframeSrcs(html)).toEqual([`${NOCOOKIE}S7L5pmw8Is4`, `${NOCOOKIE}dQw4w9WgXcQ`]);
  });
});

describe("heading anchors", () => {
  it("gives every heading an id and makes its text a link to it", () => {
    const html = renderMarkdown("## Warm up\n\ntext\n\n### Cool *down* & stretch");
    expect(html).toContain(
      '<h2 id="warm-up"><a class="heading-anchor" href="#warm-up">Warm up</a></h2>',
    );
    expect(html).toContain(
      '<h3 id="cool-down-stretch"><a class="heading-anchor" href="#cool-down-stretch">Cool <em>down</em> &amp; stretch</a></h3>',
    );
  });

  it("keeps ids unique within a post and clear of the page's own ids", () => {
    const html = renderMarkdown("## Warm up\n\n## Warm up\n\n## Main\n\n## ???");
    const ids = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["warm-up", "warm-up-2", "main-2", "section"]);
  });

  it("does not nest a link inside a heading that already has one", () => {
    const html = renderMarkdown("## See [our team](/practitioners)");
    expect(html).toContain('<h2 id="see-our-team">See <a href="/practitioners">our team</a></h2>');
  });

  it("drops ids written in raw HTML that are not of our shape", () => {
    const html = renderMarkdown('<h2 id="Main Content">Raw</h2>\n\n<h3 id="ok-id">Fine</h3>');
    expect(html).toContain("<h2>Raw</h2>");
    expect(html).toContain('<h3 id="ok-id">Fine</h3>');
  });
});

describe("headingSlug", () => {
  it("makes lowercase hyphenated ids without accents or punctuation", () => {
    expect(headingSlug("Why Runners Benefit: Spinal Adjustments!")).toBe(
      "why-runners-benefit-spinal-adjustments",
    );
    expect(headingSlug("Café & Crème brûlée")).toBe("cafe-creme-brulee");
    expect(headingSlug("—")).toBe("section");
    expect(headingSlug("a ".repeat(50)).length).toBeLessThanOrEqual(60);
  });
});

describe("images", () => {
  it("lazy-loads images and gives them the size written in the title", () => {
    const html = renderMarkdown(
      '![A runner on the track](/images/run.jpg "On the track =800x450")',
    );
    expect(html).toContain(
      '<img src="/images/run.jpg" alt="A runner on the track" title="On the track" width="800" height="450" loading="lazy" decoding="async" />',
    );
  });

  it("accepts a title that is only the size", () => {
    const html = renderMarkdown('![Knee](/images/knee.png "=1200x630")');
    expect(html).toMatch(/<img src="\/images\/knee.png" alt="Knee" width="1200" height="630"/);
    expect(html).not.toContain("title=");
  });

  it("lazy-loads images without a size, with no made-up dimensions", () => {
    const html = renderMarkdown('![Knee](/images/knee.png "A knee")');
    expect(html).toContain('title="A knee"');
    expect(html).toContain('loading="lazy"');
    expect(html).not.toMatch(/width=|height=/);
  });

  it("escapes the alt text and drops unsafe sources", () => {
    const html = renderMarkdown('![a "quoted" <b>alt</b>](javascript:alert(1))');
    expect(html).not.toContain("javascript:");
    // The quote stays text inside alt; no onerror attribute appears.
    const quoted = renderMarkdown('![x" onerror="alert(1)](/a.png)');
    expect(quoted).toContain('alt="x&quot; onerror=&quot;alert(1)"');
    expect(quoted).not.toMatch(/\sonerror="/);
  });
});

describe("parseImageTitle", () => {
  it("splits a size off the end of a title", () => {
    expect(parseImageTitle("On the track =800x450")).toEqual({
      title: "On the track",
      width: 800,
      height: 450,
    });
    expect(parseImageTitle("=800x450")).toEqual({ title: null, width: 800, height: 450 });
    expect(parseImageTitle("Just a title")).toEqual({
      title: "Just a title",
      width: null,
      height: null,
    });
    expect(parseImageTitle(null)).toEqual({ title: null, width: null, height: null });
    expect(parseImageTitle("=0x450")).toEqual({ title: null, width: null, height: null });
  });
});

describe("youTubeEmbedHtml", () => {
  it("refuses an invalid id", () => {
    expect(() => youTubeEmbedHtml({ id: '"><script>', title: "x" })).toThrow(RangeError);
  });
});

describe("parseDirectiveAttributes", () => {
  it("reads quoted key/value pairs", () => {
    expect(parseDirectiveAttributes('id="abc" title="Hello there"')).toEqual({
      id: "abc",
      title: "Hello there",
    });
  });
});

describe("markdownToPlainText", () => {
  it("keeps the words and drops markup, links and raw HTML", () => {
    expect(
      markdownToPlainText(
        "## Hello\n\nJason & Joey treat **runners** <b>and</b> [cyclists](https://x.test).\n\n<script>alert(1)</script>\n\n- one\n- two",
      ),
    ).toBe("Hello Jason & Joey treat runners and cyclists. one two");
  });

  it("drops embed directives", () => {
    expect(markdownToPlainText('Intro\n\n::youtube{id="S7L5pmw8Is4" title="T"}\n\nEnd')).toBe(
      "Intro End",
    );
  });
});
