import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import {
  ConflictError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  TooManyRequestsError,
} from "../errors.js";
import { fieldErrorsOf, toTRPCError } from "./errors.js";

/** A database error as Drizzle wraps it: the SQLSTATE on the cause. */
const dbError = (code: string) =>
  Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("pg"), { code }) });

describe("toTRPCError", () => {
  it("maps each application error to its code, keeping its message and details", () => {
    const cases: [Error, string][] = [
      [new NotFoundError("We couldn't find that service"), "NOT_FOUND"],
      [new ConflictError("That time was just taken"), "CONFLICT"],
      [new ForbiddenError(), "FORBIDDEN"],
      [new FieldError("slug", "That address is already used"), "BAD_REQUEST"],
      [new TooManyRequestsError("Slow down"), "TOO_MANY_REQUESTS"],
      [new PreconditionFailedError("Confirm first", { orphans: [] }), "PRECONDITION_FAILED"],
    ];
    for (const [error, code] of cases) {
      const mapped = toTRPCError(error);
      expect([mapped.code, mapped.message, mapped.cause]).toEqual([code, error.message, error]);
    }
  });

  it("finds an application error inside tRPC's wrapper", () => {
    const wrapped = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new NotFoundError("x") });
    expect(toTRPCError(wrapped).code).toBe("NOT_FOUND");
    const refused = new TRPCError({ code: "BAD_REQUEST", message: "Invalid input" });
    expect(toTRPCError(refused)).toBe(refused);
  });

  it("turns database data exceptions into 400 and constraint violations into 409", () => {
    // 22P05: a NUL character; 22008: a date out of range; 23503: a foreign key; 23P01: exclusion.
    for (const state of ["22P05", "22008", "22001"]) {
      expect(toTRPCError(dbError(state)).code, state).toBe("BAD_REQUEST");
    }
    for (const state of ["23503", "23505", "23514", "23P01"]) {
      expect(toTRPCError(dbError(state)).code, state).toBe("CONFLICT");
    }
    expect(toTRPCError(dbError("40001")).code).toBe("INTERNAL_SERVER_ERROR");
    expect(toTRPCError(new Error("bug")).code).toBe("INTERNAL_SERVER_ERROR");
  });
});

describe("toTRPCError on dates out of range", () => {
  // Year ±275760 passes z.date() but date arithmetic on it (slot engines, toISOString) throws
  // RangeError before the database sees it; that is the caller's bad input, not our failure.
  it("turns an invalid time value into 400, thrown directly or under a query error", () => {
    const invalid = () => new Date(8.64e15 + 1).toISOString();
    let thrown: unknown;
    try {
      invalid();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RangeError);
    expect(toTRPCError(thrown).code).toBe("BAD_REQUEST");
    const wrapped = Object.assign(new Error("Failed query"), { cause: thrown });
    expect(toTRPCError(wrapped).code).toBe("BAD_REQUEST");
    expect(toTRPCError(new RangeError("Invalid time value")).message).toMatch(/date|time/i);
  });

  it("leaves other range errors (a bug, a stack overflow) as 500", () => {
    expect(toTRPCError(new RangeError("Maximum call stack size exceeded")).code).toBe(
      "INTERNAL_SERVER_ERROR",
    );
    expect(toTRPCError(new RangeError("Invalid array length")).code).toBe("INTERNAL_SERVER_ERROR");
  });
});

describe("fieldErrorsOf", () => {
  it("keys each issue by its dotted path", () => {
    expect(fieldErrorsOf(new FieldError("patient.email", "Enter a valid email"))).toEqual({
      "patient.email": ["Enter a valid email"],
    });
    expect(fieldErrorsOf({ issues: [{ path: [], message: "Bad" }] })).toEqual({ _form: ["Bad"] });
    expect(fieldErrorsOf(new Error("no issues"))).toBeNull();
  });
});
