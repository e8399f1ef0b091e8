import { Link } from "@remix-run/react";
import { telHref } from "../formatting/contact-details";
import type { Clinic } from "./use-clinic";

/** The clinic's call to action, as on its original site: ends the home page and every post. */
export function BookingCallToAction({
  clinic,
  headingId,
}: {
  clinic: Pick<Clinic, "phone">;
  headingId: string;
}) {
  return (
    <section className="section cta-band" aria-labelledby={headingId}>
      <div className="container cta-band__inner">
        <h2 id={headingId}>Need chiropractic services? Book now!</h2>
        <p>
          Call us on <a href={telHref(clinic.phone)}>{clinic.phone}</a> or book online in a couple
          of minutes.
        </p>
        <Link to="/book" className="button button--primary button--large">
          Book now
        </Link>
      </div>
    </section>
  );
}
