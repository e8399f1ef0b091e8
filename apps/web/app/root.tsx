import { localDateOf } from "@clinic/domain";
import { errorStatusOf, errorTitle } from "@clinic/form-kit";
import { activateVideoFacades } from "@clinic/markdown/video-facade";
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useEffect } from "react";
import { JsonLdScript } from "./components/json-ld";
import { useNonce } from "./components/nonce";
import { PageAnnouncer } from "./components/page-announcer";
import { SITE_ERROR_COPY, SiteErrorBoundary } from "./components/site-error-page";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { useOptionalClinic } from "./components/use-clinic";
import { clinicJsonLd } from "./formatting/json-ld";
import { pageMeta } from "./formatting/page-meta";
import { absoluteUrl, canonicalPath } from "./links/site-url";
import { api } from "./server/api.server";
import { siteUrlFor } from "./server/site-url.server";
import appStyles from "./styles/app.css?inline";
import siteContentStyles from "./styles/site-content.css?inline";

// The stylesheet is inlined in every page (~5 KB compressed): a linked one is a second round
// trip before the first paint, on a phone's network most of a second.
const inlineStyles = `${appStyles}\n${siteContentStyles}`;

export const links: LinksFunction = () => [
  { rel: "alternate", type: "application/rss+xml", title: "Blog", href: "/blog/rss.xml" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader() {
  const settings = await api.settings.get.query();
  // Only what pages show; booking policy and the like stay on the server.
  const {
    name,
    tagline,
    email,
    phone,
    address,
    timeZone,
    currency,
    websiteUrl,
    openingHours,
    closures,
  } = settings;
  return {
    clinic: {
      name,
      tagline,
      email,
      phone,
      address,
      timeZone,
      currency,
      websiteUrl,
      openingHours,
      // Closures from today on, in the clinic's zone: what the opening hours list and "open now" read.
      closures: closures.filter((c) => c.endDate >= localDateOf(new Date(), timeZone)),
    },
    siteUrl: siteUrlFor(settings),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => {
  if (error) {
    return pageMeta(matches, {
      title: errorTitle(error, SITE_ERROR_COPY),
      description:
        errorStatusOf(error) === 404
          ? "The page you were looking for isn't here."
          : "We couldn't show this page right now.",
    });
  }
  return pageMeta(matches, {
    title: data?.clinic.name ?? "Clinic",
    description: data?.clinic.tagline ?? "",
  });
};

/**
 * The page's absolute URL for Open Graph and its canonical link (the routes' meta set the
 * rest), and the clinic as structured data. Nothing here when the root loader failed.
 */
function SiteIdentity() {
  const root = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  if (!root) return null;
  const url = absoluteUrl(root.siteUrl, canonicalPath(location.pathname, location.search));
  return (
    <>
      <link rel="canonical" href={url} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={root.clinic.name} />
      <meta property="og:locale" content="en_AU" />
      <JsonLdScript data={clinicJsonLd(root.clinic, root.siteUrl)} />
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const clinic = useOptionalClinic();
  const nonce = useNonce();
  return (
    <html lang="en-AU">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f5f5c" />
        <Meta />
        <SiteIdentity />
        <Links />
        {/* Our own build's CSS, never user content: set as is (React would escape `>`). */}
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: inlineStyles }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader clinicName={clinic?.name} />
        <main id="main" tabIndex={-1} className="site-main">
          {children}
        </main>
        <SiteFooter clinic={clinic} />
        <PageAnnouncer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // Posts' videos are click-to-load posters until the visitor starts one (@clinic/markdown).
  useEffect(() => activateVideoFacades(document), []);
  return <Outlet />;
}

/** A friendly page for anything that goes wrong; never shows the error's internals. */
export const ErrorBoundary = SiteErrorBoundary;
