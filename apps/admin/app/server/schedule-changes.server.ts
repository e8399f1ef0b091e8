import type { RouterOutputs } from "@clinic/api-client";
import { idSchema } from "@clinic/domain";
import { callApi, type RepliableSubmission } from "@clinic/form-kit/server";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { $ZodErrorMap, $ZodType, output } from "zod/v4/core";
import type { DomainInput } from "../forms/domain-input";
import { type FormReply, runAction } from "./form-action.server";

/** A confirmed booking a schedule change would leave outside the practitioner's hours. */
export type OrphanedBooking = RouterOutputs["schedules"]["previewClosure"]["orphans"][number];

/** The bookings a refused change would orphan, as the API sends them with the refusal. */
export function orphansOf(details: unknown): OrphanedBooking[] | null {
  const orphans = (details as { orphans?: unknown } | null)?.orphans;
  return Array.isArray(orphans) ? (orphans as OrphanedBooking[]) : null;
}

/**
 * Saves a schedule change (weekly hours, time off, a closure) and redirects. One that would
 * leave bookings outside the hours is refused until confirmed: the answer then carries those
 * bookings from the refusal (`orphans`), to list above a "keep them" button, and the form as
 * typed. Other refusals come back as messages for the form.
 */
export async function saveScheduleChange<T, const Tag extends object>(
  submission: RepliableSubmission,
  save: () => Promise<T>,
  redirectTo: (saved: T) => string,
  tag: Tag,
) {
  const result = await callApi(save);
  if (result.ok) throw redirect(redirectTo(result.value));
  const orphans = result.code === "PRECONDITION_FAILED" ? orphansOf(result.details) : null;
  const reply: FormReply = orphans
    ? submission.reply()
    : submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors });
  return data({ ...tag, reply, orphans: orphans ?? undefined }, { status: result.status });
}

/**
 * A dated schedule entry's form (time off, a closure): parses it, checks it against the
 * domain's rules and saves it through `saveScheduleChange`.
 */
export async function submitScheduleEntry<
  Schema extends $ZodType,
  Input,
  T,
  const Tag extends object,
>(
  formData: FormData,
  options: {
    schema: Schema;
    error?: $ZodErrorMap;
    check: (form: output<Schema>) => DomainInput<Input>;
    save: (input: Input) => Promise<T>;
    redirectTo: (saved: T) => string;
  },
  tag: Tag,
) {
  const submission = parseWithZod(formData, { schema: options.schema, error: options.error });
  if (submission.status !== "success") {
    const reply = submission.reply() as FormReply;
    return data({ ...tag, reply, orphans: undefined }, { status: 400 });
  }
  const checked = options.check(submission.value);
  if (!checked.ok) {
    const reply = submission.reply({ fieldErrors: checked.fieldErrors });
    return data({ ...tag, reply, orphans: undefined }, { status: 400 });
  }
  const input = checked.input;
  return saveScheduleChange(submission, () => options.save(input), options.redirectTo, tag);
}

/** Removes time off or a closure by the id its confirmation form sends. */
export function removeScheduleEntry(
  formData: FormData,
  remove: (id: string) => Promise<unknown>,
  options: { missing: string; redirectTo: string },
) {
  const id = idSchema.safeParse(formData.get("id"));
  if (!id.success)
    return data({ form: "remove" as const, error: options.missing }, { status: 400 });
  return runAction(
    () => remove(id.data),
    () => options.redirectTo,
    { form: "remove" },
  );
}
