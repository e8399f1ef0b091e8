import type { ApiClient } from "@clinic/api-client";
import { apiRefusal, submitToApi } from "@clinic/form-kit/server";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data } from "@remix-run/node";
import type { z } from "zod";
import type { $ZodErrorMap } from "zod/v4/core";
import { api, apiFor } from "../server/api.server";
import { socketAddressFrom } from "../server/client-address";
import { logger } from "../server/logger.server";
import { formGuardFields } from "./form-guard";

/**
 * The API as this visitor: the API limits public submissions (enquiries, reviews, bookings)
 * per visitor, so it must see the visitor's address rather than the site's.
 */
export function visitorApi({ request, context }: Pick<ActionFunctionArgs, "request" | "context">) {
  return apiFor(request, socketAddressFrom(context));
}

/**
 * The token a public form is rendered with, for its loader: the API signs the time it was
 * shown, and refuses the form without it or sent faster than a person could fill it in.
 * When the API can't be reached the page still renders (with no token): sending the form
 * would fail anyway, and then says so. A page rendered for the site's page cache gets the
 * cache's placeholder instead, which it fills with a fresh token in each response (page-cache.ts).
 */
export async function formToken(
  form: "enquiry" | "review" | "waitlist",
  context: unknown,
  client: Pick<ApiClient, "forms"> = api,
): Promise<{ formToken: string | null }> {
  const placeholder = formTokenPlaceholderFrom(context);
  if (placeholder) return { formToken: placeholder(form) };
  try {
    return { formToken: (await client.forms.token.query({ form })).token };
  } catch {
    return { formToken: null };
  }
}

/** What a public form's action answers, for the page to show. */
export interface PublicFormReply {
  /** Conform's reply: messages next to their fields, what was typed kept (or cleared once sent). */
  result: SubmissionResult<string[]>;
  /** "sent": thank the visitor; "failed": the form's error notice; null: see the fields. */
  outcome: "sent" | "failed" | null;
  /** Why the API refused the form, in its words; null when it failed (the form's own words). */
  detail: string | null;
}

export interface PublicForm<Schema extends z.ZodObject> {
  /** The form's schema, its anti-spam fields (`formGuardFields`) included. */
  schema: Schema;
  /** Plain words for empty fields (`missingFieldMessages`). */
  missing: $ZodErrorMap;
  /** Sends a valid form through the visitor's API client. */
  send: (api: ApiClient, value: z.output<Schema>) => Promise<unknown>;
  /** The form's words for a failure nobody can act on (the API down). */
  unavailable: string;
  /** What the log calls a failure, e.g. "enquiry submission". */
  logAs: string;
}

/**
 * The action of a public form with a thank-you (contact, review): parse, send as the visitor,
 * and answer with what happened. Refusals keep what was typed, with their status: 400 for a
 * field or a spam guard, 429 for too many, 503 when the API failed (logged: nobody else sees it).
 */
export async function submitPublicForm<Schema extends z.ZodObject>(
  args: Pick<ActionFunctionArgs, "request" | "context">,
  form: PublicForm<Schema>,
) {
  const submission = parseWithZod(await args.request.formData(), {
    schema: form.schema,
    error: form.missing,
  });
  if (submission.status !== "success") return reply(submission.reply(), null, null, 400);
  const value = submission.value;
  const sent = await submitToApi(
    submission,
    async () => {
      try {
        return await form.send(visitorApi(args), value);
      } catch (error) {
        // The error only: the form's values are the visitor's own details.
        if (!apiRefusal(error)) logger.error(`${form.logAs} failed`, { error });
        throw error;
      }
    },
    {
      unavailable: form.unavailable,
      // The hidden anti-spam fields can't show a message: theirs go to the whole form.
      fields: Object.keys(form.schema.shape).filter((name) => !(name in formGuardFields)),
    },
  );
  if (sent.ok) return reply(submission.reply({ resetForm: true }), "sent", null, 200);
  const { refusal } = sent;
  if (refusal.formErrors.length === 0) return reply(sent.reply, null, null, sent.status);
  const detail = refusal.code === "UNAVAILABLE" ? null : refusal.formErrors.join(" ");
  return reply(sent.reply, "failed", detail, sent.status);
}

function reply(
  result: SubmissionResult<string[]>,
  outcome: PublicFormReply["outcome"],
  detail: string | null,
  status: number,
) {
  return data<PublicFormReply>({ result, outcome, detail }, { status });
}

/** The page cache's `CacheRender.formToken`, which server.ts passes in the load context. */
function formTokenPlaceholderFrom(context: unknown): ((form: string) => string) | null {
  if (typeof context !== "object" || context === null) return null;
  if (!("formTokenPlaceholder" in context)) return null;
  return typeof context.formTokenPlaceholder === "function"
    ? (context.formTokenPlaceholder as (form: string) => string)
    : null;
}
