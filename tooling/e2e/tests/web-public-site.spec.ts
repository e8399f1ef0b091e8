import { seriousAccessibilityViolations } from "./accessibility";
import { api, expect, test } from "./fixtures";

test.describe("public site", () => {
  test("the header links to every section and to booking", async ({ page }) => {
    await page.goto("/");
    const header = page.getByRole("banner");
    for (const name of ["Home", "Practitioners", "Services", "Blog", "Testimonials", "Contact"]) {
      await expect(header.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(header.getByRole("link", { name: "Book Now", exact: true })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test("the home page lists the practitioners from the database and links to each profile", async ({
    page,
  }) => {
    const practitioners = await api.practitioners.list.query();
    expect(practitioners.map((p) => p.name).sort()).toEqual(["Jason Lee", "Joey Lee"]);

    for (const practitioner of practitioners) {
      await page.goto("/");
      const profilePath = `/practitioners/${practitioner.slug}`;
      const link = page
        .getByRole("link", { name: practitioner.name, exact: true })
        .and(page.locator(`[href="${profilePath}"]`))
        .first();
      await expect(link).toBeVisible();

      await link.click();
      await expect(page).toHaveURL(profilePath);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(practitioner.name);
    }
  });

  test("a blog post's YouTube video is a poster until clicked, then the privacy-enhanced player", async ({
    page,
  }) => {
    const slug = "why-runners-benefit-from-spinal-adjustments";
    const post = await api.posts.bySlug.query({ slug });

    const response = await page.goto(`/blog/${slug}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(post.title);
    const video = page.locator("iframe");
    await expect(video).toHaveCount(0);
    await page.getByRole("link", { name: /^Play video: / }).click();
    await expect(video).toHaveCount(1);
    await expect(video).toHaveAttribute(
      "src",
      /^https:\/\/www\.youtube-nocookie\.com\/embed\/S7L5pmw8Is4(?:[?#].*)?$/,
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test("an unknown page answers 404 with a friendly page", async ({ page }) => {
    const response = await page.goto("/no-such-page-here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/not found/i);
    // Still inside the site: the header works, and nothing technical leaks onto the page.
    await expect(
      page.getByRole("banner").getByRole("link", { name: "Home", exact: true }),
    ).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/stack|TRPCClientError|at [\w.]+ \(/i);
  });
});
