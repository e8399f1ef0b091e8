import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/** Prints one line at the end of a run, easy to find at the bottom of a long CI log. */
export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<TestCase, ReturnType<TestCase["outcome"]>>();

  onTestEnd(test: TestCase, _result: TestResult) {
    this.outcomes.set(test, test.outcome());
  }

  onEnd(result: FullResult) {
    const counts = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
    for (const outcome of this.outcomes.values()) counts[outcome]++;
    const seconds = (result.duration / 1000).toFixed(1);
    console.log(
      `e2e summary: ${result.status.toUpperCase()}: ${counts.expected} passed, ` +
        `${counts.unexpected} failed, ${counts.flaky} flaky, ${counts.skipped} skipped in ${seconds}s`,
    );
  }

  printsToStdio() {
    return true;
  }
}
