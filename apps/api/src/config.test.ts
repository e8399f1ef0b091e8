import { EnvError } from "@clinic/env";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { imageStoreFrom } from "./uploads/configured-store.js";

describe("the API's configuration", () => {
  it("has working defaults for development", () => {
    expect(loadConfig({})).toMatchObject({
      NODE_ENV: "development",
      PORT: 4000,
      SEED_DEMO_DATA: true,
      WEB_URL: "http://localhost:3000",
    });
  });

  it("reads values and treats an empty variable as unset", () => {
    const config = loadConfig({ PORT: "4100", SEED_DEMO_DATA: "0", SMTP_URL: "" });
    expect(config.PORT).toBe(4100);
    expect(config.SEED_DEMO_DATA).toBe(false);
    expect(config.SMTP_URL).toBeUndefined();
  });

  it("stores uploads in UPLOAD_DIR unless given a whole S3-compatible bucket", () => {
    expect(imageStoreFrom(loadConfig({ UPLOAD_DIR: "/srv/uploads" })).description).toBe(
      "folder /srv/uploads",
    );
    const s3 = {
      UPLOAD_S3_BUCKET: "clinic-images",
      UPLOAD_S3_ENDPOINT: "https://s3.eu-west-1.amazonaws.com",
      UPLOAD_S3_ACCESS_KEY_ID: "AKIDEXAMPLE",
      UPLOAD_S3_SECRET_ACCESS_KEY: "secret-example",
    };
    const store = imageStoreFrom(loadConfig(s3));
    expect(store.description).toBe("bucket clinic-images at s3.eu-west-1.amazonaws.com");
    expect(store.description).not.toContain("secret");
    const { UPLOAD_S3_ENDPOINT: _e, UPLOAD_S3_SECRET_ACCESS_KEY: _s, ...partial } = s3;
    expect(() => loadConfig(partial)).toThrow(EnvError);
    expect(() => loadConfig(partial)).toThrow(/UPLOAD_S3_ENDPOINT.*UPLOAD_S3_SECRET_ACCESS_KEY/s);
    expect(() => loadConfig({ ...s3, UPLOAD_S3_ENDPOINT: "not a url" })).toThrow(
      /UPLOAD_S3_ENDPOINT/,
    );
  });

  it("runs housekeeping hourly unless told otherwise, within a second to a day", () => {
    expect(loadConfig({}).HOUSEKEEPING_INTERVAL_MS).toBe(3_600_000);
    expect(loadConfig({ HOUSEKEEPING_INTERVAL_MS: "60000" }).HOUSEKEEPING_INTERVAL_MS).toBe(60_000);
    for (const bad of ["0", "999", "86400001", "soon"]) {
      expect(() => loadConfig({ HOUSEKEEPING_INTERVAL_MS: bad })).toThrow(
        /HOUSEKEEPING_INTERVAL_MS/,
      );
    }
  });

  it("takes no scheduled backups unless given an interval, and keeps seven", () => {
    expect(loadConfig({})).toMatchObject({ BACKUP_INTERVAL_MS: undefined, BACKUP_KEEP: 7 });
    expect(
      loadConfig({ BACKUP_INTERVAL_MS: "86400000", BACKUP_KEEP: "30", BACKUP_DIR: "/backups" }),
    ).toMatchObject({ BACKUP_INTERVAL_MS: 86_400_000, BACKUP_KEEP: 30, BACKUP_DIR: "/backups" });
    for (const bad of ["0", "59999", "604800001", "daily", "90000.5"]) {
      expect(() => loadConfig({ BACKUP_INTERVAL_MS: bad })).toThrow(/BACKUP_INTERVAL_MS/);
    }
    for (const bad of ["0", "-1", "2.5", "all"]) {
      expect(() => loadConfig({ BACKUP_KEEP: bad })).toThrow(/BACKUP_KEEP/);
    }
  });

  it("stops start-up naming every invalid variable", () => {
    const error = (() => {
      try {
        loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", APP_SECRET: "short" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error?.message).toMatch(/^ {2}PORT: /m);
    expect(error?.message).toMatch(/^ {2}DATABASE_URL: must be a postgres:\/\/ URL$/m);
    expect(error?.message).toMatch(/^ {2}APP_SECRET: must be at least 32 characters$/m);
  });

  it("refuses a production start without its secrets", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(
      /APP_SECRET: required in production[\s\S]*SEED_OWNER_PASSWORD: required in production/,
    );
    expect(
      loadConfig({
        NODE_ENV: "production",
        APP_SECRET: "x".repeat(32),
        SEED_DEMO_DATA: "false",
        SMTP_URL: "smtp://mail.example.com:587",
      }).NODE_ENV,
    ).toBe("production");
  });

  it("refuses the log-only mailer in production unless ALLOW_LOG_MAILER says so", () => {
    const production = { NODE_ENV: "production", APP_SECRET: "x".repeat(32), SEED_DEMO_DATA: "0" };
    const error = (() => {
      try {
        loadConfig(production);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    // One line names the variable and the way out.
    expect(error?.message.split("\n").slice(1)).toEqual([
      "  SMTP_URL: required in production: emails would never be sent (set ALLOW_LOG_MAILER=true to run without)",
    ]);
    expect(loadConfig({ ...production, ALLOW_LOG_MAILER: "true" }).ALLOW_LOG_MAILER).toBe(true);
    // Development keeps the mailbox without asking.
    expect(loadConfig({}).ALLOW_LOG_MAILER).toBe(false);
  });
});
