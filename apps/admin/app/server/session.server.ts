import { createCookieSessionStorage, redirect, type SessionStorage } from "@remix-run/node";
import {
  createStaffAuthApi,
  type SignInOutcome,
  type StaffAuthApi,
  type StaffUser,
} from "./api.server";
import { env } from "./env.server";
import { logger } from "./logger.server";
import { requestPath, safeRedirectTo } from "./redirect-to.server";

export const SESSION_COOKIE_NAME = "__clinic_admin";
const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;

/** The cookie carries only the API's session token; who the user is always comes from the API. */
type StaffSessionData = { token: string };
export type StaffSessionStorage = SessionStorage<StaffSessionData>;

export function createStaffSessionStorage(options: {
  secret: string;
  production: boolean;
}): StaffSessionStorage {
  return createCookieSessionStorage<StaffSessionData>({
    cookie: {
      name: SESSION_COOKIE_NAME,
      secrets: [options.secret],
      httpOnly: true,
      sameSite: "lax",
      // Browsers drop Secure cookies on plain http other than localhost: only set it where
      // production serves https.
      secure: options.production,
      path: "/",
      maxAge: SESSION_MAX_AGE_SECONDS,
    },
  });
}

export type SignedInStaff = { user: StaffUser; token: string };
export type SignInResult =
  | { ok: true; user: StaffUser; response: Response }
  | Exclude<SignInOutcome, { ok: true }>;

/** The admin's session helpers, bound to a cookie store and an API port (injected by tests). */
export function createStaffAuth(deps: {
  sessionStorage: StaffSessionStorage;
  authApi: StaffAuthApi;
}) {
  const { sessionStorage, authApi } = deps;

  async function readSession(request: Request) {
    const session = await sessionStorage.getSession(request.headers.get("Cookie"));
    const token = session.get("token");
    return { session, token: typeof token === "string" && token.length > 0 ? token : null };
  }

  /** The signed-in staff member, or null (no cookie, or a token the API no longer accepts). */
  async function getOptionalStaff(request: Request): Promise<SignedInStaff | null> {
    const { token } = await readSession(request);
    if (token === null) return null;
    const user = await authApi.me(token);
    return user ? { user, token } : null;
  }

  /**
   * The signed-in staff member. Otherwise throws a redirect to the sign-in page that comes
   * back here afterwards, and clears the stale cookie. Call it first in every protected
   * loader and action.
   */
  async function requireStaff(request: Request): Promise<SignedInStaff> {
    const { session, token } = await readSession(request);
    const user = token === null ? null : await authApi.me(token);
    if (user && token !== null) return { user, token };

    const path = requestPath(request);
    const location =
      path === "/" ? "/sign-in" : `/sign-in?${new URLSearchParams({ redirectTo: path })}`;
    throw redirect(location, {
      headers: { "Set-Cookie": await sessionStorage.destroySession(session) },
    });
  }

  /**
   * Checks the credentials with the API. On success, starts a fresh session (nothing from an
   * earlier cookie carries over) and returns the redirect that sets it.
   */
  async function signIn(input: {
    email: string;
    password: string;
    redirectTo?: unknown;
    clientAddress?: string | null;
  }): Promise<SignInResult> {
    const outcome = await authApi.signIn(
      { email: input.email, password: input.password },
      input.clientAddress,
    );
    if (!outcome.ok) return outcome;
    const session = await sessionStorage.getSession();
    session.set("token", outcome.token);
    const response = redirect(safeRedirectTo(input.redirectTo), {
      headers: { "Set-Cookie": await sessionStorage.commitSession(session) },
    });
    return { ok: true, user: outcome.user, response };
  }

  /** Revokes the API session, clears the cookie and returns the redirect to the sign-in page. */
  async function signOut(request: Request): Promise<Response> {
    const { session, token } = await readSession(request);
    if (token !== null) {
      try {
        await authApi.signOut(token);
      } catch (error) {
        // The user asked to leave: clearing the cookie matters more than the API being up.
        // The token still expires on its own.
        logger.error("could not revoke the API session while signing out", { error });
      }
    }
    return redirect("/sign-in", {
      headers: { "Set-Cookie": await sessionStorage.destroySession(session) },
    });
  }

  return { getOptionalStaff, requireStaff, signIn, signOut };
}

const staffAuth = createStaffAuth({
  sessionStorage: createStaffSessionStorage({
    secret: env.sessionSecret,
    production: env.isProduction,
  }),
  authApi: createStaffAuthApi(),
});

export const { getOptionalStaff, requireStaff, signIn, signOut } = staffAuth;
