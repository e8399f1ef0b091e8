import { excerpt, imageSources } from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Avatar } from "../components/avatar";
import { pageMeta } from "../formatting/page-meta";
import { requireSlug } from "../links/route-params";
import { api } from "../server/api.server";
import { publicPageHeaders } from "../server/cache-control";
import { markdownToPlainText, renderMarkdown } from "../server/markdown.server";

/** The same for every visitor: kept by the page cache (decision 016). */
export const headers = publicPageHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug, "Practitioner");
  const practitioner = await requireRecord(
    () => api.practitioners.bySlug.query({ slug }),
    "Practitioner",
  );
  return {
    practitioner,
    bioHtml: renderMarkdown(practitioner.bio),
    description: excerpt(
      `${practitioner.name}, ${practitioner.title}. ${markdownToPlainText(practitioner.bio)}`,
      155,
    ),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageMeta(matches, { title: "Practitioner not found", description: "" });
  const { photo } = data.practitioner;
  return pageMeta(matches, {
    title: data.practitioner.name,
    description: data.description,
    // Social cards show the uploaded photo (its largest WebP), described by its alt text.
    ...(photo ? { image: imageSources(photo).src, imageAlt: photo.alt } : {}),
  });
};

export default function PractitionerPage() {
  const { practitioner, bioHtml } = useLoaderData<typeof loader>();
  return (
    <div className="container page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/practitioners">All practitioners</Link>
      </nav>
      <article className="profile">
        <header className="profile__header">
          <Avatar
            name={practitioner.name}
            photo={practitioner.photo}
            photoUrl={practitioner.photoUrl}
            size="lg"
            priority
          />
          <div>
            <h1>{practitioner.name}</h1>
            <p className="lead">{practitioner.title}</p>
            {practitioner.services.length > 0 ? (
              <p>
                <Link
                  to={`/book?practitioner=${practitioner.slug}`}
                  className="button button--primary"
                >
                  Book with {practitioner.name}
                </Link>
              </p>
            ) : null}
          </div>
        </header>
        {/* Sanitised by renderMarkdown: no raw HTML from the bio survives. */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: bioHtml }} />
        {practitioner.services.length > 0 ? (
          <section aria-labelledby="practitioner-services" className="profile__services">
            <h2 id="practitioner-services">Treatments with {practitioner.name.split(" ")[0]}</h2>
            <ul className="pill-list">
              {practitioner.services.map((service) => (
                <li key={service.id}>
                  <Link to={`/services/${service.slug}`} className="pill">
                    {service.name}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </div>
  );
}
