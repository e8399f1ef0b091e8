import { deletePatientSession, findPatientSession, type PatientSessionPatient } from "@clinic/db";
import {
  PATIENT_SESSION_IDLE_MS,
  PATIENT_SESSION_MAX_MS,
  patientSessionTokenSchema,
} from "@clinic/domain";
import { hashToken } from "../auth/sessions.js";
import type { AppContext } from "../context.js";

/** The header the site sends a signed-in patient's session token in (never the patient's id). */
export const PATIENT_SESSION_HEADER = "x-patient-session-token";

/** A service call made for a signed-in patient. */
export interface PatientContext extends AppContext {
  patient: PatientSessionPatient;
  patientSessionToken: string;
}

/** The well-formed session token a request carries, or null. */
export function patientSessionTokenFrom(header: string | undefined | null): string | null {
  const parsed = patientSessionTokenSchema.safeParse(header ?? undefined);
  return parsed.success ? parsed.data : null;
}

/** The patient whose live session this token is (sliding its idle expiry), or null. */
export function resolvePatientSession(
  ctx: Pick<AppContext, "db" | "now">,
  token: string,
): Promise<PatientSessionPatient | null> {
  const now = ctx.now();
  return findPatientSession(ctx.db, hashToken(token), now, {
    idleMs: PATIENT_SESSION_IDLE_MS,
    notBefore: new Date(now.getTime() - PATIENT_SESSION_MAX_MS),
  });
}

/** Signing out ends the session on the server: the cookie alone opens nothing afterwards. */
export async function endPatientSession(ctx: PatientContext): Promise<{ signedOut: true }> {
  await deletePatientSession(ctx.db, hashToken(ctx.patientSessionToken));
  return { signedOut: true };
}
