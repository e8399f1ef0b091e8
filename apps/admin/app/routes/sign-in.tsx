import { signInInputSchema } from "@clinic/domain";
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldErrors } from "../components/field-errors";
import { useSchemaForm } from "../components/use-schema-form";
import { pageMeta } from "../formatting/page-title";
import { signInErrors } from "../forms/sign-in-form";
import { clientAddress } from "../server/client-address.server";
import { requireSameOrigin } from "../server/csrf.server";
import { safeRedirectTo } from "../server/redirect-to.server";
import { getOptionalStaff, signIn } from "../server/session.server";

export const meta: MetaFunction = ({ error }) => pageMeta(error, "Sign in");

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  if (await getOptionalStaff(request)) throw redirect(safeRedirectTo(redirectTo));
  // Echo only a safe value into the form; anything else falls back to the dashboard.
  return { redirectTo: redirectTo === null ? "" : safeRedirectTo(redirectTo, "") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // A sign-in posted from another site would sign this browser in as someone else.
  requireSameOrigin(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInInputSchema, error: signInErrors });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signIn({
    ...submission.value,
    redirectTo: formData.get("redirectTo"),
    clientAddress: clientAddress(request, context),
  });
  if (result.ok) throw result.response;
  switch (result.reason) {
    case "invalid-input":
      return data(submission.reply({ fieldErrors: result.fieldErrors, hideFields: ["password"] }), {
        status: 400,
      });
    case "invalid-credentials":
      return data(submission.reply({ formErrors: [result.message], hideFields: ["password"] }), {
        status: 401,
      });
    case "throttled":
      return data(submission.reply({ formErrors: [result.message], hideFields: ["password"] }), {
        status: 429,
      });
  }
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state !== "idle" && navigation.formAction === "/sign-in";
  const [form, fields] = useSchemaForm(signInInputSchema, {
    id: "sign-in",
    lastResult,
    error: signInErrors,
  });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });
  const { key: passwordKey, ...passwordProps } = getInputProps(fields.password, {
    type: "password",
  });

  return (
    <main id="main" className="sign-in">
      <div className="sign-in__panel">
        <p className="sign-in__brand">Clinic admin</p>
        <h1>Sign in</h1>
        <Form method="post" className="form" {...getFormProps(form)}>
          {form.errors?.length ? (
            <div className="form-error" role="alert" id={form.errorId}>
              {form.errors.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          ) : null}
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <div className="field">
            <label htmlFor={fields.email.id}>Email</label>
            <input key={emailKey} {...emailProps} autoComplete="username" autoCapitalize="none" />
            <FieldErrors id={fields.email.errorId} errors={fields.email.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.password.id}>Password</label>
            <input key={passwordKey} {...passwordProps} autoComplete="current-password" />
            <FieldErrors id={fields.password.errorId} errors={fields.password.errors} />
          </div>
          <button type="submit" className="button button--primary" disabled={submitting}>
            Sign in
          </button>
        </Form>
      </div>
    </main>
  );
}
