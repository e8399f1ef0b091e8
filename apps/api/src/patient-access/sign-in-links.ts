import { createHmac, randomBytes } from "node:crypto";
import {
  consumePatientSignInLink,
  consumeRateLimit,
  createPatientSession,
  createPatientSignInLink,
  type Executor,
  enqueueMessage,
  findSignInPatient,
  getClinicSettings,
} from "@clinic/db";
import { PATIENT_SESSION_IDLE_MS, SIGN_IN_LINK_TTL_MS } from "@clinic/domain";
import { senderHash } from "../abuse/public-forms.js";
import { hashToken } from "../auth/sessions.js";
import type { AppContext } from "../context.js";
import { NotFoundError, TooManyRequestsError } from "../errors.js";
import { SIGN_IN_LINK_EMAIL_KIND, signInLinkEmail } from "./sign-in-email.js";

/**
 * Link requests a connection may make, and links one address may be sent, an hour. Both are
 * counted whether or not the address is a patient's, so a refusal says nothing about it.
 */
export const SIGN_IN_LINK_LIMITS = {
  perAddress: { bucket: "patient_link_address", max: 10, windowMs: 60 * 60 * 1000 },
  perEmail: { bucket: "patient_link_email", max: 3, windowMs: 60 * 60 * 1000 },
  /** Links used (or tried) from one connection: a person follows a few, a guesser many. */
  redeemPerAddress: { bucket: "patient_link_redeem", max: 30, windowMs: 60 * 60 * 1000 },
} as const;

/**
 * Every answer to a link request takes at least this long: a known address (a row, an email
 * rendered and queued) and an unknown one (nothing written) can't be told apart by the clock.
 */
export const SIGN_IN_ANSWER_FLOOR_MS = 400;

/** Where a sign-in link leads on the site (its GET shows a button; only the POST uses it). */
export const SIGN_IN_PATH = "/account/sign-in/";

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A keyed hash of the email: rate limits never store an address in clear. */
function emailKey(ctx: Pick<AppContext, "appSecret">, email: string): string {
  return createHmac("sha256", ctx.appSecret).update(`patient-link:${email}`).digest("hex");
}

async function refuseOverLimit(
  ctx: AppContext,
  limit: (typeof SIGN_IN_LINK_LIMITS)[keyof typeof SIGN_IN_LINK_LIMITS],
  key: string,
): Promise<void> {
  const allowed = await consumeRateLimit(ctx.db, { ...limit, key, now: ctx.now() });
  if (!allowed) {
    throw new TooManyRequestsError(
      "Too many sign-in attempts from here. Please try again in an hour, or call us.",
    );
  }
}

/**
 * Emails a one-time sign-in link to the patient with this address, if there is one. The answer
 * is the same either way, and takes the same time (at least SIGN_IN_ANSWER_FLOOR_MS): whether
 * an address belongs to a patient is never revealed. Patients with only a phone have no way in.
 */
export async function requestSignInLink(
  ctx: AppContext,
  input: { email: string },
): Promise<{ sent: true }> {
  const started = performance.now();
  try {
    // A site forwarding for itself (no visitor address) isn't throttled as one visitor.
    if (!ctx.clientIsTrustedProxy) {
      await refuseOverLimit(ctx, SIGN_IN_LINK_LIMITS.perAddress, senderHash(ctx));
    }
    await refuseOverLimit(ctx, SIGN_IN_LINK_LIMITS.perEmail, emailKey(ctx, input.email));
    const token = newToken();
    const tokenHash = hashToken(token);
    const patient = await findSignInPatient(ctx.db, input.email);
    if (patient) {
      const now = ctx.now();
      const settings = await getClinicSettings(ctx.db);
      await ctx.db.transaction(async (tx) => {
        await createPatientSignInLink(tx, {
          patientId: patient.id,
          tokenHash,
          expiresAt: new Date(now.getTime() + SIGN_IN_LINK_TTL_MS),
          at: now,
        });
        const rendered = signInLinkEmail(
          {
            name: patient.name,
            url: `${ctx.webUrl.replace(/\/$/, "")}${SIGN_IN_PATH}${token}`,
            validMinutes: Math.round(SIGN_IN_LINK_TTL_MS / 60_000),
          },
          settings,
        );
        await enqueueMessage(tx, {
          kind: SIGN_IN_LINK_EMAIL_KIND,
          toAddress: input.email,
          subject: rendered.subject,
          textBody: rendered.text,
          htmlBody: rendered.html,
          sendAfter: now,
        });
      });
    }
    return { sent: true };
  } finally {
    const left = SIGN_IN_ANSWER_FLOOR_MS - (performance.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

/** Starts a patient session; only the token's hash is stored, and the token goes to the site. */
export async function startPatientSession(
  db: Executor,
  patientId: string,
  now: Date,
): Promise<{ sessionToken: string; expiresAt: Date }> {
  const sessionToken = newToken();
  const expiresAt = new Date(now.getTime() + PATIENT_SESSION_IDLE_MS);
  await createPatientSession(db, {
    patientId,
    tokenHash: hashToken(sessionToken),
    expiresAt,
    at: now,
  });
  return { sessionToken, expiresAt };
}

/**
 * Uses a sign-in link (once: the link is marked used and the session made in one transaction,
 * so of two clicks racing, exactly one gets a session) and starts the patient's session.
 */
export async function redeemSignInLink(
  ctx: AppContext,
  token: string,
): Promise<{ sessionToken: string; expiresAt: Date }> {
  if (!ctx.clientIsTrustedProxy) {
    await refuseOverLimit(ctx, SIGN_IN_LINK_LIMITS.redeemPerAddress, senderHash(ctx));
  }
  const now = ctx.now();
  const session = await ctx.db.transaction(async (tx) => {
    const link = await consumePatientSignInLink(tx, hashToken(token), now);
    if (!link) return null;
    return startPatientSession(tx, link.patientId, now);
  });
  if (!session) {
    throw new NotFoundError(
      "This sign-in link has expired or has already been used. Ask for a new one below.",
    );
  }
  return session;
}
