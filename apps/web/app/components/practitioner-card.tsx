import type { ShownImage } from "@clinic/domain";
import { Link } from "@remix-run/react";
import { Avatar } from "./avatar";

export interface PractitionerSummary {
  slug: string;
  name: string;
  title: string;
  photoUrl: string | null;
  photo: ShownImage | null;
  services: ReadonlyArray<{ slug: string; name: string }>;
}

export function PractitionerCard({
  practitioner,
  headingLevel: Heading = "h3",
}: {
  practitioner: PractitionerSummary;
  headingLevel?: "h2" | "h3";
}) {
  return (
    <article className="card practitioner-card">
      <Avatar
        name={practitioner.name}
        photo={practitioner.photo}
        photoUrl={practitioner.photoUrl}
      />
      <div className="practitioner-card__body">
        <Heading className="card__title">
          <Link to={`/practitioners/${practitioner.slug}`} className="card__link">
            {practitioner.name}
          </Link>
        </Heading>
        <p className="practitioner-card__role">{practitioner.title}</p>
        {practitioner.services.length > 0 ? (
          <p className="card__meta">
            Offers {practitioner.services.map((service) => service.name).join(", ")}
          </p>
        ) : null}
      </div>
    </article>
  );
}
