import type { MetaFunction } from "@remix-run/node";
import { useClinic } from "../clinic";
import { addressLines, telHref } from "../contact-details";
import { clinicNameFrom, pageMeta } from "../page-meta";

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, {
    title: "Contact",
    description: `How to reach ${clinicNameFrom(matches) ?? "the clinic"}: address, phone and email.`,
  });

// Everything shown here comes from the root loader's clinic settings.
export default function ContactPage() {
  const clinic = useClinic();
  return (
    <div className="container page">
      <header className="page-header">
        <h1>Let's get in touch</h1>
        <p className="lead">Questions about treatment or appointments? Call, email or visit us.</p>
      </header>
      <div className="card-grid">
        <section className="card contact-card" aria-labelledby="contact-visit">
          <h2 id="contact-visit" className="card__title">
            Visit us
          </h2>
          <address>
            {clinic.name}
            {addressLines(clinic.address).map((line) => (
              <span key={line} className="contact-card__line">
                {line}
              </span>
            ))}
          </address>
        </section>
        <section className="card contact-card" aria-labelledby="contact-call">
          <h2 id="contact-call" className="card__title">
            Call us
          </h2>
          <p>
            <a href={telHref(clinic.phone)} className="contact-card__big">
              {clinic.phone}
            </a>
          </p>
        </section>
        <section className="card contact-card" aria-labelledby="contact-email">
          <h2 id="contact-email" className="card__title">
            Email us
          </h2>
          <p>
            <a href={`mailto:${clinic.email}`} className="contact-card__big">
              {clinic.email}
            </a>
          </p>
        </section>
      </div>
    </div>
  );
}
