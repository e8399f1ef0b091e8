import { isApiError } from "@clinic/api-client";
import { can, idSchema } from "@clinic/domain";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "../components/field-errors";
import { NoticeBanner } from "../components/notice-banner";
import { PractitionerDetailsForm } from "../components/practitioner-form";
import { RouteError } from "../components/route-error";
import { pageTitle } from "../formatting/page-title";
import { practitionerFormSchema, slugFor } from "../forms/catalog-forms";
import { callApi } from "../server/api-outcome.server";
import { imageSrc } from "../server/image-address.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { photoUploadFrom, readPhotoForm } from "../server/photo-upload.server";
import { notFound, requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? data.practitioner.name : "Practitioner") },
];

const notices = {
  created: "Practitioner added.",
  saved: "Changes saved.",
  photo: "Photo updated.",
  "photo-removed": "Photo removed.",
  deactivated: "Practitioner deactivated: hidden from the website and online booking.",
  reactivated: "Practitioner reactivated.",
} as const;

async function findPractitioner(
  api: Awaited<ReturnType<typeof requireStaffWith>>["api"],
  id: string,
) {
  if (!idSchema.safeParse(id).success) throw notFound("Practitioner");
  try {
    return await api.practitioners.get.query({ id });
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) throw notFound("Practitioner");
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "catalog.read");
  const practitioner = await findPractitioner(api, params.id ?? "");
  const confirm = new URL(request.url).searchParams.get("confirm");
  return {
    notice: noticeFrom(request, notices),
    canWrite: can(user.role, "catalog.write"),
    confirm: confirm === "deactivate" || confirm === "delete" ? confirm : null,
    practitioner: {
      id: practitioner.id,
      name: practitioner.name,
      slug: practitioner.slug,
      title: practitioner.title,
      bio: practitioner.bio,
      sortOrder: practitioner.sortOrder,
      active: practitioner.active,
      photoSrc: imageSrc(practitioner.photoUrl),
      hasPhoto: practitioner.photoUrl !== null,
      bookingCount: practitioner.bookingCount,
      services: practitioner.services,
    },
  };
}

type ActionResult =
  | { form: "details"; reply: SubmissionResult<string[]> }
  | { form: "photo" | "status"; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "catalog.write");
  const current = await findPractitioner(api, params.id ?? "");
  const id = current.id;
  const here = `/practitioners/${id}`;

  const multipart = request.headers.get("Content-Type")?.startsWith("multipart/form-data");
  if (multipart) {
    const read = await readPhotoForm(request);
    if (!read.ok)
      return data<ActionResult>({ form: "photo", error: read.message }, { status: 400 });
    const photo = await photoUploadFrom(read.formData.get("photo"));
    if (!photo.ok)
      return data<ActionResult>({ form: "photo", error: photo.message }, { status: 400 });
    const result = await callApi(
      () => api.practitioners.uploadPhoto.mutate({ id, ...photo.upload }),
      {
        fields: [],
      },
    );
    if (!result.ok) {
      return data<ActionResult>(
        { form: "photo", error: result.formErrors.join(" ") },
        { status: 400 },
      );
    }
    throw redirect(withNotice(here, "photo"));
  }

  const formData = await request.formData();
  const intent = formData.get("intent");
  const profile = {
    name: current.name,
    slug: current.slug,
    title: current.title,
    bio: current.bio,
    sortOrder: current.sortOrder,
    active: current.active,
    photoUrl: current.photoUrl,
  };

  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: practitionerFormSchema });
    if (submission.status !== "success") {
      return data<ActionResult>({ form: "details", reply: submission.reply() }, { status: 400 });
    }
    const form = submission.value;
    const result = await callApi(
      () =>
        api.practitioners.update.mutate({
          ...profile,
          id,
          name: form.name,
          slug: slugFor(form),
          title: form.title,
          bio: form.bio,
          sortOrder: form.sortOrder,
        }),
      { fields: Object.keys(practitionerFormSchema.shape) },
    );
    if (!result.ok) {
      return data<ActionResult>(
        { form: "details", reply: submission.reply(result) },
        { status: 400 },
      );
    }
    throw redirect(withNotice(here, "saved"));
  }

  const simple = {
    "remove-photo": {
      call: () => api.practitioners.update.mutate({ ...profile, id, photoUrl: null }),
      notice: "photo-removed",
      form: "photo",
    },
    deactivate: {
      call: () => api.practitioners.deactivate.mutate({ id }),
      notice: "deactivated",
      form: "status",
    },
    reactivate: {
      call: () => api.practitioners.reactivate.mutate({ id }),
      notice: "reactivated",
      form: "status",
    },
    delete: {
      call: () => api.practitioners.remove.mutate({ id }),
      notice: null,
      form: "status",
    },
  } as const;
  if (typeof intent !== "string" || !Object.hasOwn(simple, intent)) {
    throw new Response("Unknown action", { status: 400 });
  }
  const chosen = simple[intent as keyof typeof simple];
  const result = await callApi<unknown>(chosen.call, { fields: [] });
  if (!result.ok) {
    return data<ActionResult>(
      { form: chosen.form, error: result.formErrors.join(" ") },
      { status: 409 },
    );
  }
  if (chosen.notice === null) throw redirect(withNotice("/practitioners", "deleted"));
  throw redirect(withNotice(here, chosen.notice));
}

export default function EditPractitioner() {
  const { notice, canWrite, confirm, practitioner: p } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const detailsReply = actionData?.form === "details" ? actionData.reply : undefined;
  const photoError = actionData?.form === "photo" ? actionData.error : undefined;
  const statusError = actionData?.form === "status" ? actionData.error : undefined;

  return (
    <>
      <p>
        <Link to="/practitioners">← Practitioners</Link>
      </p>
      <div className="page-heading">
        <h1>{p.name}</h1>
        <p className="lede">
          <span className={`status ${p.active ? "status--on" : "status--off"}`}>
            {p.active ? "Active" : "Inactive"}
          </span>{" "}
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
              lastResult={detailsReply}
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

          <section className="panel" aria-labelledby="photo-heading">
            <h2 id="photo-heading">Photo</h2>
            {p.photoSrc ? (
              <img className="photo" src={p.photoSrc} alt={p.name} width={128} height={128} />
            ) : (
              <p className="muted">No photo yet.</p>
            )}
            {photoError ? <FormErrors errors={[photoError]} /> : null}
            <Form method="post" encType="multipart/form-data" className="form">
              <div className="field">
                <label htmlFor="photo">New photo</label>
                <p id="photo-hint" className="field__hint">
                  JPEG, PNG or WebP, at most 2 MB.
                </p>
                <input
                  id="photo"
                  name="photo"
                  type="file"
                  accept="image/jpeg,image/png,image/webp"
                  required
                  aria-describedby="photo-hint"
                />
              </div>
              <div className="button-row">
                <button type="submit" className="button button--primary" disabled={busy}>
                  Upload photo
                </button>
              </div>
            </Form>
            {p.hasPhoto ? (
              <Form method="post" className="button-row" style={{ marginTop: "0.75rem" }}>
                <button
                  type="submit"
                  name="intent"
                  value="remove-photo"
                  className="button button--quiet"
                  disabled={busy}
                >
                  Remove photo
                </button>
              </Form>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="status-heading">
            <h2 id="status-heading">Availability</h2>
            {statusError ? <FormErrors errors={[statusError]} /> : null}
            {p.active ? (
              confirm === "deactivate" ? (
                <div className="warning">
                  <p>
                    Deactivate {p.name}? They disappear from the website and online booking. Their
                    bookings and history stay; existing bookings are not cancelled.
                  </p>
                  <Form method="post" className="button-row">
                    <button
                      type="submit"
                      name="intent"
                      value="deactivate"
                      className="button button--danger"
                      disabled={busy}
                    >
                      Yes, deactivate
                    </button>
                    <Link to={`/practitioners/${p.id}`} className="button button--quiet">
                      Keep active
                    </Link>
                  </Form>
                </div>
              ) : (
                <>
                  <p>Active practitioners are shown on the website and can be booked online.</p>
                  <Link to="?confirm=deactivate" className="button button--quiet">
                    Deactivate…
                  </Link>
                </>
              )
            ) : (
              <Form method="post" className="button-row">
                <p>Inactive: hidden from the website and online booking.</p>
                <button
                  type="submit"
                  name="intent"
                  value="reactivate"
                  className="button button--primary"
                  disabled={busy}
                >
                  Reactivate
                </button>
              </Form>
            )}
          </section>

          {p.bookingCount === 0 ? (
            <section className="panel panel--danger" aria-labelledby="delete-heading">
              <h2 id="delete-heading">Delete</h2>
              {confirm === "delete" ? (
                <div className="warning">
                  <p>
                    Delete {p.name} for good, with their working hours and time off? This can't be
                    undone.
                  </p>
                  <Form method="post" className="button-row">
                    <button
                      type="submit"
                      name="intent"
                      value="delete"
                      className="button button--danger"
                      disabled={busy}
                    >
                      Yes, delete for good
                    </button>
                    <Link to={`/practitioners/${p.id}`} className="button button--quiet">
                      Cancel
                    </Link>
                  </Form>
                </div>
              ) : (
                <>
                  <p>{p.name} has never been booked, so the record can be deleted.</p>
                  <Link to="?confirm=delete" className="button button--quiet">
                    Delete…
                  </Link>
                </>
              )}
            </section>
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
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
