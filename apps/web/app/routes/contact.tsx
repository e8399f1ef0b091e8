import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { EMAIL_INPUT, Field } from "../components/form-field";
import { FormTrap } from "../components/form-trap";
import { OpeningHours } from "../components/opening-hours";
import { FormFailed, FormOutcome, useCheckedForm, useSubmitting } from "../components/public-form";
import { useClinic } from "../components/use-clinic";
import { addressLines, directionsHref, telHref } from "../formatting/contact-details";
import { clinicNameFrom, pageMeta } from "../formatting/page-meta";
import {
  CONTACT_FAILED,
  contactForm,
  contactFormErrors,
  contactFormSchema,
} from "../forms/contact-form";
import { formToken, submitPublicForm } from "../forms/public-form.server";
import { publicPageHeaders } from "../server/cache-control";

export function loader({ context }: LoaderFunctionArgs) {
  return formToken("enquiry", context);
}

// The same for every visitor: the form's token is filled in per response (page-cache.ts).
export const headers = publicPageHeaders;

export function action(args: ActionFunctionArgs) {
  return submitPublicForm(args, contactForm);
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, {
    title: "Contact",
    description: `How to reach ${clinicNameFrom(matches) ?? "the clinic"}: send a message, call, email or visit.`,
  });

// The clinic's details come from the root loader's settings.
export default function ContactPage() {
  const clinic = useClinic();
  return (
    <div className="container page">
      <header className="page-header">
        <h1>Let's get in touch</h1>
        <p className="lead">
          Questions about treatment or appointments? Send us a message, call, email or visit.
        </p>
      </header>
      <div className="contact-layout">
        <ContactForm />
        <div className="contact-layout__details">
          <section className="card contact-card" aria-labelledby="contact-visit">
            <h2 id="contact-visit" className="card__title">
              Visit us
            </h2>
            <address>
              {clinic.name}
              {addressLines(clinic.address).map((line) => (
                <span key={line} className="contact-card__line">
                  {line}
                </span>
              ))}
            </address>
            <p>
              <a href={directionsHref(clinic.name, clinic.address)}>Get directions</a>
            </p>
          </section>
          <div className="card contact-card">
            <OpeningHours clinic={clinic} headingId="contact-hours" headingClass="card__title" />
          </div>
          <section className="card contact-card" aria-labelledby="contact-call">
            <h2 id="contact-call" className="card__title">
              Call us
            </h2>
            <p>
              <a href={telHref(clinic.phone)} className="contact-card__big">
                {clinic.phone}
              </a>
            </p>
          </section>
          <section className="card contact-card" aria-labelledby="contact-email">
            <h2 id="contact-email" className="card__title">
              Email us
            </h2>
            <p>
              <a href={`mailto:${clinic.email}`} className="contact-card__big">
                {clinic.email}
              </a>
            </p>
          </section>
        </div>
      </div>
    </div>
  );
}

function ContactForm() {
  const { formToken } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const clinic = useClinic();
  const submitting = useSubmitting();
  const [form, fields] = useCheckedForm({
    id: "contact",
    schema: contactFormSchema,
    missing: contactFormErrors,
    lastResult: reply?.result,
  });

  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });
  const { key: phoneKey, ...phoneProps } = getInputProps(fields.phone, { type: "tel" });
  const { key: messageKey, ...messageProps } = getTextareaProps(fields.message);

  return (
    <section className="card contact-form" aria-labelledby="contact-form-title">
      <h2 id="contact-form-title">Send us a message</h2>
      {reply?.outcome === "sent" ? (
        <FormOutcome sent reply={reply}>
          <p>Thank you! Your submission has been received!</p>
          <p>We usually reply within one business day.</p>
        </FormOutcome>
      ) : (
        <>
          {reply?.outcome === "failed" ? (
            <FormFailed
              reply={reply}
              id={form.errorId}
              headline={CONTACT_FAILED}
              clinicPhone={clinic.phone}
            />
          ) : null}
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormTrap formToken={formToken} />
            <Field label="Name" field={fields.name}>
              <input key={nameKey} {...nameProps} autoComplete="name" />
            </Field>
            <Field label="Email" field={fields.email}>
              <input key={emailKey} {...emailProps} {...EMAIL_INPUT} />
            </Field>
            <Field label="Phone (optional)" field={fields.phone}>
              <input key={phoneKey} {...phoneProps} autoComplete="tel" />
            </Field>
            <Field label="Message" field={fields.message}>
              <textarea key={messageKey} {...messageProps} rows={6} />
            </Field>
            <button type="submit" className="button button--primary" disabled={submitting}>
              {submitting ? "Sending…" : "Send message"}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
