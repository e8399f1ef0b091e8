import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { RouteError } from "../components/route-error";
import { pageTitle } from "../formatting/page-title";
import { requireStaff } from "../server/session.server";

// Unknown addresses: signed-out visitors go to sign-in (nothing about the admin's pages is
// revealed); signed-in staff get a 404 inside the admin shell.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  throw new Response("Not found", { status: 404 });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireStaff(request);
  throw new Response("Not found", { status: 404 });
}

export const meta: MetaFunction = () => [{ title: pageTitle("Page not found") }];

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <RouteError />;
}
