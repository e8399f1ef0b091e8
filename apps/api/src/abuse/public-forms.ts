import { createHmac } from "node:crypto";
import { consumeRateLimit } from "@clinic/db";
import { looksAutomated } from "@clinic/domain";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { BadRequestError, FieldError, TooManyRequestsError } from "../errors.js";
import {
  checkFormToken,
  type FormKind,
  type FormTokenCheck,
  issueFormToken,
} from "./form-tokens.js";

/** Per-address limits on public submissions; generous for people, tight for scripts. */
export const RATE_LIMITS = {
  enquiry: { max: 5, windowMs: 60 * 60 * 1000, what: "messages" },
  review: { max: 3, windowMs: 60 * 60 * 1000, what: "reviews" },
  booking: { max: 10, windowMs: 60 * 60 * 1000, what: "booking attempts" },
  waitlist: { max: 5, windowMs: 60 * 60 * 1000, what: "waitlist requests" },
} as const;

export type RateLimitBucket = keyof typeof RATE_LIMITS;

/**
 * Fields every public form sends besides its own: the hidden honeypot and the signed token
 * the form was shown with (`forms.token`). Optional here so that a missing token gets the
 * refusal a person can act on rather than a schema message about a field they never saw.
 */
export const formGuardSchema = z.object({
  honeypot: z.string().max(500).optional(),
  formToken: z.string().max(200).optional(),
});

/** A keyed hash of the visitor's address: enough to spot bursts, useless to anyone without the secret. */
export function senderHash(ctx: Pick<AppContext, "appSecret" | "clientIp">): string {
  return createHmac("sha256", ctx.appSecret).update(`sender:${ctx.clientIp}`).digest("hex");
}

export async function enforceRateLimit(ctx: AppContext, bucket: RateLimitBucket): Promise<void> {
  const limit = RATE_LIMITS[bucket];
  const allowed = await consumeRateLimit(ctx.db, {
    bucket,
    key: senderHash(ctx),
    windowMs: limit.windowMs,
    max: limit.max,
    now: ctx.now(),
  });
  if (!allowed) {
    throw new TooManyRequestsError(
      `Too many ${limit.what} from your connection. Please try again in an hour, or call us.`,
    );
  }
}

/** A fresh form token for the site to render `form` with. */
export function formToken(ctx: Pick<AppContext, "appSecret" | "now">, form: FormKind) {
  return { token: issueFormToken(ctx.appSecret, form, ctx.now()) };
}

const TOKEN_REFUSALS: Record<Exclude<FormTokenCheck, "ok">, string> = {
  missing:
    "We couldn't tell that this was sent from the form on our website. Please send it again from the page.",
  invalid:
    "We couldn't tell that this was sent from the form on our website. Please send it again from the page.",
  "too-fast": "That was sent too quickly for us to accept. Please wait a moment and send it again.",
  expired: "This form was open too long for us to accept. Please send it again.",
};

/**
 * Refuses a submission that looks scripted, with a message a person can act on: the honeypot
 * filled, or the form's token missing, forged, for another form, or outside the fill-time window.
 */
export function rejectAutomated(
  ctx: AppContext,
  guard: z.infer<typeof formGuardSchema>,
  form: FormKind,
): void {
  if (looksAutomated({ honeypot: guard.honeypot })) {
    ctx.logger.warn("automated-looking submission refused", {
      ip: ctx.clientIp,
      reason: "honeypot",
    });
    throw new BadRequestError(
      "We couldn't accept that submission. Please wait a moment and send it again.",
    );
  }
  const check = checkFormToken(ctx.appSecret, guard.formToken, form, ctx.now());
  if (check !== "ok") {
    ctx.logger.warn("automated-looking submission refused", { ip: ctx.clientIp, reason: check });
    throw new FieldError("formToken", TOKEN_REFUSALS[check]);
  }
}
