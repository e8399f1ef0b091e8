import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { failureFields } from "./failure-log.js";

describe("failureFields", () => {
  it("describes a failed query by SQLSTATE and names, never by its parameters or messages", () => {
    const driverError = Object.assign(
      new Error('duplicate key value violates unique constraint "staff_users_email_unique"'),
      {
        code: "23505",
        constraint: "staff_users_email_unique",
        table: "staff_users",
        detail: "Key (email)=(pat@example.com) already exists.",
        routine: "_bt_check_unique",
      },
    );
    const error = new DrizzleQueryError(
      'insert into "staff_users" ("email", "name") values ($1, $2)',
      ["pat@example.com", "Pat Example"],
      driverError,
    );
    const fields = failureFields(error);
    expect(fields).toMatchObject({
      error: "database error 23505",
      sqlState: "23505",
      constraint: "staff_users_email_unique",
      table: "staff_users",
      routine: "_bt_check_unique",
    });
    expect(fields.stack).toMatch(/^ {4}at /);
    expect(JSON.stringify(fields)).not.toMatch(/pat@example|Pat Example|Failed query|params/);
  });

  it("keeps other errors' type and message, and their frames without the message line", () => {
    const fields = failureFields(new RangeError("Invalid time value"));
    expect(fields.error).toBe("RangeError: Invalid time value");
    expect(fields.stack).not.toContain("Invalid time value");
    expect(fields.sqlState).toBeUndefined();
  });
});
