import { SchemaNewerThanCodeError } from "@clinic/db";
import { describe, expect, it } from "vitest";
import { startupFailure } from "./startup-failure.js";

const postgres = {
  kind: "postgres" as const,
  url: "postgres://clinic:s3cret-password@db.internal:6543/clinic",
};
const withCode = (code: string) => Object.assign(new Error("connect failed"), { code });

describe("startupFailure", () => {
  it("names where the database is and why it can't be used, never the password", () => {
    const line = startupFailure(withCode("ECONNREFUSED"), postgres);
    expect(line).toBe(
      "cannot start: the database at db.internal:6543/clinic can't be used: nothing listens there (ECONNREFUSED); check DATABASE_URL",
    );
    expect(startupFailure(withCode("28P01"), postgres)).toContain("the password was refused");
    expect(startupFailure(withCode("3D000"), postgres)).toContain("the database does not exist");
    // Node reports a host with several addresses as one AggregateError of the tries.
    expect(startupFailure(new AggregateError([withCode("ECONNREFUSED")]), postgres)).toContain(
      "(ECONNREFUSED)",
    );
    for (const code of ["ECONNREFUSED", "28P01", "ENOTFOUND"]) {
      expect(startupFailure(withCode(code), postgres)).not.toContain("s3cret");
    }
  });

  it("passes on the refusal of a database a newer release migrated", () => {
    const error = new SchemaNewerThanCodeError(Date.UTC(2027, 0, 2), Date.UTC(2026, 10, 30));
    expect(startupFailure(error, { kind: "pglite" })).toMatch(
      /^cannot start: the database's schema is newer than this release: .*2027-01-02.*2026-11-30/,
    );
  });

  it("leaves anything else to its stack trace", () => {
    expect(startupFailure(new TypeError("x is undefined"), postgres)).toBeNull();
    expect(startupFailure(withCode("ENOENT"), { kind: "pglite" })).toBeNull();
  });
});
