import { isApiError } from "@clinic/api-client";
import { can, clinicClosureInputSchema, weekdayNames } from "@clinic/domain";
import { getFormProps, getInputProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FieldErrors, FormErrors } from "../components/field-errors";
import { NoticeBanner } from "../components/notice-banner";
import { OrphanList, toOrphans } from "../components/orphan-list";
import { RouteError } from "../components/route-error";
import { longDateLabel } from "../formatting/clinic-time";
import { pageTitle } from "../formatting/page-title";
import { describeDay, orphanHeadline } from "../formatting/schedule-changes-display";
import { missingFieldMessages } from "../forms/missing-field-messages";
import { createApi } from "../server/api.server";
import { requireSameOrigin } from "../server/csrf.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaff } from "../server/session.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Schedules") }];

const notices = {
  "closure-added": "Closure added. Patients can't book those days.",
  "closure-added-outside": "Closure added. It covers existing bookings: contact those patients.",
  "closure-removed": "Closure removed. Those days are bookable again.",
} as const;

const closureFormSchema = z.object({
  startDate: z.string(),
  endDate: z.string().optional(),
  reason: z.string(),
  confirmOrphans: z.boolean().default(false),
});
const closureErrors = missingFieldMessages({
  startDate: "Choose the first day",
  reason: "Say why the clinic is closed",
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, token } = await requireStaff(request);
  const api = createApi(token);
  const [practitioners, closures, settings] = await Promise.all([
    api.practitioners.list.query(),
    api.schedules.listClosures.query({ includePast: false }),
    api.settings.get.query(),
  ]);
  const schedules = await Promise.all(
    practitioners.map((p) => api.schedules.get.query({ practitionerId: p.id })),
  );
  const removeId = new URL(request.url).searchParams.get("removeClosure");
  const mayEditClosures = can(user.role, "closures.write");
  return {
    timeZone: settings.timeZone,
    schedules: schedules.map((s) => ({
      practitioner: s.practitioner,
      weeklyHours: s.weeklyHours,
      upcomingTimeOff: s.timeOff.length,
      canEdit: s.canEdit,
    })),
    closures,
    mayEditClosures,
    removing: mayEditClosures ? (closures.find((c) => c.id === removeId) ?? null) : null,
    notice: noticeFrom(request, notices),
  };
}

type Orphans = Awaited<
  ReturnType<ReturnType<typeof createApi>["schedules"]["previewClosure"]["query"]>
>["orphans"];
type ActionData =
  | { form: "closure"; reply: SubmissionResult<string[]>; orphans?: Orphans }
  | { form: "remove"; error: string };

export async function action({ request }: ActionFunctionArgs) {
  const { token } = await requireStaff(request);
  requireSameOrigin(request);
  const api = createApi(token);
  const formData = await request.formData();
  const form = formData.get("form");

  if (form === "closure") {
    const submission = parseWithZod(formData, { schema: closureFormSchema, error: closureErrors });
    if (submission.status !== "success") {
      return data<ActionData>({ form: "closure", reply: submission.reply() }, { status: 400 });
    }
    const entry = {
      startDate: submission.value.startDate,
      endDate: submission.value.endDate || submission.value.startDate,
      reason: submission.value.reason,
    };
    const checked = clinicClosureInputSchema.safeParse(entry);
    if (!checked.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of checked.error.issues) {
        const key = String(issue.path[0] ?? "");
        fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
      }
      return data<ActionData>(
        { form: "closure", reply: submission.reply({ fieldErrors }) },
        { status: 400 },
      );
    }
    try {
      const added = await api.schedules.addClosure.mutate({
        ...checked.data,
        confirmOrphans: submission.value.confirmOrphans,
      });
      throw redirect(
        withNotice(
          "/schedules",
          added.orphans.length > 0 ? "closure-added-outside" : "closure-added",
        ),
      );
    } catch (error) {
      if (isApiError(error, "PRECONDITION_FAILED")) {
        const { orphans } = await api.schedules.previewClosure.query({
          startDate: checked.data.startDate,
          endDate: checked.data.endDate,
        });
        return data<ActionData>(
          { form: "closure", reply: submission.reply(), orphans },
          { status: 409 },
        );
      }
      if (isApiError(error, "BAD_REQUEST") || isApiError(error, "FORBIDDEN")) {
        return data<ActionData>(
          { form: "closure", reply: submission.reply({ formErrors: [error.message] }) },
          { status: 400 },
        );
      }
      throw error;
    }
  }

  if (form === "remove-closure") {
    const id = String(formData.get("id") ?? "");
    if (!z.uuid().safeParse(id).success)
      return data<ActionData>(
        { form: "remove", error: "Choose a closure to remove." },
        { status: 400 },
      );
    try {
      await api.schedules.removeClosure.mutate({ id });
    } catch (error) {
      if (isApiError(error, "NOT_FOUND") || isApiError(error, "FORBIDDEN")) {
        return data<ActionData>({ form: "remove", error: error.message }, { status: 400 });
      }
      throw error;
    }
    throw redirect(withNotice("/schedules", "closure-removed"));
  }

  throw new Response("Unknown form", { status: 400 });
}

function closureDates(c: { startDate: string; endDate: string }): string {
  return c.startDate === c.endDate
    ? longDateLabel(c.startDate)
    : `${longDateLabel(c.startDate)} to ${longDateLabel(c.endDate)}`;
}

export default function Schedules() {
  const { schedules, closures, mayEditClosures, removing, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <div className="page-heading">
        <h1>Schedules</h1>
        <p className="lede">
          Each practitioner's weekly hours and time off, and the days the clinic is closed.
        </p>
      </div>
      <NoticeBanner message={notice} />
      {actionData?.form === "remove" ? <FormErrors errors={[actionData.error]} /> : null}

      <section aria-labelledby="practitioners-heading">
        <h2 id="practitioners-heading">Practitioners</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Practitioner</th>
                {weekdayNames.map((name) => (
                  <th key={name} scope="col">
                    <abbr title={name}>{name.slice(0, 3)}</abbr>
                  </th>
                ))}
                <th scope="col" className="table__number">
                  Time off ahead
                </th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((s) => (
                <tr key={s.practitioner.id}>
                  <th scope="row">
                    <Link to={`/schedules/${s.practitioner.id}`}>
                      {s.canEdit ? "Edit" : "View"}
                      <span className="visually-hidden"> schedule of</span> {s.practitioner.name}
                    </Link>
                  </th>
                  {weekdayNames.map((name, index) => (
                    <td key={name} className="pre-line">
                      {describeDay(s.weeklyHours, index + 1).replaceAll(", ", "\n")}
                    </td>
                  ))}
                  <td className="table__number">{s.upcomingTimeOff}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="section panel" aria-labelledby="closures-heading">
        <h2 id="closures-heading">Clinic closures</h2>
        <p className="muted">Public holidays and other days nobody can be booked.</p>
        {closures.length === 0 ? (
          <p>No closures coming up.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Dates</th>
                <th scope="col">Reason</th>
                {mayEditClosures ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {closures.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{closureDates(c)}</th>
                  <td>{c.reason}</td>
                  {mayEditClosures ? (
                    <td>
                      <Link
                        to={`/schedules?removeClosure=${c.id}#closures-heading`}
                        aria-label={`Remove closure: ${closureDates(c)}`}
                      >
                        Remove
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {removing ? (
          <Form method="post" className="warning section" aria-labelledby="remove-closure-heading">
            <h3 id="remove-closure-heading">Reopen the clinic on these days?</h3>
            <p>
              {closureDates(removing)} ({removing.reason}). Patients will be able to book those days
              again.
            </p>
            <input type="hidden" name="form" value="remove-closure" />
            <input type="hidden" name="id" value={removing.id} />
            <div className="actions">
              <button type="submit" className="button button--danger">
                Remove closure
              </button>
              <Link to="/schedules" className="button button--quiet">
                Keep it
              </Link>
            </div>
          </Form>
        ) : null}
        {mayEditClosures ? <ClosureForm /> : null}
      </section>
    </>
  );
}

function ClosureForm() {
  const { timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const result = actionData?.form === "closure" ? actionData : null;
  const [form, fields] = useForm({
    id: "closure",
    lastResult: result?.reply,
    constraint: getZodConstraint(closureFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: closureFormSchema, error: closureErrors }),
  });
  const input = (field: typeof fields.startDate, type: "date" | "text") => {
    const { key, ...props } = getInputProps(field, { type });
    return <input key={key} {...props} />;
  };
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="form section"
      aria-labelledby="add-closure-heading"
    >
      <h3 id="add-closure-heading">Add a closure</h3>
      <input type="hidden" name="form" value="closure" />
      <FormErrors id={form.errorId} errors={form.errors} />
      {result?.orphans && result.orphans.length > 0 ? (
        <div className="warning" role="alert">
          <h4>{orphanHeadline(result.orphans.length, "this closure")}</h4>
          <p>
            Nothing has been saved yet. A closure never cancels bookings: they stay, and you contact
            the patients.
          </p>
          <OrphanList orphans={toOrphans(result.orphans)} timeZone={timeZone} showPractitioner />
          <div className="actions">
            <button
              type="submit"
              name="confirmOrphans"
              value="on"
              className="button button--primary"
            >
              Close the clinic anyway
            </button>
          </div>
          <p className="muted">Or change the dates below.</p>
        </div>
      ) : null}
      <div className="form-row">
        <div className="field">
          <label htmlFor={fields.startDate.id}>First day</label>
          {input(fields.startDate, "date")}
          <FieldErrors id={fields.startDate.errorId} errors={fields.startDate.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.endDate.id}>Last day (if more than one)</label>
          {input(fields.endDate, "date")}
          <FieldErrors id={fields.endDate.errorId} errors={fields.endDate.errors} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={fields.reason.id}>Reason</label>
        {input(fields.reason, "text")}
        <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
      </div>
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={navigation.state === "submitting"}
        >
          Add closure
        </button>
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
