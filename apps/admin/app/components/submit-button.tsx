import { INTENT } from "@clinic/form-kit";
import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A form's submit button, resting while a form on the page is being sent (no double sends).
 * `intent` names the action it asks for, in the one field every admin action reads.
 */
export function SubmitButton({
  intent,
  name,
  value,
  className,
  formNoValidate,
  children,
}: {
  intent?: string;
  name?: string;
  value?: string;
  className: string;
  formNoValidate?: boolean;
  children: ReactNode;
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <button
      type="submit"
      name={intent === undefined ? name : INTENT}
      value={intent ?? value}
      className={className}
      formNoValidate={formNoValidate}
      disabled={busy}
    >
      {children}
    </button>
  );
}
