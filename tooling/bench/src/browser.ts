import { chromiumArgs, resolveChromiumPath } from "@clinic/e2e/chromium-path";
import { type Browser, chromium, devices, type Page } from "@playwright/test";

/**
 * A mid-range phone on a slow mobile network, as Lighthouse's mobile audit (and Chrome
 * DevTools' "Slow 4G", formerly "Fast 3G") has it: the CPU 4× slower, 562.5 ms of latency per
 * request, 1.44 Mbit/s down, 675 kbit/s up, a Moto G4's screen.
 */
export const MOBILE_PROFILE = {
  device: "Moto G4",
  cpuSlowdown: 4,
  latencyMs: 562.5,
  downloadBytesPerSecond: (1.44 * 1_000_000) / 8,
  uploadBytesPerSecond: (675 * 1_000) / 8,
} as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: resolveChromiumPath(), args: chromiumArgs });
}

/**
 * Largest Contentful Paint of one first visit to `url` (a fresh context: nothing cached) on the
 * throttled phone, in ms from navigation start.
 */
export async function largestContentfulPaint(browser: Browser, url: string): Promise<number> {
  const { defaultBrowserType: _, ...phone } = devices[MOBILE_PROFILE.device]!;
  const context = await browser.newContext({ ...phone, locale: "en-AU" });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: MOBILE_PROFILE.cpuSlowdown });
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: MOBILE_PROFILE.latencyMs,
      downloadThroughput: MOBILE_PROFILE.downloadBytesPerSecond,
      uploadThroughput: MOBILE_PROFILE.uploadBytesPerSecond,
    });
    const response = await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    // The buffered entries arrive in one callback; the last is the page's LCP so far, which
    // is final once the page has loaded and nothing more is painted.
    const lcp = await page.evaluate(
      () =>
        new Promise<number | null>((resolve) => {
          new PerformanceObserver((list) => {
            resolve(list.getEntries().at(-1)?.startTime ?? null);
          }).observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => resolve(null), 5_000);
        }),
    );
    if (lcp === null) throw new Error(`${url}: the browser reported no Largest Contentful Paint`);
    return lcp;
  } finally {
    await context.close();
  }
}

/** Resolves once React has hydrated the page's links, so a click is a client-side navigation. */
async function hydrated(page: Page, selector: string) {
  await page.waitForFunction(
    (s) => {
      const link = document.querySelector(s);
      return link !== null && Object.keys(link).some((key) => key.startsWith("__reactProps"));
    },
    selector,
    { timeout: 30_000 },
  );
}

/**
 * "Choosing a practitioner shows times": on the booking page's practitioner step (with
 * JavaScript, on an unthrottled desktop browser), the ms from clicking a practitioner to the
 * first frame that shows the day's time links, `runs` times, alternating practitioners.
 */
export async function timesShown(browser: Browser, bookUrl: string, runs: number) {
  const context = await browser.newContext({ locale: "en-AU", timezoneId: "Australia/Sydney" });
  const practitionerLinks = ".choice--person a.card__link";
  const samples: number[] = [];
  try {
    const page = await context.newPage();
    for (let i = 0; i < runs; i++) {
      const response = await page.goto(bookUrl, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`${bookUrl} answered ${response?.status()}`);
      await hydrated(page, practitionerLinks);
      // No named functions in here: tsx would wrap them in a helper the page doesn't have.
      const ms = await page.evaluate(
        async ({ selector, index }) => {
          const links = [...document.querySelectorAll<HTMLAnchorElement>(selector)];
          const link = links[index % links.length];
          if (!link) throw new Error("no practitioner link on the page");
          const clicked = performance.now();
          link.click();
          // requestAnimationFrame runs just before each paint: the first frame in which a time
          // link is laid out is the one that shows it.
          while (performance.now() - clicked < 15_000) {
            await new Promise((resolve) => requestAnimationFrame(resolve));
            const time = document.querySelector<HTMLElement>(".slot-list a");
            if (time?.checkVisibility()) return performance.now() - clicked;
          }
          throw new Error(`no time link shown 15 s after the click (${location.href})`);
        },
        { selector: practitionerLinks, index: i },
      );
      samples.push(ms);
    }
  } finally {
    await context.close();
  }
  return samples;
}
