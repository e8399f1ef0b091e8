import { addLocalDays, startOfLocalDay } from "@clinic/domain";
import { PaginationNav, pageCount, pageParam } from "@clinic/form-kit";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterActions, FilterDateField } from "../components/filter-actions";
import { auditActionLabel, auditChangeRows, auditEntityLabel } from "../formatting/audit-changes";
import { dateTimeLabel, isLocalDate } from "../formatting/clinic-time";
import { countLabel } from "../formatting/count-label";
import { pageMeta } from "../formatting/page-title";
import { requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Audit log");

const ERASED_PATIENT = "Erased patient";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The start of a local day in the clinic's zone (or of the next day, for an inclusive "to"). */
function dayStart(value: string, timeZone: string, nextDay = false): Date | null {
  if (!isLocalDate(value)) return null;
  return startOfLocalDay(timeZone, nextDay ? addLocalDays(value, 1) : value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "audit.read");
  const params = new URL(request.url).searchParams;
  const settings = await api.settings.get.query();
  const tz = settings.timeZone;

  const actorId = params.get("actor") ?? "";
  const entity = params.get("area") ?? "";
  const fromText = params.get("from") ?? "";
  const toText = params.get("to") ?? "";
  const page = pageParam(params);
  const from = fromText ? dayStart(fromText, tz) : null;
  const to = toText ? dayStart(toText, tz, true) : null;
  const errors: { from?: string; to?: string } = {};
  if (fromText && !from) errors.from = "Use a date such as 2026-04-05";
  if (toText && !to) errors.to = "Use a date such as 2026-04-05";
  if (from && to && from >= to) errors.to = "The end date must be on or after the start date";

  const [log, staff, practitioners, services] = await Promise.all([
    api.audit.list.query({
      actorId: UUID.test(actorId) ? actorId : undefined,
      entity: entity || undefined,
      from: errors.from ? undefined : (from ?? undefined),
      to: errors.to ? undefined : (to ?? undefined),
      page,
    }),
    api.staff.list.query(),
    api.practitioners.staffList.query(),
    api.services.staffList.query(),
  ]);
  const names = new Map<string, string>([
    ...staff.map((s) => [s.id, s.name] as const),
    ...practitioners.map((p) => [p.id, p.name] as const),
    ...services.map((s) => [s.id, s.name] as const),
    // Resolved as the page is read: the log itself holds only ids.
    ...log.patients.map((p) => [p.id, p.name ?? ERASED_PATIENT] as const),
  ]);
  const options = { timeZone: tz, currency: settings.currency, names };

  return {
    filter: { actor: actorId, area: entity, from: fromText, to: toText },
    errors,
    page,
    pages: pageCount(log.total, log.pageSize),
    total: log.total,
    people: staff.map((s) => ({ value: s.id, label: s.name })),
    areas: log.entities.map((e) => ({ value: e, label: auditEntityLabel(e) })),
    entries: log.items.map((entry) => ({
      id: entry.id,
      when: dateTimeLabel(entry.createdAt, tz),
      actor: entry.actorName,
      action: auditActionLabel(entry.action),
      area: auditEntityLabel(entry.entity),
      record: entry.entityId ? (names.get(entry.entityId) ?? null) : null,
      changes: auditChangeRows(entry.changes, options),
    })),
  };
}

export default function AuditLog() {
  const { filter, errors, page, pages, total, people, areas, entries } =
    useLoaderData<typeof loader>();
  const pageLink = (p: number) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ""));
    if (p > 1) params.set("page", String(p));
    const query = params.toString();
    return query ? `/audit?${query}` : "/audit";
  };
  return (
    <>
      <div className="page-heading">
        <h1>Audit log</h1>
        <p className="lede">
          Every change staff made, newest first, with what it was before and after.
        </p>
      </div>
      <Form method="get" className="filters" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-actor">Person</label>
          <select id="audit-actor" name="actor" defaultValue={filter.actor}>
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-area">Area</label>
          <select id="audit-area" name="area" defaultValue={filter.area}>
            <option value="">All areas</option>
            {areas.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <FilterDateField
          id="audit-from"
          name="from"
          label="From"
          value={filter.from}
          error={errors.from}
        />
        <FilterDateField id="audit-to" name="to" label="To" value={filter.to} error={errors.to} />
        <FilterActions clearTo="/audit" />
      </Form>
      <p className="muted" role="status">
        {countLabel(total, "entry", "entries")}
      </p>
      {entries.length === 0 ? null : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.when}</td>
                  <td>{entry.actor}</td>
                  <th scope="row">
                    {entry.action}
                    <div className="small muted">
                      {entry.area}
                      {entry.record ? `: ${entry.record}` : ""}
                    </div>
                  </th>
                  <td>
                    {entry.changes.length === 0 ? (
                      <span className="muted">No details</span>
                    ) : (
                      <table className="changes">
                        <thead>
                          <tr>
                            <th scope="col">Field</th>
                            <th scope="col">Before</th>
                            <th scope="col">After</th>
                          </tr>
                        </thead>
                        <tbody>
                          {entry.changes.map((change) => (
                            <tr key={change.field}>
                              <th scope="row">{change.label}</th>
                              <td>{change.before ?? "—"}</td>
                              <td>{change.after ?? "—"}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PaginationNav page={page} pageCount={pages} href={pageLink} />
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
