import { isApiError } from "@clinic/api-client";
import { signInLinkTokenSchema } from "@clinic/domain";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useSubmitting } from "../components/public-form";
import { pageMeta } from "../formatting/page-meta";
import { ACCOUNT_PATH, SIGN_IN_PATH } from "../links/account-links";
import { MANAGE_PAGE_META } from "../links/manage-link";
import { patientPageHeaders } from "../server/cache-control";
import { patientApi, startPatientCookie } from "../server/patient-session.server";

// The URL holds a one-time link: never cached, never sent on as a referrer to another site.
export const headers = patientPageHeaders;

/**
 * Opening the link only shows a button: mail scanners that fetch every link in an email would
 * otherwise use it up before the patient clicks. Signing in is the button's POST.
 */
export function loader({ params }: LoaderFunctionArgs) {
  return { valid: signInLinkTokenSchema.safeParse(params.token).success };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = signInLinkTokenSchema.safeParse(params.token);
  if (!token.success) return data({ expired: true, refused: null }, { status: 404 });
  try {
    const session = await patientApi(request, context).patientAccess.redeemLink.mutate({
      token: token.data,
    });
    return redirect(ACCOUNT_PATH, {
      headers: { "Set-Cookie": await startPatientCookie(session.sessionToken) },
    });
  } catch (error) {
    if (isApiError(error, "NOT_FOUND") || isApiError(error, "BAD_REQUEST")) {
      return data({ expired: true, refused: null }, { status: 410 });
    }
    if (isApiError(error, "TOO_MANY_REQUESTS")) {
      return data({ expired: false, refused: error.message }, { status: 429 });
    }
    throw error;
  }
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, {
    title: "Sign in to your bookings",
    description: "Sign in to see, change or cancel your appointments.",
  }),
  ...MANAGE_PAGE_META,
];

export default function SignInLinkPage() {
  const { valid } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const submitting = useSubmitting();
  const expired = !valid || reply?.expired;
  return (
    <div className="container container--narrow page account">
      <header className="page-header">
        <h1>Sign in to your bookings</h1>
      </header>
      {expired ? (
        <div className="notice notice--error" role="alert">
          <p>This sign-in link has expired or has already been used.</p>
          <p>
            <Link to={SIGN_IN_PATH}>Ask for a new link</Link>: it takes a moment.
          </p>
        </div>
      ) : (
        <Form method="post" className="form">
          {reply && "refused" in reply && reply.refused ? (
            <div className="notice notice--error" role="alert">
              <p>{reply.refused}</p>
            </div>
          ) : null}
          <p>Press the button to see your bookings on this device.</p>
          <button type="submit" className="button button--primary" disabled={submitting}>
            Sign in
          </button>
        </Form>
      )}
    </div>
  );
}
