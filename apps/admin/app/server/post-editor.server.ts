import { accessFor, type StaffUser } from "@clinic/domain";
import { parseWithZod } from "@conform-to/zod/v4";
import { postFormSchema } from "../forms/post-form";
import type { ApiClient } from "./api.server";
import { renderMarkdown } from "./markdown.server";

/** Who a user may name as a post's author: everyone (and the clinic), or only themselves. */
export async function authorOptions(
  api: ApiClient,
  user: Pick<StaffUser, "role" | "practitionerId">,
) {
  const practitioners = await api.practitioners.staffList.query();
  if (accessFor(user.role, "posts.write") === "own") {
    return practitioners
      .filter((p) => p.id === user.practitionerId)
      .map((p) => ({ value: p.id, label: p.name }));
  }
  return [
    { value: "", label: "The clinic" },
    ...practitioners.map((p) => ({
      value: p.id,
      label: p.active ? p.name : `${p.name} (inactive)`,
    })),
  ];
}

/** The preview of a post body: the public site's renderer, so what staff see is what readers get. */
export function previewOf(body: FormDataEntryValue | null): string {
  return typeof body === "string" && body.trim() !== "" ? renderMarkdown(body) : "";
}

/**
 * The editor's "Preview" (a button without JavaScript, a background request with it): the
 * body rendered, and the form's values kept without errors, since nothing was saved.
 */
export function previewReply(formData: FormData) {
  const submission = parseWithZod(formData, { schema: postFormSchema });
  return {
    intent: "preview" as const,
    preview: previewOf(formData.get("body")),
    reply: { ...submission.reply(), error: undefined },
  };
}
