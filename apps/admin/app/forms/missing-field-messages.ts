import type { $ZodErrorMap } from "zod/v4/core";

/**
 * A zod error map for form parsing: conform submits an empty field as "missing", which zod
 * would report as "expected string, received undefined". This names the field in plain words
 * instead; every other message still comes from the schema.
 */
export function missingFieldMessages(messages: Record<string, string>): $ZodErrorMap {
  return (issue) => {
    if (issue.code !== "invalid_type" || issue.input !== undefined) return undefined;
    const field = issue.path?.join(".");
    return field === undefined ? undefined : messages[field];
  };
}
