import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { EnvError, orExit, parseEnv } from "./index.js";

const server = {
  PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// URL")
    .optional(),
  NODE_ENV: z.enum(["development", "production"]).default("development"),
};

describe("parseEnv", () => {
  it("applies defaults and treats an empty variable as unset", () => {
    expect(parseEnv("@clinic/test", server, { PORT: "4100", SMTP_URL: "" })).toEqual({
      PORT: 4100,
      SMTP_URL: undefined,
      NODE_ENV: "development",
    });
  });

  it("names every invalid variable in one error", () => {
    const error = (() => {
      try {
        parseEnv("@clinic/test", server, { PORT: "eighty", SMTP_URL: "http://x", NODE_ENV: "qa" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error?.message.split("\n")[0]).toBe("Invalid environment for @clinic/test:");
    expect(error?.message).toMatch(/^ {2}PORT: /m);
    expect(error?.message).toMatch(/^ {2}SMTP_URL: must be an smtp:\/\/ URL$/m);
    expect(error?.message).toMatch(/^ {2}NODE_ENV: /m);
  });
});

describe("orExit", () => {
  it("prints an environment error and exits with 1; other errors go on", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => {
      throw new Error("exited");
    }) as never);
    const print = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(() =>
        orExit(() => {
          throw new EnvError("@clinic/test", [{ path: ["APP_SECRET"], message: "required" }]);
        }),
      ).toThrow("exited");
      expect(exit).toHaveBeenCalledWith(1);
      expect(print).toHaveBeenCalledWith(
        "Invalid environment for @clinic/test:\n  APP_SECRET: required",
      );
      expect(() =>
        orExit(() => {
          throw new TypeError("a bug");
        }),
      ).toThrow("a bug");
      expect(orExit(() => 42)).toBe(42);
    } finally {
      exit.mockRestore();
      print.mockRestore();
    }
  });
});
