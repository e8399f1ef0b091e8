import { getFormProps } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "../components/field-errors";
import { SelectField, TextField } from "../components/form-controls";
import { NoticeBanner } from "../components/notice-banner";
import { SubmitButton } from "../components/submit-button";
import { useSchemaForm } from "../components/use-schema-form";
import { pageMeta } from "../formatting/page-title";
import { settingsFormSchema, timeZoneChoices } from "../forms/settings-form";
import { submitForm } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Settings");

const notices = { saved: "Settings saved." } as const;

// Every field of the form, by the dotted name the API also uses for its errors.
const FIELDS = [
  "name",
  "tagline",
  "email",
  "phone",
  "websiteUrl",
  "address.street",
  "address.suburb",
  "address.state",
  "address.postcode",
  "address.country",
  "timeZone",
  "holidayRegion",
  "currency",
  "bookingPolicy.slotStepMinutes",
  "bookingPolicy.minNoticeMinutes",
  "bookingPolicy.horizonDays",
  "bookingPolicy.cancellationWindowHours",
  "emailSenderName",
  "emailSenderAddress",
  "sentEmailRetentionDays",
  "inactiveRetentionYears",
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "settings.write");
  const settings = await api.settings.staffGet.query();
  return {
    notice: noticeFrom(request, notices),
    settings,
    timeZones: timeZoneChoices(settings.timeZone),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "settings.write");
  return submitForm(await request.formData(), {
    schema: settingsFormSchema,
    fields: FIELDS,
    send: (settings) => api.settings.update.mutate(settings),
    redirectTo: () => withNotice("/settings", "saved"),
  });
}

export default function Settings() {
  const { notice, settings, timeZones } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.reply;
  const [form, fields] = useSchemaForm(settingsFormSchema, {
    id: "settings",
    lastResult,
    defaultValue: {
      ...settings,
      sentEmailRetentionDays: String(settings.sentEmailRetentionDays),
      inactiveRetentionYears:
        settings.inactiveRetentionYears === null ? "" : String(settings.inactiveRetentionYears),
      holidayRegion: settings.holidayRegion ?? "",
      bookingPolicy: Object.fromEntries(
        Object.entries(settings.bookingPolicy).map(([key, value]) => [key, String(value)]),
      ),
    },
  });
  const address = fields.address.getFieldset();
  const policy = fields.bookingPolicy.getFieldset();
  return (
    <>
      <div className="page-heading">
        <h1>Settings</h1>
        <p className="lede">
          The clinic's details, booking rules, the sender of its emails and how long they are kept.
        </p>
        <p>
          <Link to="/settings/sms">Text reminders</Link>: the reminder's text and whether texts are
          sent.
        </p>
      </div>
      <NoticeBanner message={notice} />
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <section className="panel" aria-labelledby="clinic-heading">
          <h2 id="clinic-heading">Clinic</h2>
          <div className="form-grid">
            <TextField meta={fields.name} label="Clinic name" />
            <TextField
              meta={fields.tagline}
              label="Tagline"
              hint="Optional; shown under the name."
            />
            <TextField meta={fields.email} type="email" label="Email" />
            <TextField meta={fields.phone} label="Phone" />
            <TextField meta={fields.websiteUrl} type="url" label="Website address" />
            <TextField
              meta={fields.currency}
              label="Currency"
              hint="Three letters, e.g. AUD."
              maxLength={3}
            />
          </div>
        </section>
        <section className="panel" aria-labelledby="address-heading">
          <h2 id="address-heading">Address</h2>
          <div className="form-grid">
            <TextField meta={address.street} label="Street" />
            <TextField meta={address.suburb} label="Suburb" />
            <TextField meta={address.state} label="State" />
            <TextField meta={address.postcode} label="Postcode" />
            <TextField meta={address.country} label="Country" />
          </div>
        </section>
        <section className="panel" aria-labelledby="booking-heading">
          <h2 id="booking-heading">Time and booking</h2>
          <div className="form-grid">
            <SelectField
              meta={fields.timeZone}
              label="Time zone"
              hint="Opening hours, bookings and emails use this zone."
              options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
            />
            <TextField
              meta={fields.holidayRegion}
              label="Public holidays region"
              hint="Country, or country and state, e.g. AU-NSW: Schedules offers its public holidays as closures. Leave empty for none."
              maxLength={20}
            />
            <TextField
              meta={policy.slotStepMinutes}
              type="number"
              label="Slot step (minutes)"
              hint="How far apart online start times are."
              min={5}
              max={120}
            />
            <TextField
              meta={policy.minNoticeMinutes}
              type="number"
              label="Minimum notice (minutes)"
              hint="How soon before a start time patients can still book."
              min={0}
            />
            <TextField
              meta={policy.horizonDays}
              type="number"
              label="Booking horizon (days)"
              hint="How far ahead patients can book."
              min={1}
              max={365}
            />
            <TextField
              meta={policy.cancellationWindowHours}
              type="number"
              label="Cancellation window (hours)"
              hint="Patients can cancel or reschedule online until this long before."
              min={0}
              max={336}
            />
          </div>
        </section>
        <section className="panel" aria-labelledby="email-heading">
          <h2 id="email-heading">Email sender</h2>
          <div className="form-grid">
            <TextField meta={fields.emailSenderName} label="Sender name" />
            <TextField meta={fields.emailSenderAddress} type="email" label="Sender address" />
          </div>
        </section>
        <section className="panel" aria-labelledby="retention-heading">
          <h2 id="retention-heading">Sent emails</h2>
          <div className="form-grid">
            <TextField
              meta={fields.sentEmailRetentionDays}
              type="number"
              label="Keep sent emails (days)"
              hint="Sent emails hold links that manage a booking and the patient's details. After this many days their text, attachments and the recipient's address (all but the domain) are deleted; the subject and when it was sent stay in the booking's history. From 1 to 3650 days."
              min={1}
              max={3650}
            />
          </div>
        </section>
        <section className="panel" aria-labelledby="inactive-heading">
          <h2 id="inactive-heading">Inactive patients and enquiries</h2>
          <div className="form-grid">
            <TextField
              meta={fields.inactiveRetentionYears}
              type="number"
              label="Remove after (years without activity)"
              hint="Leave empty to keep them. Otherwise, once a patient has had no booking and no change for this many years, their details are erased (their bookings stay, anonymous, in the figures), and enquiries untouched that long are deleted. From 1 to 50 years."
              min={1}
              max={50}
            />
          </div>
        </section>
        <div className="button-row">
          <SubmitButton className="button button--primary">Save settings</SubmitButton>
        </div>
      </Form>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
