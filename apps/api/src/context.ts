import type { Database } from "@clinic/db";
import type { StaffUser } from "@clinic/domain";
import type { AnswerWindow, PublicCache } from "./cache/public-cache.js";
import type { Logger } from "./logger.js";
import type { ApiMetrics } from "./metrics/metrics.js";
import type { ImageStore } from "./uploads/image-store.js";

/**
 * What every service works with: the database, the clock, the logger and
 * the server's settings. Plain data, so services run the same under tRPC, a
 * future REST route, a job or a test.
 */
export interface AppContext {
  db: Database;
  logger: Logger;
  /** The current instant; injectable so time-based rules are testable. */
  now: () => Date;
  /** The public site's address, for links in emails. */
  webUrl: string;
  /** Server secret: manage tokens and sender hashes are derived from it. */
  appSecret: string;
  /** The visitor's address as forwarded by the site (or the caller's own), for rate limits. */
  clientIp: string;
  /**
   * Whether that address is one of our own trusted proxies: a site calling for itself rather
   * than for a visitor (the admin app doesn't forward addresses yet). A per-address cap keyed
   * on it would throttle everyone behind it, so those caps skip it (decision 009).
   */
  clientIsTrustedProxy?: boolean;
  /** Where uploaded images are stored: UPLOAD_DIR, or an S3-compatible bucket (decision 021). */
  images: ImageStore;
  /** Whether emails stay in the outbox (no SMTP server): the development mailbox is open. */
  devMailbox: boolean;
  /** Where procedure calls are counted (`/metrics`); absent where nothing scrapes (tests). */
  metrics?: ApiMetrics;
  /** Public reads kept between writes (decision 015); without it every read goes to the database. */
  cache?: PublicCache;
  /** Whether webhooks may go to private networks and plain http (WEBHOOKS_ALLOW_PRIVATE_TARGETS). */
  webhookTargets?: { allowPrivate: boolean };
  /** Set for a public read whose HTTP answer may be kept: its cached reads say how long it holds. */
  answer?: AnswerWindow;
  /** Text reminders: set when an SMS provider is configured (SMS_* variables; decision 030). */
  sms?: { from: string } | null;
  /** How long a waitlist offer stays claimable, in hours (WAITLIST_OFFER_HOURS; decision 028). */
  waitlistOfferHours?: number | undefined;
}

/** A service call made by a signed-in staff member: `user` is who acts (and is audited). */
export interface StaffContext extends AppContext {
  user: StaffUser;
}
