import { notFound } from "@clinic/form-kit/server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageMeta } from "../formatting/page-title";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";

// Unknown addresses: signed-out visitors go to sign-in (nothing about the admin's pages is
// revealed); signed-in staff get a 404 inside the admin shell.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffWith(request);
  throw notFound();
}

export async function action({ request }: ActionFunctionArgs) {
  await requireStaffAction(request);
  throw notFound();
}

export const meta: MetaFunction = ({ error }) => pageMeta(error, "Page not found");

export default function NotFound() {
  return null;
}

export { ErrorBoundary } from "../components/staff-error-boundary";
