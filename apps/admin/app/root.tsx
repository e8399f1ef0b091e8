import { useNonce } from "@clinic/form-kit";
import { activateVideoFacades } from "@clinic/markdown/video-facade";
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
import type { ReactNode } from "react";
import { useEffect } from "react";
import { ErrorBoundary as StaffErrorBoundary } from "./components/staff-error-boundary";
import { pageMeta } from "./formatting/page-title";
import stylesUrl from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => pageMeta(error, "Admin");

export function Layout({ children }: { children: ReactNode }) {
  // The nonce of this response's CSP, on every script Remix writes; empty in the browser.
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
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

export function ErrorBoundary() {
  return (
    <main className="page page--narrow">
      <StaffErrorBoundary />
    </main>
  );
}
