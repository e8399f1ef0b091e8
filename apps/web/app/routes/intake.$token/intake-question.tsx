import {
  answerFieldName,
  bodyAreas,
  type IntakeAnswerValue,
  type IntakeQuestion,
} from "@clinic/domain";
import type { ReactNode } from "react";
import { FieldErrors } from "../../components/form-field";

/** The value a field shows: what was just posted (kept after a refusal), else what was saved. */
export type ShownValue = IntakeAnswerValue | undefined;

const fieldId = (question: IntakeQuestion, part?: string) =>
  `intake-${question.id}${part ? `-${part}` : ""}`;

function asList(value: ShownValue): string[] {
  if (Array.isArray(value)) return value;
  return typeof value === "string" ? [value] : [];
}

function asText(value: ShownValue): string {
  return typeof value === "string" ? value : "";
}

function RequiredMark({ required }: { required: boolean }) {
  return required ? <span className="intake-question__required"> (required)</span> : null;
}

/**
 * One question of the form. Choices, yes/no, body areas and the consent are a fieldset whose
 * legend is the question; text and dates a labelled input. Help text and errors are tied to
 * the control by aria-describedby.
 */
export function IntakeQuestionField({
  question,
  value,
  error,
}: {
  question: IntakeQuestion;
  value: ShownValue;
  error: string | undefined;
}) {
  const id = fieldId(question);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [question.helpText ? hintId : null, errorId].filter(Boolean).join(" ");
  const invalid = error ? true : undefined;
  const className = error ? "field field--invalid intake-question" : "field intake-question";
  const hint = question.helpText ? (
    <p id={hintId} className="field__hint">
      {question.helpText}
    </p>
  ) : null;
  const errors = <FieldErrors id={errorId} errors={error ? [error] : undefined} />;
  const name = answerFieldName(question.id);

  if (question.kind === "short_text" || question.kind === "long_text" || question.kind === "date") {
    return (
      <div className={className}>
        <label htmlFor={id} className="field__label">
          {question.label}
          <RequiredMark required={question.required} />
        </label>
        {hint}
        {question.kind === "long_text" ? (
          <textarea
            id={id}
            name={name}
            rows={4}
            maxLength={4000}
            defaultValue={asText(value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        ) : (
          <input
            id={id}
            name={name}
            type={question.kind === "date" ? "date" : "text"}
            maxLength={question.kind === "date" ? undefined : 200}
            defaultValue={asText(value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
        {errors}
      </div>
    );
  }

  if (question.kind === "consent") {
    const signed = value && typeof value === "object" && !Array.isArray(value) ? value : null;
    return (
      <fieldset className={className} aria-describedby={describedBy}>
        <legend className="field__label">
          {question.label}
          <RequiredMark required={question.required} />
        </legend>
        {hint}
        <div className="intake-consent__statement">
          {question.statement.split(/\n+/).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
        <p className="field__hint">Type your full name and today's date to sign.</p>
        <div className="intake-consent__signature">
          <div className="field">
            <label htmlFor={fieldId(question, "name")} className="field__label">
              Full name
            </label>
            <input
              id={fieldId(question, "name")}
              name={answerFieldName(question.id, "name")}
              type="text"
              autoComplete="name"
              maxLength={120}
              defaultValue={signed?.name ?? ""}
              aria-describedby={errorId}
              aria-invalid={invalid}
            />
          </div>
          <div className="field">
            <label htmlFor={fieldId(question, "date")} className="field__label">
              Date
            </label>
            <input
              id={fieldId(question, "date")}
              name={answerFieldName(question.id, "date")}
              type="date"
              defaultValue={signed?.date ?? ""}
              aria-describedby={errorId}
              aria-invalid={invalid}
            />
          </div>
        </div>
        {errors}
      </fieldset>
    );
  }

  const multiple = question.kind === "multiple_choice" || question.kind === "body_areas";
  const options: { value: string; label: string }[] =
    question.kind === "yes_no"
      ? [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]
      : question.kind === "body_areas"
        ? bodyAreas.map((area) => ({ value: area.id, label: area.label }))
        : question.options.map((option) => ({ value: option, label: option }));
  const chosen = asList(value);
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend className="field__label">
        {question.label}
        <RequiredMark required={question.required} />
      </legend>
      {hint}
      <OptionList columns={question.kind === "body_areas"}>
        {options.map((option, index) => {
          const optionId = `${id}-${index}`;
          return (
            <li key={option.value} className="intake-option">
              <input
                id={optionId}
                type={multiple ? "checkbox" : "radio"}
                name={name}
                value={option.value}
                defaultChecked={chosen.includes(option.value)}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </li>
          );
        })}
      </OptionList>
      {errors}
    </fieldset>
  );
}

function OptionList({ columns, children }: { columns: boolean; children: ReactNode }) {
  return (
    <ul className={columns ? "intake-options intake-options--columns" : "intake-options"}>
      {children}
    </ul>
  );
}
