import { ConflictError } from "../errors.js";

/**
 * A plan lost a race for one of its appointments (the exclusion constraint,
 * or the slot check in the transaction): nothing of the plan was written, and
 * `details` names the appointment so staff can preview again.
 */
export class PlanAppointmentConflictError extends ConflictError {
  override readonly details: { index: number; start: Date };
  constructor(message: string, field: string, details: { index: number; start: Date }) {
    super(message, { field });
    this.details = details;
  }
}
