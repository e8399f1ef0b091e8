import { addressLines, telHref } from "../formatting/contact-details";
import type { Clinic } from "./use-clinic";

/** The clinic's address, phone and email, as a semantic <address>. */
export function ContactDetails({
  clinic,
  showName = true,
}: {
  clinic: Clinic;
  showName?: boolean;
}) {
  return (
    <address className="contact-details">
      {showName ? <strong className="contact-details__name">{clinic.name}</strong> : null}
      <span className="contact-details__lines">
        {addressLines(clinic.address).map((line) => (
          <span key={line}>{line}</span>
        ))}
      </span>
      <span>
        Phone: <a href={telHref(clinic.phone)}>{clinic.phone}</a>
      </span>
      <span>
        Email: <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
      </span>
    </address>
  );
}
