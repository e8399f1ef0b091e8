import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import * as entry from "../entry.server";
import * as root from "../root";
import * as staffLayout from "../routes/_staff";
import * as dashboard from "../routes/_staff._index";
import * as settings from "../routes/_staff.settings";
import * as signIn from "../routes/sign-in";
import * as signOut from "../routes/sign-out";
import type { StaffUser } from "../server/api.server";
import { crossSiteSubmissionForRemix } from "../server/csrf.server";
import { env } from "../server/env.server";
import { createStaffSessionStorage } from "../server/session.server";

/**
 * Test-only: the admin's real entry and route modules behind Remix's own request handler, as
 * the built app runs them, for route-level tests of headers, redirects and refusals. Only
 * the routes those tests need; the asset manifest points at files that don't exist.
 */
const ROUTES = {
  root: { id: "root", path: "", module: root },
  "routes/sign-in": { id: "routes/sign-in", parentId: "root", path: "sign-in", module: signIn },
  "routes/sign-out": { id: "routes/sign-out", parentId: "root", path: "sign-out", module: signOut },
  "routes/_staff": { id: "routes/_staff", parentId: "root", module: staffLayout },
  "routes/_staff._index": {
    id: "routes/_staff._index",
    parentId: "routes/_staff",
    index: true,
    module: dashboard,
  },
  "routes/_staff.settings": {
    id: "routes/_staff.settings",
    parentId: "routes/_staff",
    path: "settings",
    module: settings,
  },
} as const;

function manifestEntry(id: string, route: (typeof ROUTES)[keyof typeof ROUTES]) {
  const module = route.module as Record<string, unknown>;
  return {
    id,
    parentId: "parentId" in route ? route.parentId : undefined,
    path: "path" in route ? route.path : undefined,
    index: "index" in route ? route.index : undefined,
    module: `/assets/${id.replaceAll("/", "-")}.js`,
    imports: [],
    hasAction: "action" in module,
    hasLoader: "loader" in module,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: "ErrorBoundary" in module,
  };
}

const build = {
  mode: "production",
  entry: { module: entry },
  routes: ROUTES,
  assets: {
    version: "test",
    url: "/assets/manifest-test.js",
    entry: { module: "/assets/entry.client.js", imports: [] },
    routes: Object.fromEntries(
      Object.entries(ROUTES).map(([id, route]) => [id, manifestEntry(id, route)]),
    ),
  },
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
    unstable_optimizeDeps: false,
  },
  publicPath: "/",
  assetsBuildDirectory: "build/client",
  basename: "/",
  isSpaMode: false,
} as unknown as ServerBuild;

const remix = createRequestHandler(build, "production");

/** The admin as Remix serves it today (`remix-serve`): Remix's handler alone. */
export function handleWithRemix(request: Request): Promise<Response> {
  return remix(request);
}

/** The admin as its server should serve it: cross-site submissions prepared for the app. */
export function handleWithGuard(request: Request): Promise<Response> {
  return remix(crossSiteSubmissionForRemix(request));
}

export const ADMIN_ORIGIN = "http://admin.test";

export function staffUser(overrides: Partial<StaffUser> = {}): StaffUser {
  return {
    id: "0b6e4b1e-6f0c-4f47-9d3c-2f1f3f0f8a11",
    email: "owner@clinic.test",
    name: "Jason Lee",
    role: "owner",
    practitionerId: null,
    ...overrides,
  };
}

/** A session cookie for `token`, signed as the app signs them. */
export async function sessionCookie(token = "api-session-token"): Promise<string> {
  const storage = createStaffSessionStorage({ secret: env.sessionSecret, production: false });
  const session = await storage.getSession();
  session.set("token", token);
  return (await storage.commitSession(session)).split(";")[0] ?? "";
}

type Procedures = Record<string, () => unknown>;

/**
 * Stands in for the clinic API: answers the tRPC batch calls the app makes (via the global
 * fetch) from `procedures`, by procedure path, and records every path called. An unknown
 * procedure fails the call, so a test sees a call it didn't expect.
 */
export function fakeApi(procedures: Procedures) {
  const calls: string[] = [];
  const original = globalThis.fetch;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.href.startsWith(`${env.apiUrl}/trpc/`)) return original(input, init);
    const paths = decodeURIComponent(url.pathname.slice("/trpc/".length)).split(",");
    calls.push(...paths);
    const results = paths.map((path) => {
      const procedure = procedures[path];
      if (!procedure) {
        return { error: { json: { message: `unexpected ${path}`, code: -32603, data: {} } } };
      }
      return { result: { data: { json: procedure() } } };
    });
    const failed = results.some((result) => "error" in result);
    return new Response(JSON.stringify(results), {
      status: failed ? 500 : 200,
      headers: { "Content-Type": "application/json" },
    });
  };
  return { calls, fetch };
}
