import type { ShownImage } from "@clinic/domain";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Avatar } from "./avatar";
import { ResponsiveImage } from "./responsive-image";

const photo: ShownImage = {
  key: "0123456789abcdef0123456789abcdef",
  width: 900,
  height: 1200,
  widths: [320, 640, 900],
  formats: ["avif", "webp"],
  alt: "Casey Marsh at the rowing machine",
};

const avatar = (props: Partial<Parameters<typeof Avatar>[0]>) =>
  renderToStaticMarkup(
    createElement(Avatar, { name: "Casey Marsh", photo: null, photoUrl: null, ...props }),
  );

describe("uploaded images on the site", () => {
  it("offer AVIF and WebP sizes from the site's own /uploads, with their size and alt text", () => {
    const html = renderToStaticMarkup(
      createElement(ResponsiveImage, { image: photo, sizes: "96px" }),
    );
    const key = photo.key;
    expect(html).toBe(
      "<picture>" +
        `<source type="image/avif" srcSet="/uploads/${key}-320.avif 320w, /uploads/${key}-640.avif 640w, /uploads/${key}-900.avif 900w" sizes="96px"/>` +
        `<source type="image/webp" srcSet="/uploads/${key}-320.webp 320w, /uploads/${key}-640.webp 640w, /uploads/${key}-900.webp 900w" sizes="96px"/>` +
        `<img src="/uploads/${key}-900.webp" alt="Casey Marsh at the rowing machine" width="900" height="1200" loading="lazy" decoding="async"/>` +
        "</picture>",
    );
  });

  it("load the page's main image at once", () => {
    const html = avatar({ photo, size: "lg", priority: true });
    expect(html).toContain('loading="eager"');
    expect(html).toContain('sizes="160px"');
  });

  it("show an older single upload as it is, and initials for an address the CSP would block", () => {
    expect(avatar({ photoUrl: `/uploads/${photo.key}.png` })).toContain(
      `<img class="avatar avatar--md" src="/uploads/${photo.key}.png" alt="Portrait of Casey Marsh"`,
    );
    const external = avatar({ photoUrl: "https://images.example/casey.jpg" });
    expect(external).not.toContain("<img");
    expect(external).toContain("CM");
  });
});
