import type { Logger } from "./logger.js";

/**
 * A task every API instance runs on a timer (the outbox, webhook deliveries, the waitlist
 * matcher, housekeeping, scheduled backups). Runs never overlap in one process: a call during
 * a run waits for it; instances share work through the database, not through this loop.
 */
export interface BackgroundLoop<T> {
  /** One run now (after the one under way, if any); its result, or its error. */
  runOnce(): Promise<T>;
  /** Runs within `delayMs`, unless a run is already due sooner: a burst of nudges makes one run. */
  nudge(delayMs: number): void;
  /** No more runs; resolves when the one under way has ended. */
  stop(): Promise<void>;
}

export interface BackgroundLoopOptions<T> {
  logger: Logger;
  /** The log message when a run fails, e.g. "outbox pass failed". */
  failureMessage: string;
  pass: () => Promise<T>;
  /** The pause before the next run, given this run's result (undefined when it failed). */
  nextDelayMs: (result: T | undefined) => number;
  /** Called first by `stop`, e.g. to abort a long run. */
  onStop?: () => void;
  /** false: no run until `runOnce` or `nudge` (tests drive the loop themselves). */
  autoStart?: boolean;
}

export function startBackgroundLoop<T>(options: BackgroundLoopOptions<T>): BackgroundLoop<T> {
  const { logger } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let nextAt = Number.POSITIVE_INFINITY;
  let current: Promise<unknown> = Promise.resolve();

  function runOnce(): Promise<T> {
    const run = current.then(options.pass, options.pass);
    current = run.catch(() => undefined);
    return run;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    nextAt = Date.now() + delayMs;
    timer = setTimeout(tick, delayMs);
  }

  async function tick() {
    timer = undefined;
    nextAt = Number.POSITIVE_INFINITY;
    let result: T | undefined;
    try {
      result = await runOnce();
    } catch (error) {
      // A run cut short by the shutdown isn't worth an error line.
      if (!stopped) {
        logger.error(options.failureMessage, {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    // A nudge during the run has scheduled the next one already.
    if (!timer) schedule(options.nextDelayMs(result));
  }

  if (options.autoStart !== false) schedule(0);

  return {
    runOnce,
    nudge(delayMs) {
      if (stopped || (timer && nextAt <= Date.now() + delayMs)) return;
      schedule(delayMs);
    },
    async stop() {
      stopped = true;
      options.onStop?.();
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
    },
  };
}
