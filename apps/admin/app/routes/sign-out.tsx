import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { requireSameOrigin } from "../server/csrf.server";
import { signOut } from "../server/session.server";

// Signing out changes state, so it is a POST only (a link or prefetch cannot sign anyone out),
// and only from the admin's own pages (another site can't end a session).
export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  return signOut(request);
}

export async function loader() {
  return redirect("/");
}
