import {
  applySecurityHeaders as applySharedSecurityHeaders,
  contentSecurityPolicy as sharedContentSecurityPolicy,
  resourceHeaders as sharedResourceHeaders,
} from "@clinic/form-kit/security-headers";
import { env } from "./env.server";

// The policy and headers are shared with the admin app (`@clinic/form-kit/security-headers`);
// this module adds what is the public site's own: the video player it frames, and its env.
export { createNonce, RESOURCE_CONTENT_SECURITY_POLICY } from "@clinic/form-kit/security-headers";

/** The one site the pages frame: YouTube's privacy-enhanced player. */
export const VIDEO_FRAME_ORIGIN = "https://www.youtube-nocookie.com";

/**
 * The public site's page policy: the shared one, framing only the video player, with the
 * inlined stylesheet (root.tsx) allowed by the response's nonce.
 */
export function contentSecurityPolicy({
  nonce,
  development = false,
}: {
  nonce: string;
  development?: boolean;
}): string {
  return sharedContentSecurityPolicy({
    nonce,
    development,
    frameSrc: [VIDEO_FRAME_ORIGIN],
    styleNonce: true,
  });
}

/** The shared security headers, with Strict-Transport-Security when running in production. */
export function applySecurityHeaders(
  headers: Headers,
  contentSecurityPolicyValue: string,
  environment: { NODE_ENV?: string } = env,
): Headers {
  return applySharedSecurityHeaders(headers, contentSecurityPolicyValue, {
    production: environment.NODE_ENV === "production",
  });
}

/** The headers of a resource route's response, security headers included. */
export function resourceHeaders(init: Record<string, string>): Headers {
  return sharedResourceHeaders(init, { production: env.NODE_ENV === "production" });
}

/** Whether the server runs under `remix vite:dev`, where the CSP is relaxed for HMR. */
export function isDevelopment(environment: { NODE_ENV?: string } = env): boolean {
  return environment.NODE_ENV === "development";
}
