import { type ApiClient, createApiClient } from "@clinic/api-client";
import type { Browser, BrowserContext, Cookie, Page } from "@playwright/test";
import { adminUrl, apiUrl, demoOwner } from "../environment";

/** Set-up helpers for the admin's browser tests: the owner's API, staff accounts, the clinic's clock. */

export const CLINIC_ZONE = "Australia/Sydney";

/** A client signed in as the demo owner, for test set-up and for checking what pages show. */
export async function ownerApi(): Promise<ApiClient> {
  const { token } = await createApiClient({ url: apiUrl }).auth.signIn.mutate(demoOwner);
  return createApiClient({ url: apiUrl, sessionToken: token });
}

export interface Account {
  email: string;
  password: string;
  name: string;
}

/** A fresh staff account made by the owner through the staff API (what the Staff page does). */
export async function createStaffAccount(
  owner: ApiClient,
  role: "front_desk" | "practitioner",
  options: { name: string; practitionerId?: string },
): Promise<Account> {
  const tag = `${role}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const account = {
    email: `${tag}@westsidesportschiro.example`,
    password: `e2e-${tag}-password`,
    name: options.name,
  };
  await owner.staff.create.mutate({
    ...account,
    role,
    practitionerId: options.practitionerId ?? null,
  });
  return account;
}

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

let ownerCookies: Promise<Cookie[]> | undefined;

/**
 * Signs a browser context in as the demo owner. Each worker signs in through the form once and
 * hands its later tests the session cookie (the sign-in spec covers signing in itself).
 */
export async function signInAsOwner(browser: Browser, context: BrowserContext): Promise<void> {
  ownerCookies ??= (async () => {
    const signingIn = await browser.newContext({ baseURL: adminUrl });
    try {
      await signIn(await signingIn.newPage(), demoOwner);
      return await signingIn.cookies();
    } finally {
      await signingIn.close();
    }
  })().catch((error: unknown) => {
    ownerCookies = undefined;
    throw error;
  });
  await context.addCookies(await ownerCookies);
}

const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The clinic's wall clock at an instant: local date, ISO weekday (1 = Monday), minutes since midnight. */
export function clinicClock(instant: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: CLINIC_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "long",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const weekdayName = String(parts.weekday);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: weekdays.indexOf(weekdayName) + 1,
    weekdayName,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const shortWeekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const shortMonths = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** "Thu 26 Nov" for a local date, as the admin writes short dates. */
export function shortDate(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  return `${shortWeekdays[day.getUTCDay()]} ${day.getUTCDate()} ${shortMonths[day.getUTCMonth()]}`;
}
