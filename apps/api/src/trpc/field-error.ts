import { TRPCError } from "@trpc/server";

/** A validation failure on one field, found after parsing (e.g. "that time isn't bookable"). */
export class FieldValidationError extends Error {
  readonly issues: { path: string[]; message: string }[];
  constructor(field: string, message: string) {
    super(message);
    this.name = "FieldValidationError";
    this.issues = [{ path: field.split("."), message }];
  }
}

/** A 400 whose `fieldErrors` name the field, with the message kept as the error's message. */
export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({
    code: "BAD_REQUEST",
    message,
    cause: new FieldValidationError(field, message),
  });
}
