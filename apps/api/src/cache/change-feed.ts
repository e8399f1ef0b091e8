import { randomUUID } from "node:crypto";
import { announceContentChange, CONTENT_CHANGES_CHANNEL, type Database } from "@clinic/db";
import pg from "pg";
import { failureFields } from "../failure-log.js";
import type { Logger } from "../logger.js";

/**
 * How an instance learns that public content changed somewhere else, and tells
 * the others about its own changes (decision 015).
 */
export interface ChangeFeed {
  /**
   * Whether every change made elsewhere will be heard. While it is false a
   * change may go unheard, so caches must not serve.
   */
  readonly live: boolean;
  /** Runs `listener` whenever a change was heard, or may have been missed (connection lost or back). */
  onChange(listener: () => void): void;
  /** Tells the other instances about a change this instance has committed. */
  announce(): Promise<void>;
  close(): Promise<void>;
}

/** One process alone on its database (PGlite): its own writes are all there is to hear. */
export function localChangeFeed(): ChangeFeed {
  return {
    live: true,
    onChange: () => {},
    announce: async () => {},
    close: async () => {},
  };
}

export interface PostgresChangeFeed extends ChangeFeed {
  /** Resolves once the feed first listens (it keeps retrying until closed). */
  ready(): Promise<void>;
}

/** Tells the listener connection apart in pg_stat_activity (and lets tests find it). */
export const CHANGE_FEED_APPLICATION_NAME = "clinic-change-feed";

/**
 * PostgreSQL LISTEN/NOTIFY on a connection of its own. Announcements go
 * through the app's pool after the change committed; the sender's id rides
 * along so an instance skips its own. When the connection drops, notifications
 * sent meanwhile are lost: the feed says it isn't live (caches stop serving)
 * and, once listening again, reports a change so everything cached is dropped.
 */
export function postgresChangeFeed(options: {
  url: string;
  db: Database;
  logger: Logger;
  /** Pause before reconnecting after the connection is lost (default a second). */
  reconnectDelayMs?: number;
}): PostgresChangeFeed {
  const { url, db, logger } = options;
  const reconnectDelayMs = options.reconnectDelayMs ?? 1000;
  const source = randomUUID();
  const listeners: (() => void)[] = [];
  const changed = () => {
    for (const listener of listeners) listener();
  };

  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let markReady: () => void = () => {};
  const firstListen = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  function connect() {
    if (closed) return;
    const connection = new pg.Client({
      connectionString: url,
      application_name: CHANGE_FEED_APPLICATION_NAME,
    });
    let gone = false;
    const lost = (error?: unknown) => {
      if (gone) return;
      gone = true;
      if (client === connection) {
        client = null;
        changed();
      }
      connection.end().catch(() => {});
      if (closed) return;
      logger.warn("change feed lost its connection; caches are off until it is back", {
        ...(error ? failureFields(error) : {}),
      });
      retry = setTimeout(connect, reconnectDelayMs);
      retry.unref();
    };
    connection.on("error", lost);
    connection.on("end", () => lost());
    connection.on("notification", (message) => {
      if (message.channel === CONTENT_CHANGES_CHANNEL && message.payload !== source) changed();
    });
    connection
      .connect()
      .then(() => connection.query(`LISTEN ${CONTENT_CHANGES_CHANNEL}`))
      .then(() => {
        if (gone) return;
        if (closed) {
          gone = true;
          return void connection.end().catch(() => {});
        }
        client = connection;
        // Anything announced while nobody listened was missed: start over.
        changed();
        markReady();
      }, lost);
  }
  connect();

  return {
    get live() {
      return client !== null;
    },
    onChange: (listener) => void listeners.push(listener),
    announce: () => announceContentChange(db, source),
    ready: () => firstListen,
    async close() {
      closed = true;
      clearTimeout(retry);
      const connection = client;
      client = null;
      await connection?.end().catch(() => {});
    },
  };
}
