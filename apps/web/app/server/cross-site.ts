import { isCrossSiteSubmission } from "@clinic/form-kit/server";

/**
 * The site's answer to a form a browser sent from another origin: 403 with a short page, before
 * Remix sees it (Remix refuses those itself, but as a 500 with an empty body). The public
 * forms are only ever sent from the site's own pages; a legitimate visitor never sees this.
 */
export function crossSiteRefusal(request: Request): Response | null {
  if (!isCrossSiteSubmission(request)) return null;
  const home = new URL("/", request.url).pathname;
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Form refused</title></head><body><main><h1>This form was sent from another site</h1><p>For your safety we only accept forms sent from our own pages. Nothing was saved.</p><p><a href="${home}">Go to our home page</a> and try again from there.</p></main></body></html>`,
    {
      status: 403,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Content-Security-Policy":
          "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
      },
    },
  );
}
