import { UnauthorizedError } from "../errors.js";
import { resolvePatientSession } from "../patient-access/patient-sessions.js";
import { publicProcedure, publicSubmitProcedure } from "./trpc.js";

// Patients' self-service (decision 031): public procedures as the permission walk knows them
// (`access: "public"`), which go on only for a live patient session, checked here on the server
// from the token the site sends (PATIENT_SESSION_HEADER), never from an id the caller names.

const SIGNED_OUT = "Your sign-in has ended. Ask for a new link to see your bookings.";

/** Needs a live patient session; puts the patient (and the session's token) on the context. */
export const patientProcedure = publicProcedure
  .meta({ access: "public", patientSession: true })
  .use(async ({ ctx, next }) => {
    const token = ctx.patientSessionToken ?? null;
    const patient = token ? await resolvePatientSession(ctx, token) : null;
    if (!token || !patient) throw new UnauthorizedError(SIGNED_OUT);
    return next({ ctx: { ...ctx, patient, patientSessionToken: token } });
  });

/** A patient-session mutation that changes nothing the public reads (public caches kept). */
export const patientSubmitProcedure = publicSubmitProcedure
  .meta({ access: "public", publicContent: "unchanged", patientSession: true })
  .use(async ({ ctx, next }) => {
    const token = ctx.patientSessionToken ?? null;
    const patient = token ? await resolvePatientSession(ctx, token) : null;
    if (!token || !patient) throw new UnauthorizedError(SIGNED_OUT);
    return next({ ctx: { ...ctx, patient, patientSessionToken: token } });
  });
