import { afterEach, describe, expect, it, vi } from "vitest";
import { startBackgroundLoop } from "./background-loop.js";
import { memoryLogger } from "./logger.js";

describe("startBackgroundLoop", () => {
  afterEach(() => vi.useRealTimers());

  it("never overlaps runs in one process: a call during a run waits for it", async () => {
    let running = 0;
    let most = 0;
    const loop = startBackgroundLoop({
      logger: memoryLogger(),
      failureMessage: "pass failed",
      autoStart: false,
      nextDelayMs: () => 60_000,
      pass: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return running;
      },
    });
    await Promise.all([loop.runOnce(), loop.runOnce(), loop.runOnce()]);
    expect(most).toBe(1);
    await loop.stop();
  });

  it("goes again after the delay its result asks for, logs a failed run and carries on", async () => {
    vi.useFakeTimers();
    const logger = memoryLogger();
    const results = [10, 0];
    let runs = 0;
    const loop = startBackgroundLoop({
      logger,
      failureMessage: "pass failed",
      // A full batch (10) means more is waiting: at once; otherwise in a minute.
      nextDelayMs: (handled) => ((handled ?? 0) >= 10 ? 0 : 60_000),
      pass: async () => {
        runs += 1;
        if (runs === 3) throw new Error("database busy");
        return results.shift() ?? 0;
      },
    });
    // The first run (a full batch) and the one straight after it (the fake clock's next tick).
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(runs).toBe(3);
    expect(logger.entries.map((e) => [e.message, e.fields?.error])).toContainEqual([
      "pass failed",
      "database busy",
    ]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toBe(4);
    await loop.stop();
  });

  it("makes one run of a burst of nudges, keeps a sooner one, and stops for good", async () => {
    vi.useFakeTimers();
    let runs = 0;
    const loop = startBackgroundLoop({
      logger: memoryLogger(),
      failureMessage: "pass failed",
      autoStart: false,
      nextDelayMs: () => 60_000,
      pass: async () => {
        runs += 1;
      },
    });
    loop.nudge(2_000);
    await vi.advanceTimersByTimeAsync(1_000);
    loop.nudge(2_000);
    loop.nudge(2_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toBe(1);
    await loop.stop();
    loop.nudge(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(runs).toBe(1);
  });
});
