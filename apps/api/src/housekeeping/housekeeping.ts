import { type Database, type HousekeepingResult, runHousekeeping } from "@clinic/db";
import { startBackgroundLoop } from "../background-loop.js";
import type { Logger } from "../logger.js";

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long counters are kept. Each must outlast the longest window it is
 * counted over (an hour for the public forms, 15 minutes for sign-in), so a
 * day leaves room for longer windows without letting the tables grow.
 */
export const HOUSEKEEPING_KEEP = {
  rateLimitHitsMs: 24 * HOUR_MS,
  signInFailuresMs: 24 * HOUR_MS,
} as const;

export interface HousekeeperOptions {
  db: Database;
  logger: Logger;
  /** The clock expiry and retention are measured on: the API's, so tests control it. */
  now: () => Date;
  /** Pause between runs; the first run is at start. */
  intervalMs: number;
  /** Start the timer at once (the default); tests that call `runOnce` themselves turn it off. */
  autoStart?: boolean;
  /**
   * Told after a run that erased patients (their published reviews go with them): the public
   * caches drop what they hold, as after any write through the API (decision 015).
   */
  onPublicChange?: () => Promise<void>;
}

export interface Housekeeper {
  /** One run: what it removed, or null when another instance held the run. */
  runOnce(): Promise<HousekeepingResult | null>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Removes what must not be kept: expired staff sessions, old rate-limit and
 * sign-in counters, the bodies of sent emails past the clinic's retention and,
 * when the clinic set a period, patients and enquiries inactive for longer
 * (decision 018).
 * Every instance runs it on a timer; a run takes an advisory lock without
 * waiting, so when two instances' timers meet, one does the work and the
 * other skips (and the work is idempotent, so a run soon after another finds
 * little to do).
 */
export function startHousekeeper(options: HousekeeperOptions): Housekeeper {
  const { db, logger, now, intervalMs } = options;

  async function pass(): Promise<HousekeepingResult | null> {
    const result = await runHousekeeping(db, {
      now: now(),
      keepRateLimitHitsMs: HOUSEKEEPING_KEEP.rateLimitHitsMs,
      keepSignInFailuresMs: HOUSEKEEPING_KEEP.signInFailuresMs,
    });
    if (result && Object.values(result).some((n) => n > 0)) {
      logger.info("housekeeping done", { ...result });
    }
    if (result && result.erasedPatients > 0) await options.onPublicChange?.();
    return result;
  }

  const loop = startBackgroundLoop({
    logger,
    failureMessage: "housekeeping failed",
    pass,
    nextDelayMs: () => intervalMs,
    autoStart: options.autoStart,
  });

  return { runOnce: loop.runOnce, stop: loop.stop };
}
