import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { portOffset } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { signInAsOwner } from "./admin-clinic";
import { expect, test } from "./fixtures";

/** A receiver on this machine (the API runs with WEBHOOKS_ALLOW_PRIVATE_TARGETS=true). */
async function startReceiver(port: number) {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("received by the e2e receiver");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The contract's check, written out: HMAC-SHA256 of `${t}.${body}` with the secret. */
function signedWith(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2)));
  const expected = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(String(parts.v1), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The owner opens Webhooks, adds an endpoint (a mistyped address is named by its field, what
 * was typed kept), copies the secret shown once, sends a test event and sees it delivered in
 * the endpoint's log; the receiver got it signed with that secret. Each page passes axe.
 */
test("the owner adds a webhook endpoint, sends a test event and sees it in the log", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const port = 7590 + portOffset;
  const receiver = await startReceiver(port);
  try {
    await signInAsOwner(browser, page.context());
    await page.goto("/");
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Add an endpoint" }).click();
    const url = page.getByLabel("Endpoint URL");
    await url.fill("not a web address");
    await page.getByLabel("Description (optional)").fill("E2E receiver");
    await page.getByLabel(/Enquiry received/).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#webhook-endpoint-url-error")).toHaveText(
      "Enter a web address starting with https://",
    );
    await expect(page.getByLabel("Description (optional)")).toHaveValue("E2E receiver");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await url.fill(`http://127.0.0.1:${port}/hooks/clinic`);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "shown only this once" }),
    ).toBeVisible();
    const secret = await page.getByLabel("Secret", { exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Go to the endpoint" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      `http://127.0.0.1:${port}/hooks/clinic`,
    );
    await expect(page.getByText("Nothing sent yet.")).toBeVisible();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText("Test event queued")).toBeVisible();
    const log = page.getByRole("region", { name: "Delivery log" });
    await expect(async () => {
      await log.getByRole("link", { name: "Refresh" }).click();
      await expect(log.getByRole("table")).toContainText("Delivered", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    const row = log.getByRole("row").nth(1);
    await expect(row).toContainText("Booking created");
    await expect(row).toContainText("Test");
    await expect(row).toContainText("HTTP 200");
    await expect(row).toContainText("received by the e2e receiver");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.content()).not.toContain(secret);

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    const header = String(delivery!.headers["clinic-signature"]);
    expect(signedWith(secret, header, delivery!.body)).toBe(true);
    const event = JSON.parse(delivery!.body) as { id: string; type: string; test: boolean };
    expect(event).toMatchObject({ type: "booking.created", test: true });
    await expect(row).toContainText(event.id);
  } finally {
    await receiver.close();
  }
});
