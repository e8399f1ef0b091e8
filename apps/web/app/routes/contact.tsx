import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Field } from "../components/form-field";
import { FormTrap } from "../components/form-trap";
import { useClinic } from "../components/use-clinic";
import { addressLines, telHref } from "../formatting/contact-details";
import { clinicNameFrom, pageMeta } from "../formatting/page-meta";
import { contactFormErrors, contactFormSchema, enquirySubmission } from "../forms/contact-form";
import { classifySubmitFailure } from "../forms/submit-failure";
import { apiFor } from "../server/api.server";
import { socketAddressFrom } from "../server/client-address";

export function loader() {
  // For the API's "sent too fast to be a person" check.
  return { renderedAt: Date.now() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, {
    schema: contactFormSchema,
    error: contactFormErrors,
  });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), outcome: null, detail: null }, { status: 400 });
  }
  try {
    await apiFor(request, socketAddressFrom(context)).enquiries.submit.mutate(
      enquirySubmission(submission.value),
    );
    return {
      result: submission.reply({ resetForm: true }),
      outcome: "sent" as const,
      detail: null,
    };
  } catch (error) {
    const failure = classifySubmitFailure(error);
    if (failure.kind === "fields") {
      return data(
        {
          result: submission.reply({ fieldErrors: failure.fieldErrors }),
          outcome: null,
          detail: null,
        },
        { status: 400 },
      );
    }
    if (failure.kind === "unavailable") console.error("enquiry submission failed", error);
    return data(
      {
        result: submission.reply(),
        outcome: "failed" as const,
        detail: failure.kind === "refused" ? failure.detail : null,
      },
      { status: failure.status },
    );
  }
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
          </section>
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
  const { renderedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const clinic = useClinic();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formMethod === "POST";
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [form, fields] = useForm({
    id: "contact",
    lastResult: actionData?.result,
    constraint: getZodConstraint(contactFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: contactFormSchema, error: contactFormErrors }),
  });

  // With JavaScript the page doesn't reload: take the reader to what happened.
  useEffect(() => {
    if (actionData?.outcome) outcomeRef.current?.focus();
  }, [actionData]);

  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });
  const { key: phoneKey, ...phoneProps } = getInputProps(fields.phone, { type: "tel" });
  const { key: messageKey, ...messageProps } = getTextareaProps(fields.message);

  return (
    <section className="card contact-form" aria-labelledby="contact-form-title">
      <h2 id="contact-form-title">Send us a message</h2>
      {actionData?.outcome === "sent" ? (
        <div
          ref={outcomeRef}
          tabIndex={-1}
          role="status"
          className="notice notice--success form-outcome"
        >
          <p>Thank you! Your submission has been received!</p>
          <p>We usually reply within one business day.</p>
        </div>
      ) : (
        <>
          {actionData?.outcome === "failed" ? (
            <div
              ref={outcomeRef}
              tabIndex={-1}
              role="alert"
              className="notice notice--error form-outcome"
            >
              <p>Oops! Something went wrong while submitting the form.</p>
              <p>
                {actionData.detail ?? (
                  <>
                    Please try again in a few minutes, or call us on{" "}
                    <a href={telHref(clinic.phone)}>{clinic.phone}</a>.
                  </>
                )}
              </p>
            </div>
          ) : null}
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormTrap renderedAt={renderedAt} />
            <Field
              label="Name"
              htmlFor={fields.name.id}
              errorId={fields.name.errorId}
              errors={fields.name.errors}
            >
              <input key={nameKey} {...nameProps} autoComplete="name" />
            </Field>
            <Field
              label="Email"
              htmlFor={fields.email.id}
              errorId={fields.email.errorId}
              errors={fields.email.errors}
            >
              <input
                key={emailKey}
                {...emailProps}
                autoComplete="email"
                autoCapitalize="none"
                spellCheck={false}
              />
            </Field>
            <Field
              label="Phone (optional)"
              htmlFor={fields.phone.id}
              errorId={fields.phone.errorId}
              errors={fields.phone.errors}
            >
              <input key={phoneKey} {...phoneProps} autoComplete="tel" />
            </Field>
            <Field
              label="Message"
              htmlFor={fields.message.id}
              errorId={fields.message.errorId}
              errors={fields.message.errors}
            >
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
