import { createHmac, timingSafeEqual } from "node:crypto";
import { MIN_FORM_FILL_MS } from "@clinic/domain";
import { z } from "zod";

/** The public forms that carry a form token; a token made for one is refused by another. */
export const formKindSchema = z.enum(["enquiry", "review", "waitlist"]);
export type FormKind = z.infer<typeof formKindSchema>;

/** A form older than this is refused as expired: the page shows a fresh token to send it again. */
export const MAX_FORM_AGE_MS = 12 * 60 * 60 * 1000;

export type FormTokenCheck = "ok" | "missing" | "invalid" | "too-fast" | "expired";

// Its own key, derived from APP_SECRET, so a form token can never pass for a manage token or a
// sender hash (or the other way round).
const keyOf = (appSecret: string) =>
  createHmac("sha256", appSecret).update("form-token:v1").digest();

const signature = (appSecret: string, form: FormKind, issuedAt: number) =>
  createHmac("sha256", keyOf(appSecret)).update(`${form}.${issuedAt}`).digest("base64url");

/**
 * A token saying "the API showed `form` at `at`": `<form>.<ms since epoch>.<HMAC>`. The site asks
 * for one when it renders a public form and sends it back with the form (decision 009).
 */
export function issueFormToken(appSecret: string, form: FormKind, at: Date): string {
  const issuedAt = at.getTime();
  return `${form}.${issuedAt}.${signature(appSecret, form, issuedAt)}`;
}

/**
 * Whether a form token is ours, for this form, and was issued between MIN_FORM_FILL_MS
 * (a person can't fill the form faster) and MAX_FORM_AGE_MS before `now`.
 */
export function checkFormToken(
  appSecret: string,
  token: string | null | undefined,
  form: FormKind,
  now: Date,
): FormTokenCheck {
  if (!token) return "missing";
  const match = /^([a-z]+)\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match || match[1] !== form) return "invalid";
  const issuedAt = Number(match[2]);
  const expected = Buffer.from(signature(appSecret, form, issuedAt));
  const given = Buffer.from(match[3]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  const age = now.getTime() - issuedAt;
  if (age < MIN_FORM_FILL_MS) return "too-fast";
  if (age > MAX_FORM_AGE_MS) return "expired";
  return "ok";
}
