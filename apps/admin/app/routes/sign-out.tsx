import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "../server/session.server";

// Signing out changes state, so it is a POST only (a link or prefetch cannot sign anyone out).
export async function action({ request }: ActionFunctionArgs) {
  return signOut(request);
}

export async function loader() {
  return redirect("/");
}
