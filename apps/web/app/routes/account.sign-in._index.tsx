import { submitToApi } from "@clinic/form-kit/server";
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EMAIL_INPUT, Field, FormErrors } from "../components/form-field";
import { FormOutcome, useCheckedForm, useSubmitting } from "../components/public-form";
import { useClinic } from "../components/use-clinic";
import { telHref } from "../formatting/contact-details";
import { pageMeta } from "../formatting/page-meta";
import {
  signInLinkFormErrors,
  signInLinkFormSchema,
  signInLinkSentMessage,
} from "../forms/sign-in-link-form";
import { signInNotice } from "../links/account-links";
import { MANAGE_PAGE_META } from "../links/manage-link";
import { patientPageHeaders } from "../server/cache-control";
import { patientApi } from "../server/patient-session.server";

// One visitor's form and its answer: never cached (`private, no-store`).
export const headers = patientPageHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  return { notice: signInNotice(new URL(request.url).searchParams) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), {
    schema: signInLinkFormSchema,
    error: signInLinkFormErrors,
  });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), sentTo: null }, { status: 400 });
  }
  const sent = await submitToApi(
    submission,
    () => patientApi(request, context).patientAccess.requestLink.mutate(submission.value),
    {
      fields: ["email"],
      unavailable: "We couldn't send a link just now. Please try again in a few minutes.",
    },
  );
  if (!sent.ok) return data({ result: sent.reply, sentTo: null }, { status: sent.status });
  return { result: submission.reply(), sentTo: submission.value.email };
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, {
    title: "Your bookings: sign in",
    description: "Get a sign-in link by email to see, change or cancel your appointments.",
  }),
  ...MANAGE_PAGE_META,
];

export default function SignInPage() {
  const { notice } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const clinic = useClinic();
  const submitting = useSubmitting();
  const [form, fields] = useCheckedForm({
    id: "sign-in-link",
    schema: signInLinkFormSchema,
    missing: signInLinkFormErrors,
    lastResult: reply?.result,
  });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, {
    type: "email",
    ariaDescribedBy: "sign-in-email-hint",
  });
  const phone = <a href={telHref(clinic.phone)}>{clinic.phone}</a>;

  return (
    <div className="container container--narrow page account">
      <header className="page-header">
        <h1>Your bookings</h1>
        <p className="lead">
          See your upcoming and past appointments, and change or cancel them. We'll email you a link
          to sign in: no password needed.
        </p>
      </header>

      {notice === "signed-out" ? (
        <div className="notice notice--success" role="status">
          <p>You've signed out.</p>
        </div>
      ) : null}
      {notice === "ended" ? (
        <div className="notice notice--info" role="status">
          <p>Your sign-in has ended. Ask for a new link to see your bookings.</p>
        </div>
      ) : null}

      <section className="card" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title" className="card__title">
          Email me a sign-in link
        </h2>
        {reply?.sentTo ? (
          <FormOutcome sent reply={reply}>
            <p>{signInLinkSentMessage(reply.sentTo)}</p>
            <p>
              Nothing after a few minutes? Check your spam folder, or <Link to=".">ask again</Link>.
            </p>
          </FormOutcome>
        ) : (
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field
              label="Email address"
              field={fields.email}
              hint="The email address you gave when you booked."
              hintId="sign-in-email-hint"
            >
              <input key={emailKey} {...emailProps} {...EMAIL_INPUT} />
            </Field>
            <button type="submit" className="button button--primary" disabled={submitting}>
              Email me a link
            </button>
          </Form>
        )}
      </section>

      <section className="account__help" aria-labelledby="sign-in-help">
        <h2 id="sign-in-help">Good to know</h2>
        <ul>
          <li>
            The link works once, for 30 minutes. You stay signed in on this device for up to a week
            unless you sign out.
          </li>
          <li>
            Booked by phone without giving an email address? This page can't sign you in: call us on{" "}
            {phone} to change or cancel your appointment.
          </li>
          <li>Each booking's own email also has a link to change or cancel it.</li>
        </ul>
      </section>
    </div>
  );
}
