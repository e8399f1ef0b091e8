import { type PracticeReportInput, practiceReportInputSchema } from "@clinic/domain";

/** The report form's fields as typed (kept to show again next to any mistake). */
export interface ReportValues {
  period: string;
  from: string;
  to: string;
  practitioner: string;
}

export interface ReportParams {
  values: ReportValues;
  /** The API's input, or null when a field needs fixing first. */
  input: PracticeReportInput | null;
  errors: Partial<Record<keyof ReportValues, string>>;
}

const FIELD_OF: Record<string, keyof ReportValues> = {
  period: "period",
  from: "from",
  to: "to",
  practitionerId: "practitioner",
};

/** The report's period from the query string (or a posted form): this month by default. */
export function readReportParams(search: URLSearchParams, today: string): ReportParams {
  const text = (name: keyof ReportValues) => (search.get(name) ?? "").trim();
  const values: ReportValues = {
    period: text("period") || "month",
    from: text("from") || today,
    to: text("to"),
    practitioner: text("practitioner"),
  };
  const parsed = practiceReportInputSchema.safeParse({
    period: values.period,
    from: values.from,
    to: values.period === "custom" ? values.to || undefined : undefined,
    practitionerId: values.practitioner || undefined,
  });
  if (parsed.success) return { values, input: parsed.data, errors: {} };
  const errors: ReportParams["errors"] = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0])];
    if (field && !errors[field]) {
      errors[field] =
        field === "practitioner" ? "Choose a practitioner from the list" : issue.message;
    }
  }
  return { values, input: null, errors };
}

/** The query string of a report's period, for links and the CSV form. */
export function reportSearch(values: ReportValues): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value && !(key === "to" && values.period !== "custom")) search.set(key, value);
  }
  return search.toString();
}
