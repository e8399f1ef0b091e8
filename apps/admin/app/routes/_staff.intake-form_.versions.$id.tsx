import { bodyAreas, type IntakeQuestion, intakeQuestionKindLabels } from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { requireStaffWith } from "../server/staff-access.server";

// One published version of the intake form, as patients saw it (decision 029): versions are
// never changed, so this is what the answers given to it were answers to.

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Intake form, version ${data.version.version}` : "Intake form version");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "intake.manage");
  const [version, settings] = await Promise.all([
    requireRecord(() => api.intake.version.query({ id: params.id ?? "" }), "Version"),
    api.settings.get.query(),
  ]);
  return { version, timeZone: settings.timeZone };
}

function choicesOf(question: IntakeQuestion): string | null {
  if (question.kind === "single_choice" || question.kind === "multiple_choice") {
    return question.options.join(" · ");
  }
  if (question.kind === "yes_no") return "Yes · No";
  if (question.kind === "body_areas") return bodyAreas.map((a) => a.label).join(" · ");
  return null;
}

export default function IntakeFormVersion() {
  const { version, timeZone } = useLoaderData<typeof loader>();
  const { definition } = version;
  return (
    <>
      <div className="page-heading">
        <p className="muted">
          <Link to="/intake-form">Intake form</Link>
        </p>
        <h1>
          {definition.title} <span className="muted">(version {version.version})</span>
        </h1>
        <p className="lede">
          Published {dateTimeLabel(version.publishedAt, timeZone)} by {version.publishedByName}.
        </p>
        {definition.introduction ? <p>{definition.introduction}</p> : null}
      </div>
      <ol className="intake-builder__questions">
        {definition.questions.map((question) => {
          const choices = choicesOf(question);
          return (
            <li key={question.id} className="panel">
              <h2>
                {question.label}
                {question.required ? <span className="muted"> (required)</span> : null}
              </h2>
              <p className="muted">{intakeQuestionKindLabels[question.kind]}</p>
              {question.helpText ? <p>{question.helpText}</p> : null}
              {choices ? <p>{choices}</p> : null}
              {question.kind === "consent" ? <blockquote>{question.statement}</blockquote> : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
