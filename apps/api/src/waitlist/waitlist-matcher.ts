import type { Database } from "@clinic/db";
import { startBackgroundLoop } from "../background-loop.js";
import type { ChangeFeed } from "../cache/change-feed.js";
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
  /** How soon after a nudge (a change that may have freed a time) it runs; default 2 s. */
  nudgeDelayMs?: number;
  /** Tests run it by hand. */
  autoStart?: boolean;
}

export interface WaitlistMatcher {
  /** One run: how many times were offered and how many offers expired. */
  runOnce(): Promise<{ offered: number; expired: number }>;
  /**
   * Something changed that may have freed a time (any committed write the public could see:
   * a cancellation, hours, time off…): run soon rather than at the next interval.
   */
  nudge(): void;
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

  const loop = startBackgroundLoop({
    logger,
    failureMessage: "waitlist matching failed",
    pass,
    nextDelayMs: () => intervalMs,
    autoStart: options.autoStart,
  });

  return {
    runOnce: loop.runOnce,
    // Debounced: a burst of changes makes one run, and a run already due sooner stands.
    nudge: () => loop.nudge(options.nudgeDelayMs ?? 2_000),
    stop: loop.stop,
  };
}

/**
 * `feed` as the public cache uses it, also calling `nudge` for this instance's committed
 * changes and those heard from others: whatever changed may have freed a time.
 */
export function nudgingFeed(feed: ChangeFeed, nudge: () => void): ChangeFeed {
  feed.onChange(nudge);
  return {
    get live() {
      return feed.live;
    },
    onChange: (listener) => feed.onChange(listener),
    announce: async () => {
      nudge();
      await feed.announce();
    },
    close: () => feed.close(),
  };
}
