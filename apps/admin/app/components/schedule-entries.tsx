import {
  getFormProps,
  getInputProps,
  type Submission,
  type SubmissionResult,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import type { $ZodErrorMap } from "zod/v4/core";
import { orphanHeadline } from "../formatting/schedule-changes-display";
import type { OrphanedBooking } from "../server/schedule-changes.server";
import { FieldErrors, FormErrors } from "./field-errors";
import { OrphanConfirmation } from "./orphan-list";
import { SubmitButton } from "./submit-button";

/**
 * Dated schedule entries (a practitioner's time off, the clinic's closures): their list, the
 * confirmation before removing one, and the form that adds one.
 */

export function ScheduleEntryTable({
  entries,
  whenHeading,
  removable,
  removeHref,
  removeLabel,
}: {
  entries: readonly { id: string; when: string; reason: ReactNode }[];
  whenHeading: string;
  removable: boolean;
  removeHref: (id: string) => string;
  /** The remove link's full name, e.g. "Remove closure: Friday 25 December 2026". */
  removeLabel: (when: string) => string;
}) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{whenHeading}</th>
          <th scope="col">Reason</th>
          {removable ? (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <th scope="row">{entry.when}</th>
            <td>{entry.reason}</td>
            {removable ? (
              <td>
                <Link to={removeHref(entry.id)} aria-label={removeLabel(entry.when)}>
                  Remove
                </Link>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Remove this …?" with the entry, a button that removes it and a way back. */
export function RemovalConfirmation({
  headingId,
  heading,
  intent,
  id,
  submitLabel,
  keepTo,
  children,
}: {
  headingId: string;
  heading: string;
  intent: string;
  id: string;
  submitLabel: string;
  keepTo: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className="warning section" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <p>{children}</p>
      <input type="hidden" name="id" value={id} />
      <div className="actions">
        <SubmitButton intent={intent} className="button button--danger">
          {submitLabel}
        </SubmitButton>
        <Link to={keepTo} className="button button--quiet">
          Keep it
        </Link>
      </div>
    </Form>
  );
}

/** The fields a dated entry's form may have; a closure has no times. */
type EntryFields = {
  startDate: string;
  endDate?: string;
  startTime?: string;
  endTime?: string;
  reason: string;
};

/**
 * Adds a dated entry: first and last day (and times, for time off) and a reason. A refusal
 * for bookings it would cover lists them, with a button that adds it anyway.
 */
export function ScheduleEntryForm({
  id,
  heading,
  intent,
  schema,
  error,
  lastResult,
  orphans,
  timeZone,
  withTimes = false,
  where,
  note,
  confirmLabel,
  showPractitioner = false,
  reasonLabel,
  submitLabel,
}: {
  id: string;
  heading: string;
  intent: string;
  schema: z.ZodObject;
  error?: $ZodErrorMap;
  lastResult: SubmissionResult<string[]> | undefined;
  orphans: readonly OrphanedBooking[] | undefined;
  timeZone: string;
  withTimes?: boolean;
  /** Where the orphan headline says the bookings fall: "within this time off". */
  where: string;
  note: string;
  confirmLabel: string;
  showPractitioner?: boolean;
  reasonLabel: string;
  submitLabel: string;
}) {
  const [form, fields] = useForm<EntryFields>({
    id,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema, error }) as unknown as Submission<EntryFields>,
  });
  const field = (name: keyof EntryFields, label: string, type: "date" | "time" | "text") => {
    const meta = fields[name];
    const { key, ...props } = getInputProps(meta, { type });
    return (
      <div className="field">
        <label htmlFor={meta.id}>{label}</label>
        <input key={key} {...props} />
        <FieldErrors id={meta.errorId} errors={meta.errors} />
      </div>
    );
  };
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="form section"
      aria-labelledby={`add-${id}-heading`}
    >
      <h3 id={`add-${id}-heading`}>{heading}</h3>
      <input type="hidden" name="intent" value={intent} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {orphans && orphans.length > 0 ? (
        <OrphanConfirmation
          headline={orphanHeadline(orphans.length, where)}
          note={note}
          orphans={orphans}
          timeZone={timeZone}
          showPractitioner={showPractitioner}
          confirmLabel={confirmLabel}
          footnote="Or change the dates below."
        />
      ) : null}
      <div className="form-row">
        {field("startDate", "First day", "date")}
        {field("endDate", "Last day (if more than one)", "date")}
        {withTimes ? field("startTime", "From (leave empty for whole days)", "time") : null}
        {withTimes ? field("endTime", "Until", "time") : null}
      </div>
      {field("reason", reasonLabel, "text")}
      <div className="actions">
        <SubmitButton className="button button--primary">{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
