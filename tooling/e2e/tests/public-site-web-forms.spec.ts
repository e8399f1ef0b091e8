import { createApiClient } from "@clinic/api-client";
import type { Page } from "@playwright/test";
import { apiUrl, demoOwner, webUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { api, expect, test } from "./fixtures";

/**
 * The review and contact forms, with and without JavaScript. The API limits submissions per
 * address, taken from X-Forwarded-For as the site forwards it: each test comes from its own
 * made-up address, so tests neither share a budget nor eat the one of other specs.
 */

let addressCounter = 0;
function freshAddress(): string {
  addressCounter += 1;
  const salt = (Date.now() + process.pid) % 250;
  return `198.51.${salt}.${addressCounter % 250}`;
}

test.beforeEach(async ({ page }) => {
  // Room for axe and a real fill-time wait on a slow machine.
  test.setTimeout(120_000);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": freshAddress() });
});

function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * The API refuses a form sent within 3 s of being rendered (a person can't type that fast),
 * going by the signed token the form was rendered with (`<form>.<ms since epoch>.<signature>`):
 * waits until that token is old enough. It can't be backdated: the API checks the signature.
 */
async function waitUntilFormIsOldEnough(page: Page) {
  const token = await page.locator('input[name="formToken"]').inputValue();
  const renderedAt = Number(token.split(".")[1]);
  expect(renderedAt, "the form carries a signed token").toBeGreaterThan(0);
  const wait = renderedAt + 3_200 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
}

/** Sends the page's form posts with their token backdated, as a script skipping the wait would. */
async function forgeFormTokens(page: Page) {
  await page.route(
    (url) => url.hostname === new URL(webUrl).hostname,
    async (route) => {
      const body = route.request().method() === "POST" ? route.request().postData() : null;
      const fields = new URLSearchParams(body ?? "");
      const token = fields.get("formToken");
      if (!token) return route.fallback();
      const [form, renderedAt, signature] = token.split(".");
      fields.set("formToken", `${form}.${Number(renderedAt) - 60_000}.${signature}`);
      await route.continue({ postData: fields.toString() });
    },
  );
}

const SENT = "Thank you! Your submission has been received!";
const OOPS = "Oops! Something went wrong while submitting the form.";

async function fillContact(
  page: Page,
  fields: { name: string; email: string; phone?: string; message: string },
) {
  const form = page.getByRole("region", { name: "Send us a message" });
  await form.getByLabel("Name").fill(fields.name);
  await form.getByLabel("Email").fill(fields.email);
  if (fields.phone) await form.getByLabel("Phone (optional)").fill(fields.phone);
  await form.getByLabel("Message").fill(fields.message);
  return form;
}

test.describe("contact form", () => {
  test("sends a message with JavaScript", async ({ page }) => {
    await page.goto("/contact");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Let's get in touch");
    const form = await fillContact(page, {
      name: unique("Sam"),
      email: "sam@example.com",
      phone: "0412 345 678",
      message: "Do you treat tennis elbow?",
    });
    await waitUntilFormIsOldEnough(page);
    await form.getByRole("button", { name: "Send message" }).click();
    const status = page.getByRole("status");
    await expect(status).toContainText(SENT);
    await expect(status).toBeFocused();
    await expect(page).toHaveURL("/contact");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("sends a message as a plain form post", async ({ page }) => {
      await page.goto("/contact");
      const form = await fillContact(page, {
        name: unique("Noor"),
        email: "noor@example.com",
        message: "Can I claim on my health fund?",
      });
      await waitUntilFormIsOldEnough(page);
      await form.getByRole("button", { name: "Send message" }).click();
      await expect(page.getByRole("status")).toContainText(SENT);
    });

    test("explains a bad email next to the field and keeps what was typed", async ({ page }) => {
      await page.goto("/contact");
      // Passes the browser's own check (no JavaScript here), fails the domain's rule.
      const form = await fillContact(page, {
        name: "Noor Haddad",
        email: "noor@example",
        phone: "0412 345 678",
        message: "Keep this message, please.",
      });
      await form.getByRole("button", { name: "Send message" }).click();
      const email = form.getByLabel("Email");
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByText("Enter a valid email address")).toBeVisible();
      await expect(email).toHaveValue("noor@example");
      await expect(form.getByLabel("Name")).toHaveValue("Noor Haddad");
      await expect(form.getByLabel("Phone (optional)")).toHaveValue("0412 345 678");
      await expect(form.getByLabel("Message")).toHaveValue("Keep this message, please.");
      await expect(page.getByText(SENT)).toHaveCount(0);
    });
  });

  test("checks the email as soon as it is left, with JavaScript", async ({ page }) => {
    await page.goto("/contact");
    const form = page.getByRole("region", { name: "Send us a message" });
    const email = form.getByLabel("Email");
    await email.fill("not-an-email");
    await email.blur();
    await expect(form.getByText("Enter a valid email address")).toBeVisible();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await form.getByRole("button", { name: "Send message" }).click();
    await expect(form.getByText("Enter your name")).toBeVisible();
    await expect(form.getByText("Enter your message")).toBeVisible();
    await expect(email).toHaveValue("not-an-email");
  });

  test("refuses a form whose hidden trap was filled, keeping the message", async ({ page }) => {
    await page.goto("/contact");
    const trap = page.locator('input[name="website"]');
    await expect(trap).toHaveAttribute("tabindex", "-1");
    await expect(trap).toHaveAttribute("autocomplete", "off");
    await expect(page.locator(".form-trap")).toHaveAttribute("aria-hidden", "true");
    const form = await fillContact(page, {
      name: "Spam Bot",
      email: "bot@example.com",
      message: "Cheap pills",
    });
    await trap.fill("https://spam.example", { force: true });
    await form.getByRole("button", { name: "Send message" }).click();
    const alert = page.getByRole("alert").filter({ hasText: OOPS });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("We couldn't accept that submission");
    await expect(form.getByLabel("Message")).toHaveValue("Cheap pills");
  });

  test("refuses a form whose token was tampered with, keeping the message", async ({ page }) => {
    await page.goto("/contact");
    const form = await fillContact(page, {
      name: "Hasty Script",
      email: "script@example.com",
      message: "Sent without waiting",
    });
    await forgeFormTokens(page);
    await form.getByRole("button", { name: "Send message" }).click();
    const alert = page.getByRole("alert").filter({ hasText: OOPS });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("from the form on our website");
    await expect(form.getByLabel("Message")).toHaveValue("Sent without waiting");
  });

  test("tells someone sending too many messages what happened", async ({ page }) => {
    const address = freshAddress();
    // One genuine token, old enough, sent again and again: the per-address limit stops it.
    const { token } = await api.forms.token.query({ form: "enquiry" });
    await page.waitForTimeout(3_200);
    const send = () =>
      page.request.post("/contact", {
        headers: { "x-forwarded-for": address },
        form: {
          name: "Busy Person",
          email: "busy@example.com",
          message: "Hello again",
          formToken: token,
        },
      });
    let response = await send();
    for (let attempt = 0; attempt < 10 && response.status() === 200; attempt++) {
      response = await send();
    }
    expect(response.status()).toBe(429);
    const html = await response.text();
    expect(html).toContain(OOPS);
    expect(html).toContain("Too many messages");
    expect(response.headers()["cache-control"]).toBe("no-store");
  });

  test("refuses a message sent from another site with a 403 page, keeping nothing", async ({
    page,
  }) => {
    const { token } = await api.forms.token.query({ form: "enquiry" });
    await page.waitForTimeout(3_200);
    const response = await page.request.post("/contact", {
      headers: { Origin: "https://evil.example", "x-forwarded-for": freshAddress() },
      form: {
        name: "Cross Site",
        email: "cross.site@example.com",
        message: "Posted from elsewhere",
        formToken: token,
      },
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("This form was sent from another site");
    const { token: session } = await api.auth.signIn.mutate(demoOwner);
    const staff = createApiClient({ url: apiUrl, sessionToken: session });
    const { items } = await staff.enquiries.list.query({});
    expect(items.map((e) => e.email)).not.toContain("cross.site@example.com");
  });
});

test.describe("share your experience", () => {
  test("a review waits for approval, then appears", async ({ page }) => {
    const author = unique("Reviewer");
    const body = `${unique("The rehab plan")} got me back to netball in six weeks.`;
    const practitioner = (await api.practitioners.list.query())[0]!;

    await page.goto("/testimonials");
    const form = page.getByRole("region", { name: "Share your experience" });
    await form.getByLabel("Your name").fill(author);
    const rating = form.getByRole("group", { name: "Your rating" });
    await rating.getByRole("radio", { name: "4 stars, very good" }).check();
    await form.getByLabel("Your review").fill(body);
    await form.getByLabel("Email (optional)").fill("reviewer@example.com");
    await form.getByLabel("Who treated you? (optional)").selectOption({ label: practitioner.name });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await waitUntilFormIsOldEnough(page);
    await form.getByRole("button", { name: "Send my review" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Thank you! Your review will appear once it has been approved.",
    );

    // Pending: nowhere public.
    await page.reload();
    await expect(page.getByText(body)).toHaveCount(0);
    expect((await api.reviews.list.query({ limit: 200 })).some((r) => r.body === body)).toBe(false);

    // A staff member approves it through the API, as the admin app would.
    const { token } = await api.auth.signIn.mutate(demoOwner);
    const staff = createApiClient({ url: apiUrl, sessionToken: token });
    const queue = await staff.reviews.queue.query({ status: "pending" });
    const pending = queue.items.find((review) => review.body === body);
    expect(pending, "the new review is in the moderation queue").toBeDefined();
    await staff.reviews.moderate.mutate({ id: pending!.id, action: "approve" });

    // The site serves the page from its cache, which drops it once it sees the API's content
    // version change (polled each second, decision 016): the approval shows within seconds.
    const card = page.locator(".review-card").filter({ hasText: body });
    await expect(async () => {
      await page.reload();
      await expect(card).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(card).toContainText(author);
    await expect(card).toContainText(`treated by ${practitioner.name}`);
    await expect(card.getByRole("img", { name: "4 out of 5 stars" })).toBeVisible();
    // Newest first.
    await expect(page.locator(".review-card").first()).toContainText(body);
  });

  test("keeps what was typed and explains the problem, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      extraHTTPHeaders: { "x-forwarded-for": freshAddress() },
    });
    const page = await context.newPage();
    await page.goto("/testimonials");
    const form = page.getByRole("region", { name: "Share your experience" });
    await form.getByLabel("Your name").fill("Mia Chen");
    await form.getByRole("radio", { name: "5 stars, excellent" }).check();
    await form.getByLabel("Your review").fill("Back to running pain-free after four visits.");
    // Passes the browser's own email check, fails the domain's rule: only the server says so.
    await form.getByLabel("Email (optional)").fill("mia@example");
    await form.getByRole("button", { name: "Send my review" }).click();

    await expect(form.getByText("Enter a valid email address")).toBeVisible();
    await expect(form.getByLabel("Email (optional)")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Your name")).toHaveValue("Mia Chen");
    await expect(form.getByRole("radio", { name: "5 stars, excellent" })).toBeChecked();
    await expect(form.getByLabel("Your review")).toHaveValue(
      "Back to running pain-free after four visits.",
    );
    await expect(page.getByRole("status")).toHaveCount(0);
    await context.close();
  });
});
