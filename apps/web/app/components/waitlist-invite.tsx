import { Link } from "@remix-run/react";

/**
 * Under the day and time picker: the way onto the waitlist for a patient who can't find a
 * time (a full day, a full week, a practitioner with nothing free). A plain link, so it works
 * without JavaScript.
 */
export function WaitlistInvite({ href, noTimes }: { href: string; noTimes: boolean }) {
  return (
    <section
      className={noTimes ? "card waitlist-invite waitlist-invite--prominent" : "waitlist-invite"}
      aria-labelledby="waitlist-invite-title"
    >
      <h2 id="waitlist-invite-title" className="waitlist-invite__title">
        {noTimes ? "No time that suits you?" : "Can't find a time that suits you?"}
      </h2>
      <p>
        Join the waitlist: tell us the days and times of day that suit you, and we'll email you when
        one comes free.
      </p>
      <p>
        <Link to={href} className={noTimes ? "button button--primary" : "button button--secondary"}>
          Join the waitlist
        </Link>
      </p>
    </section>
  );
}
