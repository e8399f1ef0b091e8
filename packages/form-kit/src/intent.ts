/** The one name every action form uses for "which button was pressed". */
export const INTENT = "intent";

/**
 * The action a form asks for, from its `intent` field; anything not in `intents` (a forged or
 * stale form) is a 400 response, thrown.
 */
export function intentOf<const T extends string>(formData: FormData, intents: readonly T[]): T {
  const value = formData.get(INTENT);
  if (typeof value === "string" && (intents as readonly string[]).includes(value)) {
    return value as T;
  }
  throw new Response("Unknown action", { status: 400, statusText: "Bad Request" });
}
