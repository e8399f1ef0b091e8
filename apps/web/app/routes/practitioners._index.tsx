import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PractitionerCard } from "../components/practitioner-card";
import { clinicNameFrom, pageMeta } from "../formatting/page-meta";
import { api } from "../server/api.server";
import { publicPageHeaders } from "../server/cache-control";

/** The same for every visitor: kept by the page cache (decision 016). */
export const headers = publicPageHeaders;

export async function loader() {
  return { practitioners: await api.practitioners.list.query() };
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, {
    title: "Practitioners",
    description: `Meet the practitioners at ${clinicNameFrom(matches) ?? "our clinic"}: their background, approach and the treatments they offer.`,
  });

export default function PractitionersPage() {
  const { practitioners } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <header className="page-header">
        <h1>Our practitioners</h1>
        <p className="lead">
          Experienced, hands-on care from people who understand sport and movement.
        </p>
      </header>
      {practitioners.length > 0 ? (
        <div className="card-grid card-grid--two">
          {practitioners.map((practitioner) => (
            <PractitionerCard key={practitioner.id} practitioner={practitioner} headingLevel="h2" />
          ))}
        </div>
      ) : (
        <p>Our team page is being updated. Please check back soon.</p>
      )}
    </div>
  );
}
