import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BookingCallToAction } from "../components/booking-cta";
import { PostCard } from "../components/post-card";
import { PractitionerCard } from "../components/practitioner-card";
import { ReviewCard } from "../components/review-card";
import { ServiceCard } from "../components/service-card";
import { StarRating } from "../components/star-rating";
import { useClinic } from "../components/use-clinic";
import { clinicNameFrom, pageMeta } from "../formatting/page-meta";
import { formatAverage, ratingSummaryLabel } from "../formatting/rating";
import { api } from "../server/api.server";
import { publicPageHeaders } from "../server/cache-control";

/** The same for every visitor: kept by the page cache (decision 016). */
export const headers = publicPageHeaders;

export async function loader() {
  const [services, practitioners, featured, summary, posts] = await Promise.all([
    api.services.list.query(),
    api.practitioners.list.query(),
    api.reviews.list.query({ featured: true, limit: 3 }),
    api.reviews.summary.query(),
    api.posts.list.query({ page: 1, pageSize: 3 }),
  ]);
  // Until staff feature some reviews, show the newest ones.
  const reviews = featured.length > 0 ? featured : await api.reviews.list.query({ limit: 3 });
  return { services, practitioners, reviews, summary, posts: posts.items };
}

export const meta: MetaFunction = ({ matches }) => {
  const name = clinicNameFrom(matches) ?? "Our clinic";
  return pageMeta(matches, {
    title: "Home",
    description: `${name}: meet our practitioners, see treatments and prices, read patient stories and book an appointment.`,
  });
};

export default function HomePage() {
  const { services, practitioners, reviews, summary, posts } = useLoaderData<typeof loader>();
  const clinic = useClinic();

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero__inner">
          <p className="eyebrow">{clinic.address.suburb}</p>
          <h1 id="hero-title" className="hero__title">
            {clinic.name}
          </h1>
          {clinic.tagline ? <p className="hero__tagline">{clinic.tagline}</p> : null}
          <div className="button-row">
            <Link to="/book" className="button button--primary button--large">
              Book an appointment
            </Link>
            <Link to="/practitioners" className="button button--secondary button--large">
              Meet the team
            </Link>
          </div>
          {summary.average !== null ? (
            <p className="hero__rating">
              <StarRating
                rating={summary.average}
                label={ratingSummaryLabel(summary.average, summary.count)}
              />
              <span aria-hidden="true">
                {formatAverage(summary.average)} from {summary.count} patient reviews
              </span>
            </p>
          ) : null}
        </div>
      </section>

      <section className="section" aria-labelledby="home-services">
        <div className="container">
          <div className="section__header">
            <h2 id="home-services">Treatments and prices</h2>
            <Link to="/services" className="section__more">
              See all treatments <span aria-hidden="true">→</span>
            </Link>
          </div>
          <div className="card-grid">
            {services.map((service) => (
              <ServiceCard key={service.id} service={service} currency={clinic.currency} />
            ))}
          </div>
        </div>
      </section>

      <section className="section section--tinted" aria-labelledby="home-team">
        <div className="container">
          <div className="section__header">
            <h2 id="home-team">Our practitioners</h2>
          </div>
          <div className="card-grid card-grid--two">
            {practitioners.map((practitioner) => (
              <PractitionerCard key={practitioner.id} practitioner={practitioner} />
            ))}
          </div>
        </div>
      </section>

      {reviews.length > 0 ? (
        <section className="section" aria-labelledby="home-reviews">
          <div className="container">
            <div className="section__header">
              <h2 id="home-reviews">Real stories, real results</h2>
              <Link to="/testimonials" className="section__more">
                More patient stories <span aria-hidden="true">→</span>
              </Link>
            </div>
            <div className="card-grid">
              {reviews.map((review) => (
                <ReviewCard key={review.id} review={review} timeZone={clinic.timeZone} />
              ))}
            </div>
          </div>
        </section>
      ) : null}

      {posts.length > 0 ? (
        <section className="section section--tinted" aria-labelledby="home-posts">
          <div className="container">
            <div className="section__header">
              <h2 id="home-posts">Latest articles</h2>
              <Link to="/blog" className="section__more">
                All articles <span aria-hidden="true">→</span>
              </Link>
            </div>
            <div className="card-grid">
              {posts.map((post) => (
                <PostCard key={post.id} post={post} timeZone={clinic.timeZone} />
              ))}
            </div>
          </div>
        </section>
      ) : null}

      <BookingCallToAction clinic={clinic} headingId="home-cta" />
    </>
  );
}
