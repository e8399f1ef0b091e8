import {
  type ApiClient,
  apiFieldErrors,
  createApiClient,
  isApiError,
  type RouterOutputs,
} from "@clinic/api-client";
import type { SignInInput } from "@clinic/domain";
import { requestIdHeaders } from "@clinic/logger";
import { env } from "./env.server";

export type { ApiClient };
export type StaffUser = RouterOutputs["auth"]["me"];

/**
 * A client for the clinic API, acting as the staff member who holds `sessionToken`. With
 * `clientAddress` (sign-in), the API keys its per-address limits on the staff member's address
 * rather than the admin server's: the API trusts this server as its proxy.
 */
export function createApi(sessionToken?: string, clientAddress?: string | null): ApiClient {
  return createApiClient({
    url: env.apiUrl,
    sessionToken,
    // Made for one request: its id goes with every call, into the API's log lines.
    headers: {
      ...(clientAddress ? { "x-forwarded-for": clientAddress } : {}),
      ...requestIdHeaders(),
    },
  });
}

export type SignInOutcome =
  | { ok: true; token: string; expiresAt: Date; user: StaffUser }
  | { ok: false; reason: "invalid-credentials" | "throttled"; message: string }
  | { ok: false; reason: "invalid-input"; fieldErrors: Record<string, string[]> };

const INVALID_CREDENTIALS_MESSAGE = "Email or password is incorrect";
const THROTTLED_FALLBACK_MESSAGE = "Too many sign-in attempts. Wait a few minutes and try again.";

/**
 * The three API calls the session layer needs, as a small port so the session code can be
 * tested without a server. Expected refusals are values; anything else (API down) throws.
 */
export interface StaffAuthApi {
  /** The staff member a session token belongs to, or null when the API rejects the token. */
  me(token: string): Promise<StaffUser | null>;
  /** `clientAddress`: where the staff member connects from, for the API's per-address limits. */
  signIn(credentials: SignInInput, clientAddress?: string | null): Promise<SignInOutcome>;
  /** Revokes the token; an already expired or revoked token is not an error. */
  signOut(token: string): Promise<void>;
}

export function createStaffAuthApi(
  apiFor: (token?: string, clientAddress?: string | null) => ApiClient = createApi,
): StaffAuthApi {
  return {
    async me(token) {
      try {
        return await apiFor(token).auth.me.query();
      } catch (error) {
        if (isApiError(error, "UNAUTHORIZED")) return null;
        throw error;
      }
    },
    async signIn(credentials, clientAddress) {
      try {
        const { token, expiresAt, user } = await apiFor(
          undefined,
          clientAddress,
        ).auth.signIn.mutate(credentials);
        return { ok: true, token, expiresAt, user };
      } catch (error) {
        if (isApiError(error, "UNAUTHORIZED")) {
          return { ok: false, reason: "invalid-credentials", message: INVALID_CREDENTIALS_MESSAGE };
        }
        if (isApiError(error, "TOO_MANY_REQUESTS")) {
          const message = error.message || THROTTLED_FALLBACK_MESSAGE;
          return { ok: false, reason: "throttled", message };
        }
        if (isApiError(error, "BAD_REQUEST")) {
          return { ok: false, reason: "invalid-input", fieldErrors: apiFieldErrors(error) ?? {} };
        }
        throw error;
      }
    },
    async signOut(token) {
      try {
        await apiFor(token).auth.signOut.mutate();
      } catch (error) {
        if (isApiError(error, "UNAUTHORIZED")) return;
        throw error;
      }
    },
  };
}
