import { createHmac } from "node:crypto";
import { consumeRateLimit } from "@clinic/db";
import { looksAutomated } from "@clinic/domain";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { BadRequestError, TooManyRequestsError } from "../errors.js";

/** Per-address limits on public submissions; generous for people, tight for scripts. */
export const RATE_LIMITS = {
  enquiry: { max: 5, windowMs: 60 * 60 * 1000, what: "messages" },
  review: { max: 3, windowMs: 60 * 60 * 1000, what: "reviews" },
  booking: { max: 10, windowMs: 60 * 60 * 1000, what: "booking attempts" },
} as const;

export type RateLimitBucket = keyof typeof RATE_LIMITS;

/** Fields every public form sends besides its own: the hidden honeypot and when the form was shown. */
export const formGuardSchema = z.object({
  honeypot: z.string().max(500).optional(),
  renderedAt: z.number().int().positive().optional(),
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

/** Refuses a submission that looks scripted, with a message a person can act on. */
export function rejectAutomated(ctx: AppContext, guard: z.infer<typeof formGuardSchema>): void {
  if (looksAutomated(guard, ctx.now().getTime())) {
    ctx.logger.warn("automated-looking submission refused", { ip: ctx.clientIp });
    throw new BadRequestError(
      "We couldn't accept that submission. Please wait a moment and send it again.",
    );
  }
}
