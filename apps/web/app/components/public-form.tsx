import { type DefaultValue, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useNavigation } from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import type { z } from "zod";
import type { $ZodErrorMap } from "zod/v4/core";
import { telHref } from "../formatting/contact-details";

/**
 * A public form checked in the browser with the server's own schema: a field once it is left,
 * then as it is corrected. `lastResult` is the action's reply: its messages, what was typed.
 */
export function useCheckedForm<Schema extends z.ZodObject>(options: {
  id: string;
  schema: Schema;
  missing: $ZodErrorMap;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue?: DefaultValue<z.input<Schema>>;
}) {
  const { schema, missing } = options;
  return useForm<z.input<Schema>, z.output<Schema>, string[]>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema, error: missing }),
  });
}

/** Whether a form is being sent (to disable its button meanwhile); only forms that post do. */
export function useSubmitting(): boolean {
  return useNavigation().state === "submitting";
}

/**
 * The notice a public form shows once it was sent (in place of the form) or failed (above
 * it). With JavaScript the page doesn't reload, so it takes the reader there, as a page would.
 */
export function FormOutcome({
  sent,
  reply,
  id,
  children,
}: {
  sent: boolean;
  /** The action's reply: a new one is a new outcome to announce. */
  reply: unknown;
  id?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Runs for each new reply, so a second failure in a row is announced too.
  useEffect(() => {
    ref.current?.focus();
  }, [reply]);
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={-1}
      role={sent ? "status" : "alert"}
      className={`notice ${sent ? "notice--success" : "notice--error"} form-outcome`}
    >
      {children}
    </div>
  );
}

/**
 * A public form's failure notice: what failed, then the API's own word on why (a rate limit, a
 * refusal) or, without one, try again later or call the clinic.
 */
export function FormFailed({
  reply,
  id,
  headline,
  clinicPhone,
}: {
  reply: { detail?: string | null | undefined };
  id?: string;
  headline: string;
  clinicPhone: string;
}) {
  return (
    <FormOutcome sent={false} reply={reply} id={id}>
      <p>{headline}</p>
      <p>
        {reply.detail ?? (
          <>
            Please try again in a few minutes, or call us on{" "}
            <a href={telHref(clinicPhone)}>{clinicPhone}</a>.
          </>
        )}
      </p>
    </FormOutcome>
  );
}
