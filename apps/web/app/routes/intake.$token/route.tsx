import { answersFromFormEntries, type IntakeAnswerValue, intakeTokenSchema } from "@clinic/domain";
import { callApi, notFound, requireRecord } from "@clinic/form-kit/server";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { FormErrors } from "../../components/form-field";
import { pageMeta } from "../../formatting/page-meta";
import { MANAGE_PAGE_META } from "../../links/manage-link";
import { api } from "../../server/api.server";
import { privatePageHeaders } from "../../server/cache-control";
import { useAutosave } from "./autosave";
import { IntakeQuestionField } from "./intake-question";

// A patient's intake form, opened from the link in their confirmation email (decision 029).
// Works without JavaScript: "Save and continue later" and "Submit" post the whole form; with
// JavaScript, answers are also saved shortly after each change.

export const headers = privatePageHeaders;

function requireIntakeToken(value: string | undefined): string {
  const parsed = intakeTokenSchema.safeParse(value);
  if (!parsed.success) throw notFound("Form");
  return parsed.data;
}

const intakePath = (token: string) => `/intake/${token}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = requireIntakeToken(params.token);
  const form = await requireRecord(() => api.intake.byToken.query({ token }), "Form");
  const search = new URL(request.url).searchParams;
  return { form, saved: search.get("saved") === "1" };
}

/** What an action answers: the messages by question id, and what was posted (kept in the form). */
export interface IntakeActionReply {
  intent: "save" | "submit" | "autosave";
  ok: boolean;
  savedAt?: string;
  fieldErrors: Record<string, string>;
  formErrors: string[];
  values: Record<string, IntakeAnswerValue> | null;
}

const INTENTS = new Set(["save", "submit", "autosave"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const token = requireIntakeToken(params.token);
  const formData = await request.formData();
  const intentValue = String(formData.get("intent") ?? "save");
  const intent = (INTENTS.has(intentValue) ? intentValue : "save") as IntakeActionReply["intent"];
  const answers = answersFromFormEntries(formData.entries());
  const result = await callApi(
    () => api.intake.saveByToken.mutate({ token, answers, submit: intent === "submit" }),
    { unavailable: "We couldn't save your answers just now. Please try again in a minute." },
  );
  if (result.ok) {
    if (intent === "autosave") {
      const reply: IntakeActionReply = {
        intent,
        ok: true,
        savedAt: result.value.savedAt.toISOString(),
        fieldErrors: {},
        formErrors: [],
        values: null,
      };
      return reply;
    }
    return redirect(intent === "submit" ? intakePath(token) : `${intakePath(token)}?saved=1`);
  }
  if (result.code === "NOT_FOUND") throw notFound("Form");
  const fieldErrors: Record<string, string> = {};
  const formErrors = [...result.formErrors];
  for (const [field, messages] of Object.entries(result.fieldErrors)) {
    const id = field.startsWith("answers.") ? field.slice("answers.".length) : null;
    if (id) fieldErrors[id] = messages[0] ?? "Check this answer";
    else formErrors.push(...messages);
  }
  const reply: IntakeActionReply = {
    intent,
    ok: false,
    fieldErrors,
    formErrors:
      Object.keys(fieldErrors).length > 0 && formErrors.length === 0
        ? [
            intent === "submit"
              ? "Some answers need another look before you submit (see the messages below)."
              : "Some answers need another look before they can be saved (see the messages below).",
          ]
        : formErrors,
    values: answers as Record<string, IntakeAnswerValue>,
  };
  return data(reply, { status: result.status });
}

/** An autosave changes nothing the page shows from the loader: no reload of it after one. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageMeta(matches, {
    title: data?.form.state === "open" ? data.form.definition.title : "Your new patient form",
    description: "Your new patient form.",
  }),
  ...MANAGE_PAGE_META,
];

/** A date on the clinic's calendar, the same on the server and in the browser. */
const dateLabel = (date: Date | string, timeZone: string) =>
  new Date(date).toLocaleDateString("en-AU", { dateStyle: "long", timeZone });

const savedTime = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-AU", { hour: "numeric", minute: "2-digit" });

export default function IntakeFormPage() {
  const { form, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as IntakeActionReply | undefined;
  const navigation = useNavigation();
  const autosave = useAutosave();
  // The newest word on the answers wins: the last autosave's or the last button's.
  const [latest, setLatest] = useState<"post" | "autosave">("post");
  useEffect(() => {
    if (reply) setLatest("post");
  }, [reply]);
  useEffect(() => {
    if (autosave.reply) setLatest("autosave");
  }, [autosave.reply]);
  const errors = latest === "autosave" ? (autosave.fieldErrors ?? {}) : (reply?.fieldErrors ?? {});

  if (form.state === "submitted") {
    return (
      <div className="container container--narrow page intake">
        <header className="page-header">
          <h1>Thank you</h1>
        </header>
        <div className="notice notice--success" role="status">
          <p>
            Your form was received
            {form.submittedAt ? ` on ${dateLabel(form.submittedAt, form.clinic.timeZone)}` : ""}.
            Your practitioner will read it before your visit.
          </p>
        </div>
        <p>
          To change an answer, tell your practitioner at your appointment or call {form.clinic.name}{" "}
          on {form.clinic.phone}.
        </p>
      </div>
    );
  }
  if (form.state === "expired") {
    return (
      <div className="container container--narrow page intake">
        <header className="page-header">
          <h1>This form link has expired</h1>
        </header>
        <p>
          Please call {form.clinic.name} on {form.clinic.phone} and we'll help you with your new
          patient form.
        </p>
      </div>
    );
  }

  const values = reply?.values ?? (form.answers as Record<string, IntakeAnswerValue>);
  const submitting = navigation.state === "submitting";
  const savedAt = autosave.savedAt;

  return (
    <div className="container container--narrow page intake">
      <header className="page-header">
        <h1>{form.definition.title}</h1>
        {form.definition.introduction ? (
          <p className="lead">{form.definition.introduction}</p>
        ) : null}
        <p>
          You can save your answers and finish later with the same link, until{" "}
          {dateLabel(form.expiresAt, form.clinic.timeZone)}.
        </p>
      </header>

      {saved && !reply ? (
        <div className="notice notice--success" role="status">
          <p>Your answers are saved. Come back with the link in your email to finish.</p>
        </div>
      ) : null}
      <FormErrors id="intake-form-errors" errors={reply?.formErrors} />

      <Form method="post" className="form intake-form" ref={autosave.formRef} noValidate>
        {form.definition.questions.map((question) => (
          <IntakeQuestionField
            key={question.id}
            question={question}
            value={values[question.id]}
            error={errors[question.id]}
          />
        ))}
        <p className="intake-form__saved" role="status" aria-live="polite">
          {autosave.state === "saving"
            ? "Saving…"
            : savedAt
              ? `Saved at ${savedTime(savedAt)}`
              : ""}
        </p>
        <div className="button-row">
          <button
            type="submit"
            name="intent"
            value="submit"
            className="button button--primary"
            disabled={submitting}
          >
            Submit
          </button>
          <button
            type="submit"
            name="intent"
            value="save"
            className="button button--secondary"
            disabled={submitting}
          >
            Save and continue later
          </button>
        </div>
      </Form>
    </div>
  );
}
