import type { Database } from "@clinic/db";
import type { Logger } from "../logger.js";
import { matchWaitlist } from "./waitlist.js";

export interface WaitlistMatcherOptions {
  db: Database;
  logger: Logger;
  now: () => Date;
  webUrl: string;
  /** WAITLIST_OFFER_HOURS. */
  offerHours: number;
  /** WAITLIST_MATCH_INTERVAL_MS: the pause between runs. */
  intervalMs: number;
  /** Tests run it by hand. */
  autoStart?: boolean;
}

export interface WaitlistMatcher {
  /** One run: how many times were offered and how many offers expired. */
  runOnce(): Promise<{ offered: number; expired: number }>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Looks for freed times to offer the waitlist on a timer, in every instance: whatever freed
 * them (a cancellation, a move, new hours, a closure or time off removed), the slot engine
 * sees them. Instances running at once can't offer an entry twice: the database refuses it.
 */
export function startWaitlistMatcher(options: WaitlistMatcherOptions): WaitlistMatcher {
  const { logger, intervalMs } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();

  async function pass() {
    const result = await matchWaitlist({
      db: options.db,
      logger,
      now: options.now,
      webUrl: options.webUrl,
      waitlistOfferHours: options.offerHours,
    });
    if (result.offered > 0 || result.expired > 0) logger.info("waitlist matched", { ...result });
    return result;
  }

  function runOnce() {
    // Runs in one process never overlap: a call during a run waits for it.
    const run = current.then(pass, pass);
    current = run.catch(() => undefined);
    return run;
  }

  async function tick() {
    timer = undefined;
    try {
      await runOnce();
    } catch (error) {
      logger.error("waitlist matching failed", {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  }

  if (options.autoStart !== false) timer = setTimeout(tick, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
    },
  };
}
