import {
  type IntakeFormDefinitionInput,
  type IntakeQuestionKind,
  intakeQuestionKindLabels,
  intakeQuestionKinds,
} from "@clinic/domain";
import { callApi } from "@clinic/form-kit/server";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { FieldErrors, FormErrors } from "../components/field-errors";
import { NoticeBanner } from "../components/notice-banner";
import { SubmitButton } from "../components/submit-button";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import {
  builderFieldErrors,
  builderIntentOf,
  CHOICE_KINDS,
  definitionFromForm,
  newQuestionFrom,
  rearranged,
} from "../forms/intake-builder";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

// The owner builds the clinic's intake form (decision 029): a draft edited in one form, then
// published as a new version; patients answer the version they were sent.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];

export const meta: MetaFunction = ({ error }) => pageMeta(error, "Intake form");

const notices = {
  saved: "Draft saved. Patients keep getting the published version until you publish.",
  published: "Published. New patients get this version from now on.",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "intake.manage");
  const [editor, settings] = await Promise.all([
    api.intake.editor.query(),
    api.settings.get.query(),
  ]);
  return { ...editor, timeZone: settings.timeZone, notice: noticeFrom(request, notices) };
}

interface BuilderReply {
  definition: IntakeFormDefinitionInput;
  fieldErrors: Record<string, string>;
  formErrors: string[];
  /** What the "add a question" group held, kept after a refusal. */
  newQuestion: Record<string, string>;
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "intake.manage");
  const formData = await request.formData();
  let definition = definitionFromForm(formData);
  const intent = builderIntentOf(formData.get("intent"), definition.questions.length);
  if (!intent) throw new Response("Unknown action", { status: 400, statusText: "Bad Request" });
  const newQuestion = Object.fromEntries(
    [...formData.entries()]
      .filter(([name, value]) => name.startsWith("new.") && typeof value === "string")
      .map(([name, value]) => [name, value as string]),
  );
  const refuse = (fieldErrors: Record<string, string>, formErrors: string[], status = 400) =>
    data<BuilderReply>(
      {
        definition,
        fieldErrors,
        formErrors,
        newQuestion: intent.kind === "add" ? newQuestion : {},
      },
      { status },
    );

  const before = definition;
  if (intent.kind === "add") {
    const added = newQuestionFrom(formData);
    if (!added.question) return refuse(added.errors, ["The new question needs another look."]);
    definition = { ...definition, questions: [...definition.questions, added.question] };
  }
  definition = rearranged(definition, intent);
  const publishing = intent.kind === "publish";
  const result = await callApi(
    () =>
      publishing
        ? api.intake.publish.mutate({ definition }).then(() => null)
        : api.intake.saveDraft.mutate({ definition }).then(() => null),
    { unavailable: "The form couldn't be saved just now. Try again in a minute." },
  );
  if (!result.ok) {
    const { fields, form } = builderFieldErrors(result.fieldErrors);
    if (intent.kind === "add") {
      // The new question stays in its own group until it is added: its messages go there.
      const last = `q.${before.questions.length}.`;
      for (const key of Object.keys(fields)) {
        if (key.startsWith(last)) {
          fields[`new.${key.slice(last.length)}`] = fields[key]!;
          delete fields[key];
        }
      }
      definition = before;
    }
    const formErrors = [...form, ...result.formErrors.filter((m) => !form.includes(m))];
    return refuse(
      fields,
      formErrors.length > 0 ? formErrors : ["Some fields need another look."],
      result.status,
    );
  }
  const anchor = intent.kind === "add" ? `#question-${definition.questions.length - 1}` : "";
  return redirect(`${withNotice("/intake-form", publishing ? "published" : "saved")}${anchor}`);
}

export default function IntakeFormBuilder() {
  const loaded = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as BuilderReply | undefined;
  const definition: IntakeFormDefinitionInput = reply?.definition ?? loaded.definition;
  const errors = reply?.fieldErrors ?? {};
  const newValues = reply?.newQuestion ?? {};
  const { versions, timeZone } = loaded;

  return (
    <>
      <div className="page-heading">
        <h1>Intake form</h1>
        <p className="lede">
          New patients get a link to this form with their booking confirmation. Edit the draft, then
          publish it: each publication is a new version, and answers stay with the version the
          patient answered.
        </p>
        <p className="muted">
          {loaded.latestVersion
            ? `Published: version ${loaded.latestVersion.version}.`
            : "Not published yet: new patients get no form until you publish."}{" "}
          {loaded.unpublishedChanges ? "The draft has changes that aren't published." : null}
        </p>
      </div>

      <NoticeBanner message={loaded.notice} />
      <FormErrors id="builder-errors" errors={reply?.formErrors} />

      <Form method="post" className="form intake-builder" noValidate>
        <input type="hidden" name="questionCount" value={definition.questions.length} />
        <section className="panel" aria-labelledby="form-details-heading">
          <h2 id="form-details-heading">The form</h2>
          <TextInput name="title" label="Title" value={definition.title} error={errors.title} />
          <TextArea
            name="introduction"
            label="Introduction (optional)"
            hint="Shown above the questions."
            value={definition.introduction ?? ""}
            error={errors.introduction}
          />
        </section>

        <section className="section" aria-labelledby="questions-heading">
          <h2 id="questions-heading">Questions</h2>
          {definition.questions.length === 0 ? (
            <p className="muted">No questions yet: add the first below.</p>
          ) : (
            <ol className="intake-builder__questions">
              {definition.questions.map((question, index) => (
                <li key={question.id} id={`question-${index}`}>
                  <QuestionEditor
                    index={index}
                    count={definition.questions.length}
                    question={question}
                    errors={errors}
                  />
                </li>
              ))}
            </ol>
          )}
        </section>

        <fieldset className="panel intake-builder__new">
          <legend>Add a question</legend>
          <div className="field">
            <label htmlFor="new-kind">Kind of question</label>
            <select
              id="new-kind"
              name="new.kind"
              defaultValue={newValues["new.kind"] ?? "short_text"}
              aria-invalid={errors["new.kind"] ? true : undefined}
              aria-describedby="new-kind-error"
            >
              {intakeQuestionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {intakeQuestionKindLabels[kind]}
                </option>
              ))}
            </select>
            <FieldErrors id="new-kind-error" errors={one(errors["new.kind"])} />
          </div>
          <TextInput
            name="new.label"
            label="Question"
            value={newValues["new.label"] ?? ""}
            error={errors["new.label"]}
          />
          <TextInput
            name="new.helpText"
            label="Help text (optional)"
            value={newValues["new.helpText"] ?? ""}
            error={errors["new.helpText"]}
          />
          <TextArea
            name="new.options"
            label="Options (single and multiple choice), one a line"
            value={newValues["new.options"] ?? ""}
            error={errors["new.options"]}
            rows={4}
          />
          <TextArea
            name="new.statement"
            label="Statement the patient signs (consent)"
            value={newValues["new.statement"] ?? ""}
            error={errors["new.statement"]}
            rows={3}
          />
          <Checkbox
            name="new.required"
            label="Required"
            checked={newValues["new.required"] === "on"}
          />
          <p className="field__hint">
            A body-area checklist always offers the same areas, from head and jaw to ankles and
            feet.
          </p>
          <SubmitButton intent="add" className="button">
            Add question
          </SubmitButton>
        </fieldset>

        <div className="button-row">
          <SubmitButton intent="publish" className="button button--primary">
            Publish as version {(loaded.latestVersion?.version ?? 0) + 1}
          </SubmitButton>
          <SubmitButton intent="save" className="button">
            Save draft
          </SubmitButton>
        </div>
      </Form>

      <section className="section" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Published versions</h2>
        {versions.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Title</th>
                  <th scope="col">Questions</th>
                  <th scope="col">Published</th>
                  <th scope="col">By</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link to={`/intake-form/versions/${v.id}`}>Version {v.version}</Link>
                    </th>
                    <td>{v.title}</td>
                    <td>{v.questionCount}</td>
                    <td>{dateTimeLabel(v.publishedAt, timeZone)}</td>
                    <td>{v.publishedByName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

const one = (message: string | undefined) => (message ? [message] : undefined);
const idOf = (name: string) => `field-${name.replace(/\./g, "-")}`;

function TextInput({
  name,
  label,
  value,
  error,
  hint,
}: {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  hint?: ReactNode;
}) {
  const id = idOf(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="text"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint ? `${id}-hint ${id}-error` : `${id}-error`}
      />
      <FieldErrors id={`${id}-error`} errors={one(error)} />
    </div>
  );
}

function TextArea({
  name,
  label,
  value,
  error,
  hint,
  rows = 3,
}: {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  hint?: ReactNode;
  rows?: number;
}) {
  const id = idOf(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint ? `${id}-hint ${id}-error` : `${id}-error`}
      />
      <FieldErrors id={`${id}-error`} errors={one(error)} />
    </div>
  );
}

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  const id = idOf(name);
  return (
    <div className="field field--checkbox">
      <input id={id} name={name} type="checkbox" defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** One question's fields, with buttons to move it up or down or remove it. */
function QuestionEditor({
  index,
  count,
  question,
  errors,
}: {
  index: number;
  count: number;
  question: IntakeFormDefinitionInput["questions"][number];
  errors: Record<string, string>;
}) {
  const prefix = `q.${index}`;
  const kind = question.kind as IntakeQuestionKind;
  const headingId = `question-${index}-heading`;
  return (
    <fieldset className="panel intake-builder__question" aria-labelledby={headingId}>
      <legend id={headingId}>
        Question {index + 1}: {intakeQuestionKindLabels[kind]}
      </legend>
      <input type="hidden" name={`${prefix}.id`} value={question.id} />
      <input type="hidden" name={`${prefix}.kind`} value={question.kind} />
      <TextInput
        name={`${prefix}.label`}
        label="Question"
        value={question.label}
        error={errors[`${prefix}.label`]}
      />
      <TextInput
        name={`${prefix}.helpText`}
        label="Help text (optional)"
        value={question.helpText ?? ""}
        error={errors[`${prefix}.helpText`]}
      />
      {CHOICE_KINDS.includes(kind) && "options" in question ? (
        <TextArea
          name={`${prefix}.options`}
          label="Options, one a line"
          value={question.options.join("\n")}
          error={errors[`${prefix}.options`]}
          rows={Math.max(3, question.options.length + 1)}
        />
      ) : null}
      {kind === "consent" && "statement" in question ? (
        <TextArea
          name={`${prefix}.statement`}
          label="Statement the patient signs"
          value={question.statement}
          error={errors[`${prefix}.statement`]}
          rows={4}
        />
      ) : null}
      <Checkbox name={`${prefix}.required`} label="Required" checked={question.required === true} />
      {errors[`${prefix}.id`] ? (
        <FieldErrors id={`${idOf(prefix)}-id-error`} errors={one(errors[`${prefix}.id`])} />
      ) : null}
      <div className="button-row">
        {index > 0 ? (
          <SubmitButton intent={`up:${index}`} className="button button--small">
            Move up<span className="visually-hidden"> question {index + 1}</span>
          </SubmitButton>
        ) : null}
        {index < count - 1 ? (
          <SubmitButton intent={`down:${index}`} className="button button--small">
            Move down<span className="visually-hidden"> question {index + 1}</span>
          </SubmitButton>
        ) : null}
        <SubmitButton intent={`remove:${index}`} className="button button--small button--danger">
          Remove<span className="visually-hidden"> question {index + 1}</span>
        </SubmitButton>
      </div>
    </fieldset>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
