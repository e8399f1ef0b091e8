import { Link } from "@remix-run/react";
import { ContactDetails } from "./contact-card";
import { OpeningHours } from "./opening-hours";
import type { Clinic } from "./use-clinic";

export function SiteFooter({ clinic }: { clinic: Clinic | undefined }) {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        {clinic ? (
          <section aria-labelledby="footer-contact">
            <h2 id="footer-contact" className="site-footer__heading">
              Visit or call
            </h2>
            <ContactDetails clinic={clinic} />
          </section>
        ) : null}
        {clinic ? (
          <OpeningHours
            clinic={clinic}
            headingId="footer-hours"
            headingClass="site-footer__heading"
          />
        ) : null}
        <section aria-labelledby="footer-explore">
          <h2 id="footer-explore" className="site-footer__heading">
            Explore
          </h2>
          <ul className="site-footer__links">
            <li>
              <Link to="/services">Prices and treatments</Link>
            </li>
            <li>
              <Link to="/practitioners">Our team</Link>
            </li>
            <li>
              <Link to="/blog">Articles and videos</Link>
            </li>
            <li>
              <Link to="/testimonials">Patient stories</Link>
            </li>
            <li>
              <Link to="/account">Your bookings</Link>
            </li>
          </ul>
        </section>
        {clinic ? (
          <p className="site-footer__legal">
            © {new Date().getFullYear()} {clinic.name}
          </p>
        ) : null}
      </div>
    </footer>
  );
}
