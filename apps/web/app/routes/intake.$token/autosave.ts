import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/** How long after the last change the answers are saved. */
const AUTOSAVE_DELAY_MS = 800;

interface AutosaveReply {
  ok: boolean;
  savedAt?: string;
  fieldErrors: Record<string, string>;
}

/**
 * With JavaScript, the form's answers are saved a moment after each change (debounced), through
 * the page's own action with `intent=autosave`; without it the buttons do the same. Returns
 * the form's ref, what the last save said, and whether one is under way.
 */
export function useAutosave() {
  const fetcher = useFetcher<AutosaveReply>();
  const formRef = useRef<HTMLFormElement>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const submit = fetcher.submit;

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const body = new FormData(form);
        body.set("intent", "autosave");
        submit(body, { method: "post" });
      }, AUTOSAVE_DELAY_MS);
    };
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    // A button's own post goes ahead: a pending autosave would only repeat it.
    const cancel = () => clearTimeout(timer);
    form.addEventListener("submit", cancel);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", schedule);
      form.removeEventListener("change", schedule);
      form.removeEventListener("submit", cancel);
    };
  }, [submit]);

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok && fetcher.data.savedAt) {
      setSavedAt(fetcher.data.savedAt);
    }
  }, [fetcher.state, fetcher.data]);

  return {
    formRef,
    state: fetcher.state === "idle" ? ("idle" as const) : ("saving" as const),
    savedAt,
    /** The last autosave's answer (a new object for each), undefined before the first. */
    reply: fetcher.data,
    fieldErrors: fetcher.data && !fetcher.data.ok ? fetcher.data.fieldErrors : null,
  };
}
