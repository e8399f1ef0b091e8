import { isApiError } from "@clinic/api-client";
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { ACCOUNT_PATH, SIGN_IN_PATH } from "../links/account-links";
import { patientPageHeaders } from "../server/cache-control";
import { endPatientCookie, patientApi, patientSessionOf } from "../server/patient-session.server";

export const headers = patientPageHeaders;

/** Nothing to show: the page is the bookings page's "Sign out" button. */
export function loader() {
  return redirect(ACCOUNT_PATH);
}

/** Ends the session on the server (the cookie alone then opens nothing) and forgets it here. */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await patientSessionOf(request);
  if (session) {
    try {
      await patientApi(request, context, session).patientAccess.signOut.mutate();
    } catch (error) {
      // Already ended (idle, or signed out in another tab): signing out is done either way.
      if (!isApiError(error, "UNAUTHORIZED")) throw error;
    }
  }
  return redirect(`${SIGN_IN_PATH}?signedOut=1`, {
    headers: { "Set-Cookie": await endPatientCookie() },
  });
}
