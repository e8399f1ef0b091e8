import {
  renderSmsTemplate,
  sampleSmsValues,
  smsSegments,
  smsSettingsInputSchema,
  smsTemplateProblems,
} from "@clinic/domain";
import { getFormProps } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "../components/field-errors";
import { TextAreaField, TextField } from "../components/form-controls";
import { NoticeBanner } from "../components/notice-banner";
import { SubmitButton } from "../components/submit-button";
import { useSchemaForm } from "../components/use-schema-form";
import { pageMeta } from "../formatting/page-title";
import { submitForm } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Text reminders");

const notices = { saved: "Text reminder settings saved." } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "settings.write");
  const sms = await api.sms.settings.query();
  return {
    notice: noticeFrom(request, notices),
    sms,
    // One sample appointment for every preview of this page, server and browser alike.
    sampleAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "settings.write");
  return submitForm(await request.formData(), {
    schema: smsSettingsInputSchema,
    fields: ["reminderTemplate", "defaultCountry"],
    send: (settings) => api.sms.updateSettings.mutate(settings),
    redirectTo: () => withNotice("/settings/sms", "saved"),
  });
}

/** The reminder as a patient would get it, from the text as it stands in the form. */
function Preview({
  template,
  clinic,
  at,
}: {
  template: string;
  clinic: { name: string; phone: string; timeZone: string };
  at: Date;
}) {
  if (template.trim() === "" || smsTemplateProblems(template).length > 0) {
    return <p className="field__hint">The preview shows once the text has no mistakes.</p>;
  }
  const text = renderSmsTemplate(template.trim(), sampleSmsValues(clinic, at));
  const { segments, encoding } = smsSegments(text);
  return (
    <>
      <blockquote className="sms-preview" data-testid="sms-preview">
        {text}
      </blockquote>
      <p className="field__hint">
        {text.length} characters: sent as {segments} {segments === 1 ? "message" : "messages"} (
        {encoding}).
      </p>
    </>
  );
}

export default function SmsSettings() {
  const { notice, sms, sampleAt } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.reply;
  const [form, fields] = useSchemaForm(smsSettingsInputSchema, {
    id: "sms-settings",
    lastResult,
    defaultValue: { reminderTemplate: sms.reminderTemplate, defaultCountry: sms.defaultCountry },
  });
  const template =
    typeof fields.reminderTemplate.value === "string"
      ? fields.reminderTemplate.value
      : sms.reminderTemplate;
  return (
    <>
      <div className="page-heading">
        <h1>Text reminders</h1>
        <p className="lede">
          Patients who tick "Text me a reminder" when they book get a text{" "}
          {sms.enabled ? "a day before their appointment" : "once texts are on"}, beside the email
          reminder. A reply of STOP ends their texts; START brings them back.{" "}
          <Link to="/settings">Other settings</Link>
        </p>
      </div>
      <NoticeBanner message={notice} />
      <section className="panel" aria-labelledby="sms-status-heading">
        <h2 id="sms-status-heading">Sending</h2>
        {sms.enabled ? (
          <p data-testid="sms-status">
            <strong>On</strong>: texts are sent from {sms.from}. Set the number's incoming-message
            webhook at the provider to the API's <code>{sms.inboundPath}</code>.
          </p>
        ) : (
          <p data-testid="sms-status">
            <strong>Off</strong>: no SMS provider is configured (the API's SMS_PROVIDER_URL,
            SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM). Patients can still ask for texts; none
            are sent until it is.
          </p>
        )}
      </section>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <section className="panel" aria-labelledby="sms-template-heading">
          <h2 id="sms-template-heading">The reminder</h2>
          <TextAreaField
            meta={fields.reminderTemplate}
            label="Reminder text"
            rows={4}
            maxLength={sms.maxLength}
            hint={
              <>
                Up to {sms.maxLength} characters. Placeholders:{" "}
                {sms.placeholders.map((p, index) => (
                  <span key={p.name}>
                    {index > 0 ? ", " : ""}
                    <code>{`{${p.name}}`}</code> ({p.meaning})
                  </span>
                ))}
                . "Reply STOP to opt out." is added unless the text mentions STOP.
              </>
            }
          />
          <h3>Preview</h3>
          <Preview template={template} clinic={sms.clinic} at={new Date(sampleAt)} />
        </section>
        <section className="panel" aria-labelledby="sms-country-heading">
          <h2 id="sms-country-heading">Phone numbers</h2>
          <TextField
            meta={fields.defaultCountry}
            label="Country of local numbers"
            hint="Two letters, e.g. AU: numbers typed without a + are read as this country's mobile numbers."
            maxLength={2}
          />
        </section>
        <div className="button-row">
          <SubmitButton className="button button--primary">Save text reminders</SubmitButton>
        </div>
      </Form>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
