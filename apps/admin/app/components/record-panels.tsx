import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrors } from "./field-errors";
import { SubmitButton } from "./submit-button";

/**
 * A record's switch on and off (practitioners, services, staff accounts): "Deactivate…" opens a
 * confirmation step (`?confirm=deactivate`); an inactive record is reactivated at once.
 */
export function ActivationPanel({
  heading,
  headingId = "status-heading",
  className = "panel",
  active,
  confirming,
  cancelTo,
  error,
  activeText,
  confirmText,
  inactiveText,
}: {
  heading: string;
  headingId?: string;
  className?: string;
  active: boolean;
  confirming: boolean;
  /** Where "Keep active" goes: the page without the confirmation step. */
  cancelTo: string;
  error: string | undefined;
  activeText: ReactNode;
  confirmText: ReactNode;
  inactiveText?: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {error ? <FormErrors errors={[error]} /> : null}
      {!active ? (
        <Form method="post" className="button-row">
          {inactiveText ? <p>{inactiveText}</p> : null}
          <SubmitButton intent="reactivate" className="button button--primary">
            Reactivate
          </SubmitButton>
        </Form>
      ) : confirming ? (
        <div className="warning">
          <p>{confirmText}</p>
          <Form method="post" className="button-row">
            <SubmitButton intent="deactivate" className="button button--danger">
              Yes, deactivate
            </SubmitButton>
            <Link to={cancelTo} className="button button--quiet">
              Keep active
            </Link>
          </Form>
        </div>
      ) : (
        <>
          <p>{activeText}</p>
          <Link to="?confirm=deactivate" className="button button--quiet">
            Deactivate…
          </Link>
        </>
      )}
    </section>
  );
}

/** Deleting a record for good, behind a confirmation step (`?confirm=delete`). */
export function DeletionPanel({
  confirming,
  cancelTo,
  intro,
  confirmText,
}: {
  confirming: boolean;
  cancelTo: string;
  intro?: ReactNode;
  confirmText: ReactNode;
}) {
  return (
    <section className="panel panel--danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete</h2>
      {confirming ? (
        <div className="warning">
          <p>{confirmText}</p>
          <Form method="post" className="button-row">
            <SubmitButton intent="delete" className="button button--danger">
              Yes, delete for good
            </SubmitButton>
            <Link to={cancelTo} className="button button--quiet">
              Cancel
            </Link>
          </Form>
        </div>
      ) : (
        <>
          {intro ? <p>{intro}</p> : null}
          <Link to="?confirm=delete" className="button button--quiet">
            Delete…
          </Link>
        </>
      )}
    </section>
  );
}

/** "Active" / "Inactive" (or the page's words) as a coloured status. */
export function ActiveBadge({ active, off = "Inactive" }: { active: boolean; off?: string }) {
  return (
    <span className={`status ${active ? "status--on" : "status--off"}`}>
      {active ? "Active" : off}
    </span>
  );
}
