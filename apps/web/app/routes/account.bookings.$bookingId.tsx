import { isApiError } from "@clinic/api-client";
import { idSchema } from "@clinic/domain";
import { notFound } from "@clinic/form-kit/server";
import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { SIGN_IN_PATH } from "../links/account-links";
import { managePath } from "../links/manage-link";
import { patientPageHeaders } from "../server/cache-control";
import { endPatientCookie, patientApi, patientSessionOf } from "../server/patient-session.server";

export const headers = patientPageHeaders;

/**
 * From "Your bookings" on to one booking's manage page: the API hands over the manage token of
 * a booking of the signed-in patient's only, and the manage page does the rest (see, move,
 * cancel) exactly as from the emailed link.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const bookingId = idSchema.safeParse(params.bookingId);
  if (!bookingId.success) throw notFound("Booking");
  const session = await patientSessionOf(request);
  if (!session) throw redirect(SIGN_IN_PATH);
  try {
    const { token } = await patientApi(request, context, session).patientAccess.manageLink.mutate({
      bookingId: bookingId.data,
    });
    return redirect(managePath(token), { headers: patientPageHeaders() });
  } catch (error) {
    if (isApiError(error, "UNAUTHORIZED")) {
      throw redirect(`${SIGN_IN_PATH}?ended=1`, {
        headers: { "Set-Cookie": await endPatientCookie() },
      });
    }
    if (isApiError(error, "NOT_FOUND") || isApiError(error, "PRECONDITION_FAILED")) {
      throw notFound("Booking");
    }
    throw error;
  }
}
