import type { Locator, Page } from "@playwright/test";
import { webUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { ownerApi, signInAsOwner } from "./admin-clinic";
import { expect, test } from "./fixtures";

/**
 * Pictures (decision 021): a practitioner's photo and a post's cover uploaded in the admin show
 * on the public site, served from its own origin; the blog's video loads only when asked. Each
 * test makes its own practitioner or post and removes it afterwards, so no other spec sees them.
 */

async function expectNoSeriousViolations(page: Page) {
  expect(await seriousAccessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
}

/** A photo-like PNG drawn by the browser (a gradient with a circle), `width`×`height`. */
async function drawnPng(page: Page, width: number, height: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement("canvas");
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext("2d")!;
      const gradient = g.createLinearGradient(0, 0, w, h);
      gradient.addColorStop(0, "#0f5f5c");
      gradient.addColorStop(1, "#f0b35a");
      g.fillStyle = gradient;
      g.fillRect(0, 0, w, h);
      g.fillStyle = "#ffffff";
      g.beginPath();
      g.arc(w / 2, h / 2, Math.min(w, h) / 4, 0, Math.PI * 2);
      g.fill();
      return canvas.toDataURL("image/png");
    },
    [width, height] as const,
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
}

/** Waits until the image has loaded with real pixels (a broken image has naturalWidth 0). */
async function expectLoaded(image: Locator) {
  await image.scrollIntoViewIfNeeded();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
      message: "the image loads",
    })
    .toBe(true);
}

/** The public page once the site's stored copy has caught up with a change (decision 016). */
async function openWhenShown(page: Page, url: string, shown: Locator) {
  await expect(async () => {
    await page.goto(url);
    await expect(shown).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test.describe("pictures", () => {
  test.beforeEach(({ browser, context }) => signInAsOwner(browser, context));

  test("a practitioner photo uploaded in the admin shows on the public site, from its own origin", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const owner = await ownerApi();
    const tag = Date.now().toString(36);
    const practitioner = await owner.practitioners.create.mutate({
      slug: `casey-${tag}`,
      name: "Casey Marsh",
      title: "Chiropractor",
      bio: "Looks after rowers and cyclists.",
      photoUrl: null,
      active: true,
      sortOrder: 900,
    });
    try {
      await page.goto(`/practitioners/${practitioner.id}`);
      const photoPanel = page.getByRole("region", { name: "Photo" });
      await expect(photoPanel.getByText("No photo yet.")).toBeVisible();
      const png = await drawnPng(page, 900, 1200);

      // A file that isn't an image: refused next to the file field, the alt text kept.
      await photoPanel.getByLabel("New photo").setInputFiles({
        name: "notes.png",
        mimeType: "image/png",
        buffer: Buffer.from("not really a picture"),
      });
      await photoPanel
        .getByLabel("Description (alt text)")
        .fill("Casey Marsh at the rowing machine");
      await photoPanel.getByRole("button", { name: "Upload photo" }).click();
      await expect(photoPanel.getByText("That file isn't a JPEG, PNG or WebP image")).toBeVisible();
      await expect(photoPanel.getByLabel("New photo")).toHaveAttribute("aria-invalid", "true");
      await expect(photoPanel.getByLabel("Description (alt text)")).toHaveValue(
        "Casey Marsh at the rowing machine",
      );
      await expectNoSeriousViolations(page);

      await photoPanel.getByLabel("New photo").setInputFiles({
        name: "casey.png",
        mimeType: "image/png",
        buffer: png,
      });
      await photoPanel.getByRole("button", { name: "Upload photo" }).click();
      await expect(page.getByText("Photo updated.")).toBeVisible();
      const preview = photoPanel.getByRole("img", { name: "Casey Marsh at the rowing machine" });
      await expectLoaded(preview);
      expect(await preview.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/uploads\/[0-9a-f]{32}-\d+\.webp$/,
      );
      await expectNoSeriousViolations(page);

      // The public page: a <picture> of AVIF and WebP sizes, loaded from the site itself.
      const photo = page.getByRole("img", { name: "Casey Marsh at the rowing machine" });
      await openWhenShown(page, `${webUrl}/practitioners/${practitioner.slug}`, photo);
      await expectLoaded(photo);
      const shown = await photo.evaluate((img: HTMLImageElement) => ({
        src: img.currentSrc,
        width: img.getAttribute("width"),
        height: img.getAttribute("height"),
        sources: [...(img.parentElement?.querySelectorAll("source") ?? [])].map((s) => s.type),
        srcset: img.parentElement?.querySelector("source")?.getAttribute("srcset"),
      }));
      expect(shown.src.startsWith(`${webUrl}/uploads/`), shown.src).toBe(true);
      expect(shown).toMatchObject({
        width: "900",
        height: "1200",
        sources: ["image/avif", "image/webp"],
      });
      expect(shown.srcset).toMatch(/-320\.avif 320w, .*-640\.avif 640w, .*-900\.avif 900w$/);
      await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
        "content",
        /^https?:\/\/[^/]+\/uploads\/[0-9a-f]{32}-900\.webp$/,
      );
      const file = await page.request.get(shown.src);
      expect(file.status()).toBe(200);
      expect(file.headers()["content-type"]).toMatch(/^image\/(avif|webp)$/);
      expect(file.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(file.headers()["x-content-type-options"]).toBe("nosniff");
      await expectNoSeriousViolations(page);

      // The practitioners list shows it too, lazily loaded.
      await page.goto(`${webUrl}/practitioners`);
      const inList = page.getByRole("img", { name: "Casey Marsh at the rowing machine" });
      await expect(inList).toHaveAttribute("loading", "lazy");
      await expectLoaded(inList);

      // The description alone can be changed, without uploading the photo again.
      await page.goto(`/practitioners/${practitioner.id}`);
      await photoPanel.getByLabel("Description (alt text)").fill("Casey Marsh coaching a rower");
      await photoPanel.getByRole("button", { name: "Save photo" }).click();
      await expect(page.getByText("Photo updated.")).toBeVisible();
      await expectLoaded(photoPanel.getByRole("img", { name: "Casey Marsh coaching a rower" }));
      await openWhenShown(
        page,
        `${webUrl}/practitioners/${practitioner.slug}`,
        page.getByRole("img", { name: "Casey Marsh coaching a rower" }),
      );
    } finally {
      await owner.practitioners.remove.mutate({ id: practitioner.id });
    }
  });

  test("a post's cover uploaded in the admin shows on the public post", async ({ page }) => {
    test.setTimeout(120_000);
    const owner = await ownerApi();
    const slug = `rowing-posture-${Date.now().toString(36)}`;
    const post = await owner.posts.create.mutate({
      slug,
      title: "Posture on the rowing machine",
      excerpt: "Three cues.",
      body: "Sit tall, push with the legs, then lean back.",
      tags: [],
      coverImageUrl: null,
      authorId: null,
    });
    try {
      await owner.posts.publish.mutate({ id: post.id });
      await page.goto(`/posts/${post.id}`);
      const coverPanel = page.getByRole("region", { name: "Cover image" });
      await expect(coverPanel.getByText("No cover yet", { exact: false })).toBeVisible();
      await coverPanel.getByLabel("New cover image").setInputFiles({
        name: "cover.png",
        mimeType: "image/png",
        buffer: await drawnPng(page, 1600, 900),
      });
      await coverPanel
        .getByLabel("Description (alt text)")
        .fill("A rower at the catch, back straight");
      await coverPanel.getByRole("button", { name: "Upload cover" }).click();
      await expect(page.getByText("Cover updated.")).toBeVisible();
      await expectLoaded(
        coverPanel.getByRole("img", { name: "A rower at the catch, back straight" }),
      );
      await expectNoSeriousViolations(page);

      const cover = page.getByRole("img", { name: "A rower at the catch, back straight" });
      await openWhenShown(page, `${webUrl}/blog/${slug}`, cover);
      await expectLoaded(cover);
      // The post's main image: not lazy, with its size reserved.
      await expect(cover).toHaveAttribute("loading", "eager");
      await expect(cover).toHaveAttribute("width", "1280");
      await expect(cover).toHaveAttribute("height", "720");
      expect(await cover.evaluate((img: HTMLImageElement) => img.currentSrc)).toContain(
        `${webUrl}/uploads/`,
      );
      await expectNoSeriousViolations(page);
    } finally {
      await owner.posts.remove.mutate({ id: post.id });
    }
  });
});

test("the blog's video asks nothing of YouTube until the visitor starts it, by keyboard too", async ({
  page,
}) => {
  const videoHostRequests: string[] = [];
  // Offline here anyway: count what the page would ask of the video host, and answer it locally.
  await page.route(/youtube|ytimg|googlevideo/, (route) => {
    videoHostRequests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html", body: "<title>player</title>" });
  });
  await page.goto(`${webUrl}/blog/why-runners-benefit-from-spinal-adjustments`);
  const poster = page.getByRole("link", { name: /Play video: Spinal adjustments for runners/ });
  await expect(poster).toBeVisible();
  await expect(page.locator("iframe")).toHaveCount(0);
  await expectNoSeriousViolations(page);
  expect(videoHostRequests).toEqual([]);

  await poster.focus();
  await page.keyboard.press("Enter");
  const player = page.locator("iframe");
  await expect(player).toHaveCount(1);
  await expect(player).toHaveAttribute(
    "src",
    "https://www.youtube-nocookie.com/embed/S7L5pmw8Is4?autoplay=1",
  );
  await expect(player).toHaveAttribute("title", "Spinal adjustments for runners");
  await expect(player).toBeFocused();
  // Still on the post: the link's own navigation to YouTube didn't happen.
  expect(page.url()).toBe(`${webUrl}/blog/why-runners-benefit-from-spinal-adjustments`);
  await expect.poll(() => videoHostRequests.length).toBeGreaterThan(0);
  expect(
    videoHostRequests.every((url) => url.startsWith("https://www.youtube-nocookie.com/")),
  ).toBe(true);
});
