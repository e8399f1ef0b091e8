import { redirect } from "@remix-run/node";

/** The development mailbox became the Emails page; old bookmarks land there. */
export function loader() {
  return redirect("/emails", 301);
}
