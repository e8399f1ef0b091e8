import { type CallOptions, callApi, submitToApi } from "@clinic/form-kit/server";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { $ZodErrorMap, $ZodType, output } from "zod/v4/core";
import { withNotice } from "./notices.server";

export type FormReply = SubmissionResult<string[]>;

export interface SubmitFormOptions<Schema extends $ZodType, T> extends CallOptions {
  schema: Schema;
  /** Plain words for fields left empty (`missingFieldMessages`). */
  error?: $ZodErrorMap;
  /** Fields never sent back to the browser (passwords). */
  hideFields?: string[];
  /** The API call for the form's parsed values. */
  send: (value: output<Schema>) => Promise<T>;
  /** Where to go once the API took it, usually with a notice. */
  redirectTo: (value: T) => string;
}

/**
 * A conform form's action: parses the form, sends it to the API and redirects once it's done.
 * Otherwise returns `{ ...tag, reply }` for the form (what was typed kept, each message by its
 * field) with the status to answer: 400 for a form that doesn't parse, the kit's status for a
 * refusal. `tag` says which of a page's forms answered (`{ form: "details" }`).
 */
export async function submitForm<Schema extends $ZodType, T, const Tag extends object = object>(
  formData: FormData,
  options: SubmitFormOptions<Schema, T>,
  tag?: Tag,
) {
  const submission = parseWithZod(formData, { schema: options.schema, error: options.error });
  const hidden = options.hideFields ? { hideFields: options.hideFields } : {};
  if (submission.status !== "success") {
    // No status: a conform list button ("Add range") without JavaScript, not a mistake.
    const status = submission.status === "error" ? 400 : 200;
    return data({ ...(tag as Tag), reply: submission.reply(hidden) as FormReply }, { status });
  }
  const result = await submitToApi(
    { reply: (reply) => submission.reply({ ...reply, ...hidden }) },
    () => options.send(submission.value),
    options,
  );
  if (result.ok) throw redirect(options.redirectTo(result.value));
  return data({ ...(tag as Tag), reply: result.reply }, { status: result.status });
}

/**
 * A button's action (nothing typed to keep): runs the call and redirects once it's done, or
 * returns `{ ...tag, error }` with the API's words and the kit's status.
 */
export async function runAction<T, const Tag extends object>(
  call: () => Promise<T>,
  redirectTo: (value: T) => string,
  tag: Tag,
) {
  const result = await callApi(call, { fields: [] });
  if (result.ok) throw redirect(redirectTo(result.value));
  return data({ ...tag, error: result.formErrors.join(" ") }, { status: result.status });
}

/**
 * A button whose form carries its choice (a status, a new time): the choice parsed with
 * `schema`, else `{ ...tag, error: invalid }` (400); then as `runAction`.
 */
export async function runChoice<Schema extends $ZodType, T, const Tag extends object>(
  formData: FormData,
  options: {
    schema: Schema;
    invalid: string;
    call: (choice: output<Schema>) => Promise<T>;
    redirectTo: (choice: output<Schema>) => string;
  },
  tag: Tag,
) {
  const chosen = parseWithZod(formData, { schema: options.schema });
  if (chosen.status !== "success") {
    return data({ ...tag, error: options.invalid }, { status: 400 });
  }
  const choice = chosen.value;
  return runAction(
    () => options.call(choice),
    () => options.redirectTo(choice),
    tag,
  );
}

type SwitchCall = { mutate(input: { id: string }): Promise<unknown> };

/**
 * The "Deactivate" / "Reactivate" buttons of a record the API switches by id (practitioners,
 * services, staff accounts): back to `here` with the `deactivated` / `reactivated` notice, or
 * `{ form: "status", error }`.
 */
export function switchActive(
  records: { deactivate: SwitchCall; reactivate: SwitchCall },
  intent: "deactivate" | "reactivate",
  id: string,
  here: string,
) {
  return runAction(
    () => records[intent].mutate({ id }),
    () => withNotice(here, intent === "deactivate" ? "deactivated" : "reactivated"),
    { form: "status" },
  );
}
