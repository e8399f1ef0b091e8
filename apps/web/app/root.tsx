import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { api } from "./api.server";
import { useOptionalClinic } from "./clinic";
import { SiteFooter } from "./components/site-footer";
import { SiteHeader } from "./components/site-header";
import { pageMeta } from "./page-meta";
import stylesHref from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader() {
  const settings = await api.settings.get.query();
  // Only what pages show; booking policy and the like stay on the server.
  const { name, tagline, email, phone, address, timeZone, currency, websiteUrl } = settings;
  return { clinic: { name, tagline, email, phone, address, timeZone, currency, websiteUrl } };
}

export const meta: MetaFunction<typeof loader> = ({ data, error, matches }) => {
  if (error) {
    const missing = isRouteErrorResponse(error) && error.status === 404;
    return pageMeta(matches, {
      title: missing ? "Page not found" : "Something went wrong",
      description: missing
        ? "The page you were looking for isn't here."
        : "We couldn't show this page right now.",
    });
  }
  return pageMeta(matches, {
    title: data?.clinic.name ?? "Clinic",
    description: data?.clinic.tagline ?? "",
  });
};

export function Layout({ children }: { children: ReactNode }) {
  const clinic = useOptionalClinic();
  return (
    <html lang="en-AU">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0f5f5c" />
        <Meta />
        <Links />
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
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** A friendly page for anything that goes wrong; never shows the error's internals. */
export function ErrorBoundary() {
  const error = useRouteError();
  const missing = isRouteErrorResponse(error) && error.status === 404;

  return (
    <div className="container page error-page">
      {missing ? (
        <>
          <p className="eyebrow">Error 404</p>
          <h1>Page not found</h1>
          <p className="lead">
            Sorry, we couldn't find that page. It may have moved, or the link may be out of date.
          </p>
        </>
      ) : (
        <>
          <p className="eyebrow">Something went wrong</p>
          <h1>We couldn't show this page</h1>
          <p className="lead">
            Please try again in a moment. If you need us in the meantime, give the clinic a call.
          </p>
        </>
      )}
      <ul className="error-page__links">
        <li>
          <Link to="/" className="button button--primary">
            Go to the start page
          </Link>
        </li>
        <li>
          <Link to="/services" className="button button--secondary">
            See our treatments
          </Link>
        </li>
      </ul>
    </div>
  );
}
