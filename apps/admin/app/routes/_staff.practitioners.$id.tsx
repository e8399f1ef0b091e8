import { can, canOn } from "@clinic/domain";
import { intentOf } from "@clinic/form-kit";
import { requireRecord } from "@clinic/form-kit/server";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CalendarFeedPanel } from "../components/calendar-feed-panel";
import { ImageUploadPanel } from "../components/image-upload-panel";
import { NoticeBanner } from "../components/notice-banner";
import { PractitionerDetailsForm } from "../components/practitioner-form";
import { ActivationPanel, ActiveBadge, DeletionPanel } from "../components/record-panels";
import { imagePreview } from "../formatting/image-preview";
import { pageMeta } from "../formatting/page-title";
import { practitionerFormSchema, slugFor } from "../forms/catalog-forms";
import type { ApiClient } from "../server/api.server";
import { confirmStep } from "../server/confirm-step.server";
import { runAction, submitForm, switchActive } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { uploadPhoto } from "../server/photo-upload.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? data.practitioner.name : "Practitioner");

const notices = {
  created: "Practitioner added.",
  saved: "Changes saved.",
  photo: "Photo updated.",
  "photo-removed": "Photo removed.",
  deactivated: "Practitioner deactivated: hidden from the website and online booking.",
  reactivated: "Practitioner reactivated.",
} as const;

const findPractitioner = (api: ApiClient, id = "") =>
  requireRecord(() => api.practitioners.get.query({ id }), "Practitioner");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "catalog.read");
  const practitioner = await findPractitioner(api, params.id);
  const feed = canOn(user, "calendarFeeds.manage", practitioner.id)
    ? await api.calendarFeeds.get.query({ practitionerId: practitioner.id })
    : null;
  return {
    calendarFeed: feed
      ? { hasFeed: feed.hasFeed, own: user.practitionerId === practitioner.id }
      : null,
    notice: noticeFrom(request, notices),
    canWrite: can(user.role, "catalog.write"),
    confirm: confirmStep(request, ["deactivate", "delete"]),
    practitioner: {
      id: practitioner.id,
      name: practitioner.name,
      slug: practitioner.slug,
      title: practitioner.title,
      bio: practitioner.bio,
      sortOrder: practitioner.sortOrder,
      active: practitioner.active,
      photo: imagePreview(
        practitioner.photo,
        practitioner.photoAlt,
        practitioner.photoUrl,
        practitioner.name,
      ),
      hasPhoto: practitioner.photoUrl !== null,
      describable: practitioner.photo !== null,
      bookingCount: practitioner.bookingCount,
      services: practitioner.services,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "catalog.write");
  const current = await findPractitioner(api, params.id);
  const id = current.id;
  const here = `/practitioners/${id}`;

  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return uploadPhoto(request, (photo) => api.practitioners.uploadPhoto.mutate({ id, ...photo }), {
      redirectTo: withNotice(here, "photo"),
      describe: current.photo
        ? (alt) => api.practitioners.describePhoto.mutate({ id, alt })
        : undefined,
    });
  }

  const formData = await request.formData();
  const profile = {
    id,
    name: current.name,
    slug: current.slug,
    title: current.title,
    bio: current.bio,
    sortOrder: current.sortOrder,
    active: current.active,
    photoUrl: current.photoUrl,
  };
  const done = (notice: keyof typeof notices) => () => withNotice(here, notice);
  const intent = intentOf(formData, ["save", "remove-photo", "deactivate", "reactivate", "delete"]);
  switch (intent) {
    case "save":
      return submitForm(
        formData,
        {
          schema: practitionerFormSchema,
          fields: Object.keys(practitionerFormSchema.shape),
          send: (form) =>
            api.practitioners.update.mutate({
              ...profile,
              name: form.name,
              slug: slugFor(form),
              title: form.title,
              bio: form.bio,
              sortOrder: form.sortOrder,
            }),
          redirectTo: done("saved"),
        },
        { form: "details" },
      );
    case "remove-photo":
      return runAction(
        () => api.practitioners.update.mutate({ ...profile, photoUrl: null }),
        done("photo-removed"),
        { form: "photo" },
      );
    case "deactivate":
    case "reactivate":
      return switchActive(api.practitioners, intent, id, here);
    case "delete":
      return runAction(
        () => api.practitioners.remove.mutate({ id }),
        () => withNotice("/practitioners", "deleted"),
        { form: "status" },
      );
  }
}

export default function EditPractitioner() {
  const {
    notice,
    canWrite,
    confirm,
    calendarFeed,
    practitioner: p,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/practitioners/${p.id}`;
  return (
    <>
      <p>
        <Link to="/practitioners">← Practitioners</Link>
      </p>
      <div className="page-heading">
        <h1>{p.name}</h1>
        <p className="lede">
          <ActiveBadge active={p.active} />{" "}
          {p.bookingCount === 1 ? "1 booking" : `${p.bookingCount} bookings`} ·{" "}
          {p.services.length > 0
            ? `Offers ${p.services.map((s) => s.name).join(", ")}`
            : "Offers no services yet"}
        </p>
      </div>
      <NoticeBanner message={notice} />

      {canWrite ? (
        <>
          <section className="panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">Profile</h2>
            <PractitionerDetailsForm
              key={`${p.id}-${p.name}-${p.slug}`}
              lastResult={actionData?.form === "details" ? actionData.reply : undefined}
              defaultValue={{
                name: p.name,
                slug: p.slug,
                title: p.title,
                bio: p.bio,
                sortOrder: String(p.sortOrder),
              }}
              submitLabel="Save changes"
              showActive={false}
            />
            <p className="small muted">
              Which services {p.name} offers is set on each <Link to="/services">service</Link>.
            </p>
          </section>

          <ImageUploadPanel
            name="photo"
            heading="Photo"
            current={p.photo}
            emptyText={
              p.hasPhoto ? "The photo's address isn't one this site serves." : "No photo yet."
            }
            previewClassName="photo"
            previewSizes="128px"
            altDefault={p.photo?.alt ?? `Portrait of ${p.name}`}
            altHint="Read aloud in place of the photo, e.g. “Jason Lee in the clinic’s gym”."
            fileLabel="New photo"
            uploadLabel="Upload photo"
            saveLabel="Save photo"
            removeLabel="Remove photo"
            removeIntent="remove-photo"
            removable={p.hasPhoto}
            describable={p.describable}
            errors={
              actionData?.form === "photo" && "errors" in actionData ? actionData.errors : undefined
            }
            altTyped={
              actionData?.form === "photo" && "alt" in actionData ? actionData.alt : undefined
            }
            error={actionData?.form === "photo" ? actionData.error : undefined}
          />

          <ActivationPanel
            heading="Availability"
            active={p.active}
            confirming={confirm === "deactivate"}
            cancelTo={here}
            error={actionData?.form === "status" ? actionData.error : undefined}
            activeText="Active practitioners are shown on the website and can be booked online."
            confirmText={`Deactivate ${p.name}? They disappear from the website and online booking. Their bookings and history stay; existing bookings are not cancelled.`}
            inactiveText="Inactive: hidden from the website and online booking."
          />

          {p.bookingCount === 0 ? (
            <DeletionPanel
              confirming={confirm === "delete"}
              cancelTo={here}
              intro={`${p.name} has never been booked, so the record can be deleted.`}
              confirmText={`Delete ${p.name} for good, with their working hours and time off? This can't be undone.`}
            />
          ) : null}
        </>
      ) : (
        <section className="panel" aria-labelledby="profile-heading">
          <h2 id="profile-heading">Profile</h2>
          <dl className="description-list">
            <dt>Title</dt>
            <dd>{p.title}</dd>
            <dt>Web address</dt>
            <dd>/practitioners/{p.slug}</dd>
            <dt>Bio</dt>
            <dd className="pre-wrap">{p.bio}</dd>
          </dl>
        </section>
      )}
      {calendarFeed ? (
        <CalendarFeedPanel
          practitionerId={p.id}
          practitionerName={p.name}
          hasFeed={calendarFeed.hasFeed}
          own={calendarFeed.own}
        />
      ) : null}
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
