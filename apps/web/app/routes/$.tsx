import { notFound } from "@clinic/form-kit/server";

// Any path no other route claims: a real 404 status, rendered by the root ErrorBoundary.
export function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
