import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { SubmitButton } from "./submit-button";

/**
 * The "Calendar feed" panel of a practitioner's page and of a practitioner's own account: whether
 * a feed is on, and the buttons that make (or replace) its address on the feed's own page, where
 * the address is shown once.
 */
export function CalendarFeedPanel(props: {
  practitionerId: string;
  practitionerName: string;
  hasFeed: boolean;
  own: boolean;
}) {
  const whose = props.own ? "your" : `${props.practitionerName}'s`;
  return (
    <section className="panel" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">Calendar feed</h2>
      <p>
        A private address that Google, Apple or Outlook calendar subscribes to, so {whose}{" "}
        appointments show up there and stay up to date.
      </p>
      <p className="small muted">
        {props.hasFeed
          ? "A feed is on. Its address was shown once, when it was made; make a new one to subscribe another calendar (the old address then stops working)."
          : "No feed yet."}
      </p>
      <Form method="post" action={`/calendar-feed/${props.practitionerId}`} className="button-row">
        <SubmitButton intent="issue" className="button button--primary">
          {props.hasFeed ? "Make a new address" : "Create a calendar feed"}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** A button that copies `value`; shown only once JavaScript runs (the field stays selectable without). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  useEffect(() => setReady(typeof navigator !== "undefined" && !!navigator.clipboard), []);
  if (!ready) return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          navigator.clipboard.writeText(value).then(
            () => setCopied("yes"),
            () => setCopied("no"),
          )
        }
      >
        {label}
      </button>
      <span role="status" className="small">
        {copied === "yes"
          ? "Copied."
          : copied === "no"
            ? "Couldn't copy: select the address and copy it."
            : ""}
      </span>
    </>
  );
}
