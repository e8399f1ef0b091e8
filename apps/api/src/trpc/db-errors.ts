import { SQLSTATE, sqlState } from "@clinic/db";
import { TRPCError } from "@trpc/server";
import { fieldError } from "./field-error.js";

/**
 * Runs a write (usually a whole transaction); a unique violation becomes a
 * field error on `field`, e.g. a slug or email already taken by another row.
 * The database decides, so two concurrent writes can't both take the value.
 */
export async function withUniqueField<T>(
  field: string,
  message: string,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof TRPCError) && sqlState(error) === SQLSTATE.uniqueViolation) {
      throw fieldError(field, message);
    }
    throw error;
  }
}

/** The slug message every area uses. */
export const SLUG_TAKEN = "That address is already used";
