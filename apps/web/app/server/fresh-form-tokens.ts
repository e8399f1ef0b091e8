import type { FormTokenSource } from "./page-cache";

export interface FreshFormTokensOptions {
  /** Asks the API for a new token for `form` (its time of issue is the time it answers). */
  issue: (form: string) => Promise<string>;
  /** A token older than this is replaced in the background (it is still handed out meanwhile). */
  refreshAfterMs?: number;
  /** A token older than this is never handed out: the page is then rendered for the visitor. */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * Form tokens for the cached pages that hold a public form (page-cache.ts): one token per form
 * is asked of the API at most once a `refreshAfterMs`, however many visitors load the page, and
 * every response in that time gets it. A token says when the API showed the form (decision
 * 009), so one a second old only lets a form be sent a second sooner than the API's "too
 * fast" rule intends; nothing about a token is personal, and a bot could ask for its own.
 */
export class FreshFormTokens implements FormTokenSource {
  readonly #issue: (form: string) => Promise<string>;
  readonly #refreshAfterMs: number;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  readonly #held = new Map<string, { token: string; issuedAt: number }>();
  readonly #asking = new Set<string>();

  constructor(options: FreshFormTokensOptions) {
    this.#issue = options.issue;
    this.#refreshAfterMs = options.refreshAfterMs ?? 1_000;
    this.#maxAgeMs = options.maxAgeMs ?? 5_000;
    this.#now = options.now ?? Date.now;
  }

  current(form: string): string | null {
    const held = this.#held.get(form);
    const age = held ? this.#now() - held.issuedAt : Number.POSITIVE_INFINITY;
    if (age >= this.#refreshAfterMs) this.#refresh(form);
    return held && age < this.#maxAgeMs ? held.token : null;
  }

  #refresh(form: string): void {
    if (this.#asking.has(form)) return;
    this.#asking.add(form);
    const asked = this.#now();
    this.#issue(form)
      .then((token) => this.#held.set(form, { token, issuedAt: asked }))
      // The API unreachable: pages with this form are rendered per visitor until it answers.
      .catch(() => {})
      .finally(() => this.#asking.delete(form));
  }
}
