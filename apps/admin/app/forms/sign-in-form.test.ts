import { signInInputSchema } from "@clinic/domain";
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { signInErrors as error } from "./sign-in-form";

function errorsFor(fields: Record<string, string>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return parseWithZod(formData, { schema: signInInputSchema, error }).reply().error;
}

describe("the sign-in form's messages", () => {
  it("names empty fields in plain words", () => {
    expect(errorsFor({ email: "", password: "" })).toEqual({
      email: ["Enter your email address"],
      password: ["Enter your password"],
    });
  });

  it("leaves the schema's own messages alone", () => {
    expect(errorsFor({ email: "not-an-email", password: "x" })).toEqual({
      email: ["Enter a valid email address"],
    });
  });
});
