import { localDateOf } from "@clinic/domain";
import { requireRecord, submitToApi } from "@clinic/form-kit/server";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BookingSteps } from "../../components/booking-steps";
import { pageMeta } from "../../formatting/page-meta";
import { formatAppointmentStart } from "../../formatting/time-labels";
import {
  BOOKING_API_FIELDS,
  bookingDetailsErrors,
  bookingDetailsSchema,
  createBookingInput,
  draftFromFormData,
} from "../../forms/booking-form";
import { visitorApi } from "../../forms/public-form.server";
import {
  chosenPractitioner,
  parsePickerParams,
  pickerSearch,
  practitionerParam,
} from "../../links/booking-params";
import { requireSlug } from "../../links/route-params";
import { api } from "../../server/api.server";
import {
  clearBookingDraft,
  readBookingDraft,
  saveBookingDraft,
} from "../../server/booking-draft.server";
import { privatePageHeaders } from "../../server/cache-control";
import { AppointmentSummary } from "./appointment-summary";
import { DetailsForm } from "./details-form";

export const headers = privatePageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.serviceSlug, "Service");
  const search = parsePickerParams(new URL(request.url).searchParams);
  const [service, settings, draft, sms] = await Promise.all([
    requireRecord(() => api.services.bySlug.query({ slug }), "Service"),
    api.settings.get.query(),
    readBookingDraft(request),
    api.sms.status.query(),
  ]);
  const practitioner = chosenPractitioner(service.practitioners, search.practitioner);
  // A link missing its earlier choices goes back to the step that makes them.
  if (!practitioner) throw redirect(`/book/${service.slug}`);
  if (!search.start) {
    throw redirect(`/book/${service.slug}${pickerSearch({ practitioner: practitioner.slug })}`);
  }
  const day = localDateOf(search.start, settings.timeZone);
  return {
    service: {
      id: service.id,
      slug: service.slug,
      name: service.name,
      durationMinutes: service.durationMinutes,
      priceCents: service.priceCents,
    },
    practitioner,
    start: search.start.toISOString(),
    startLabel: formatAppointmentStart(search.start, settings.timeZone),
    changeTimeHref: `/book/${service.slug}${pickerSearch({ practitioner: practitioner.slug, day })}`,
    // One key per rendered form: a double submit or a retry makes one booking, not two.
    idempotencyKey: globalThis.crypto.randomUUID(),
    draft,
    /** Whether the clinic sends texts: the form offers a text reminder only then. */
    smsEnabled: sms.enabled,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { request, params } = args;
  const slug = requireSlug(params.serviceSlug, "Service");
  const formData = await request.formData();
  const submission = parseWithZod(formData, {
    schema: bookingDetailsSchema,
    error: bookingDetailsErrors,
  });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: 400 });
  }
  // No `unavailable`: the API down is the error page here, as it was for the time picker.
  const booked = await submitToApi(
    submission,
    () => visitorApi(args).bookings.create.mutate(createBookingInput(submission.value)),
    BOOKING_API_FIELDS,
  );
  if (booked.ok) {
    return redirect(`/manage/${booked.value.manageToken}?booked=1`, {
      headers: { "Set-Cookie": await clearBookingDraft(request) },
    });
  }
  if (booked.refusal.code === "CONFLICT") {
    // Back to that day's times, with what they typed kept for the next details page.
    const settings = await api.settings.get.query();
    const practitioner = practitionerParam(stringField(formData, "practitioner")) ?? "any";
    const day = localDateOf(submission.value.start, settings.timeZone);
    return redirect(`/book/${slug}${pickerSearch({ practitioner, day, taken: true })}`, {
      headers: { "Set-Cookie": await saveBookingDraft(request, draftFromFormData(formData)) },
    });
  }
  return data(booked.reply, { status: booked.status });
}

function stringField(formData: FormData, name: string): string | null {
  const value = formData.get(name);
  return typeof value === "string" ? value : null;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, {
    title: data ? `Your details · ${data.service.name}` : "Your details",
    description: "Tell us who is coming so we can confirm your appointment.",
  });

export default function BookDetailsPage() {
  const {
    service,
    practitioner,
    start,
    startLabel,
    changeTimeHref,
    idempotencyKey,
    draft,
    smsEnabled,
  } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="container page booking">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={changeTimeHref}>Choose a different time</Link>
      </nav>
      <BookingSteps current={4} />
      <div className="detail-layout">
        <div>
          <header className="page-header">
            <h1>Your details</h1>
            <p className="lead">We'll send your confirmation and a link to manage it by email.</p>
          </header>
          <DetailsForm
            choice={{ serviceId: service.id, practitioner, start, idempotencyKey }}
            draft={draft}
            changeTimeHref={changeTimeHref}
            lastResult={lastResult}
            smsEnabled={smsEnabled}
          />
        </div>
        <AppointmentSummary
          service={service}
          practitioner={practitioner}
          startLabel={startLabel}
          changeTimeHref={changeTimeHref}
        />
      </div>
    </div>
  );
}
