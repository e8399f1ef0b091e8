import { createApiClient } from "@clinic/api-client";
import { PATIENT_SESSION_MAX_MS, patientSessionTokenSchema } from "@clinic/domain";
import { requestIdHeaders } from "@clinic/logger";
import { type Cookie, createCookie } from "@remix-run/node";
import { withUnavailablePage } from "./api-unavailable";
import { forwardedForHeaders, socketAddressFrom } from "./client-address";
import { env, sessionSecretOf } from "./env.server";

/** The header the API reads a patient's session token from (PATIENT_SESSION_HEADER in the API). */
export const PATIENT_SESSION_HEADER = "x-patient-session-token";

/**
 * The patient session cookie (decision 031): signed, HttpOnly, Secure in production, SameSite
 * Lax. It holds only the session's random token (the API keeps its hash and the patient it
 * belongs to), never the patient's id; the API decides whether it still opens anything.
 */
export function patientSessionCookie(options: { secret: string; secure: boolean }): Cookie {
  return createCookie("__clinic_patient", {
    httpOnly: true,
    secure: options.secure,
    sameSite: "lax",
    path: "/",
    // The session's longest span; the API ends it sooner when idle or signed out.
    maxAge: Math.floor(PATIENT_SESSION_MAX_MS / 1000),
    secrets: [options.secret],
  });
}

const cookie = patientSessionCookie({
  secret: sessionSecretOf(env),
  secure: env.NODE_ENV === "production",
});

/** The session token the request's cookie holds, if it is ours (signed) and well-formed. */
export async function patientSessionOf(request: Request, from: Cookie = cookie) {
  const value: unknown = await from.parse(request.headers.get("Cookie"));
  const parsed = patientSessionTokenSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The Set-Cookie header that starts the patient's session in this browser. */
export function startPatientCookie(sessionToken: string, from: Cookie = cookie): Promise<string> {
  return from.serialize(sessionToken);
}

/** The Set-Cookie header that forgets the session in this browser. */
export function endPatientCookie(from: Cookie = cookie): Promise<string> {
  return from.serialize("", { maxAge: 0, expires: new Date(0) });
}

/**
 * An API client for one visitor: their address forwarded (the sign-in procedures are limited
 * per visitor) and, when signed in, their session token.
 */
export function patientApi(request: Request, context: unknown, sessionToken?: string | null) {
  return withUnavailablePage(
    createApiClient({
      url: env.API_URL,
      headers: () => ({
        ...forwardedForHeaders(request, socketAddressFrom(context), env.TRUSTED_PROXIES),
        ...(sessionToken ? { [PATIENT_SESSION_HEADER]: sessionToken } : {}),
        ...requestIdHeaders(),
      }),
    }),
  );
}
