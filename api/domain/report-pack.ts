// The monthly QA report pack as a model: sections, each with a heading, its
// figures and tables, a chart described as data, and the QA lead's
// narrative. Both renderers (Word and printable HTML) draw this one model,
// so the two documents always say the same thing. Pure: the report-pack
// service gathers the records and calls the builders here.
import type { AgreementStatistics, GradeShift } from "./agreement-statistics.js";
import type { DashboardFigures, GradeCount } from "./dashboard-figures.js";
import type { ReportSectionKey } from "./records/report-narrative.js";
import type { PlanProgress } from "./improvement-plan-progress.js";
import { monthLabel } from "./report-scope.js";

export interface ReportFigure {
  label: string;
  value: string;
}

export interface ReportTable {
  caption: string;
  columns: string[];
  rows: string[][];
  /** Said instead of an empty table. */
  emptyText: string;
}

export interface ChartSeries {
  name: string;
  values: number[];
}

/** A chart as data: the SVG renderer draws it, and `altText` says what it shows to anyone who cannot see it. */
export interface ChartSpec {
  kind: "bar" | "stacked_bar";
  title: string;
  categories: string[];
  series: ChartSeries[];
  unit: "count" | "percent";
  altText: string;
}

export interface ReportSection {
  key: ReportSectionKey;
  heading: string;
  /** One or two sentences on what the section shows and where the figures come from. */
  intro: string;
  figures: ReportFigure[];
  tables: ReportTable[];
  chart?: ChartSpec;
  narrative: string;
}

export interface ReportPack {
  title: string;
  authorityName: string;
  period: { month: string; label: string; from: string; to: string };
  scopeLabel: string;
  generatedAt: string;
  sections: ReportSection[];
}

export const percentText = (part: number, whole: number): string => (whole === 0 ? "no data" : `${Math.round((100 * part) / whole)}%`);

function chartAltText(spec: Omit<ChartSpec, "altText">): string {
  if (spec.categories.length === 0 || spec.series.every((series) => series.values.every((value) => value === 0))) {
    return `${spec.title}: no data for this period.`;
  }
  const unit = spec.unit === "percent" ? "%" : "";
  const parts = spec.categories.map(
    (category, index) => `${category}: ${spec.series.map((series) => `${spec.series.length > 1 ? `${series.name} ` : ""}${series.values[index] ?? 0}${unit}`).join(", ")}`,
  );
  const kind = spec.kind === "stacked_bar" ? "Stacked bar chart" : "Bar chart";
  return `${kind}, ${spec.title}. ${parts.join("; ")}.`;
}

export function chart(spec: Omit<ChartSpec, "altText">): ChartSpec {
  return { ...spec, altText: chartAltText(spec) };
}

/** "good or better": the top grades down to the second on the scale (Ofsted's "good"). */
export function goodOrBetter(grades: readonly GradeCount[]): number {
  return grades.slice(0, 2).reduce((sum, grade) => sum + grade.count, 0);
}

const total = (grades: readonly GradeCount[]) => grades.reduce((sum, grade) => sum + grade.count, 0);

export function gradesSection(month: DashboardFigures, trend: DashboardFigures["trend"], narrative: string): ReportSection {
  const graded = total(month.grades);
  return {
    key: "grades",
    heading: "Audit grades",
    intro: "Overall grades of audits submitted this month, and the last six months for the trend.",
    figures: [
      { label: "Audits graded this month", value: String(graded) },
      { label: "Good or better", value: percentText(goodOrBetter(month.grades), graded) },
    ],
    tables: [
      {
        caption: "Overall grades this month",
        columns: ["Grade", "Audits", "Share"],
        rows: month.grades.map((grade) => [grade.label, String(grade.count), percentText(grade.count, graded)]),
        emptyText: "No audits were graded this month.",
      },
    ],
    chart: chart({
      kind: "stacked_bar",
      title: "Overall audit grades by month",
      categories: trend.map((row) => monthLabel(row.month)),
      series: (trend[0]?.grades ?? month.grades).map((grade, index) => ({ name: grade.label, values: trend.map((row) => row.grades[index]?.count ?? 0) })),
      unit: "count",
    }),
    narrative,
  };
}

const coefficient = (estimate: { value: number; ci95: [number, number] } | null) =>
  estimate ? `${estimate.value.toFixed(2)} (95% interval ${estimate.ci95[0].toFixed(2)} to ${estimate.ci95[1].toFixed(2)})` : "not enough pairs";

export function moderationSection(statistics: AgreementStatistics, shift: GradeShift, moderations: number, narrative: string): ReportSection {
  const tooFew = statistics.verdict === "too_few_to_say";
  return {
    key: "moderation",
    heading: "Moderation agreement",
    intro: `How often moderators agreed with auditors' grades, from moderations completed this month.${tooFew ? " There are too few moderated grades this month to draw conclusions; the figures are shown but should not be relied on." : ""}`,
    figures: [
      { label: "Moderations completed", value: String(moderations) },
      { label: "Grades compared", value: String(statistics.n) },
      { label: "Exact agreement", value: statistics.exactAgreement ? `${statistics.exactAgreement.percent.toFixed(0)}%` : "no data" },
      { label: "Within one grade", value: statistics.withinOneAgreement ? `${statistics.withinOneAgreement.percent.toFixed(0)}%` : "no data" },
      { label: "Weighted kappa (linear)", value: coefficient(statistics.linearWeightedKappa) },
    ],
    tables: [
      {
        caption: "Where moderators changed the grade",
        columns: ["Moderator's grade", "Grades"],
        rows: statistics.n === 0 ? [] : [["Higher than the auditor's", String(shift.up)], ["The same", String(shift.same)], ["Lower than the auditor's", String(shift.down)]],
        emptyText: "No moderations were completed this month.",
      },
    ],
    chart: chart({
      kind: "bar",
      title: "Moderators' grades against auditors'",
      categories: ["Graded up", "Same", "Graded down"],
      series: [{ name: "Grades", values: [shift.up, shift.same, shift.down] }],
      unit: "count",
    }),
    narrative,
  };
}

export interface ThemeInput {
  sections: DashboardFigures["sections"];
  needsToBeBetter: { finding: string; theme: string }[];
  workingWell: { finding: string; theme: string }[];
}

const findingsShown = 10;

export function themesSection(input: ThemeInput, narrative: string): ReportSection {
  const bySection = input.sections.map((section) => ({ title: section.title, graded: total(section.grades), good: goodOrBetter(section.grades) }));
  const findingRows = (findings: { finding: string; theme: string }[]) => findings.slice(0, findingsShown).map((row) => [row.finding, row.theme]);
  return {
    key: "themes",
    heading: "Themes from audit findings",
    intro: "Which areas of practice audits graded good or better this month, and what auditors found working well and needing to be better.",
    figures: [
      { label: "Findings: working well", value: String(input.workingWell.length) },
      { label: "Findings: needs to be better", value: String(input.needsToBeBetter.length) },
    ],
    tables: [
      {
        caption: "Areas of practice graded good or better",
        columns: ["Area of practice", "Graded", "Good or better"],
        rows: bySection.filter((section) => section.graded > 0).map((section) => [section.title, String(section.graded), percentText(section.good, section.graded)]),
        emptyText: "No audit sections were graded this month.",
      },
      {
        caption: `What needs to be better${input.needsToBeBetter.length > findingsShown ? ` (first ${findingsShown} of ${input.needsToBeBetter.length})` : ""}`,
        columns: ["Finding", "Audit theme"],
        rows: findingRows(input.needsToBeBetter),
        emptyText: "No audit this month recorded something that needs to be better.",
      },
      {
        caption: `What is working well${input.workingWell.length > findingsShown ? ` (first ${findingsShown} of ${input.workingWell.length})` : ""}`,
        columns: ["Finding", "Audit theme"],
        rows: findingRows(input.workingWell),
        emptyText: "No audit this month recorded what is working well.",
      },
    ],
    chart: chart({
      kind: "bar",
      title: "Share of grades good or better, by area of practice",
      categories: bySection.filter((section) => section.graded > 0).map((section) => section.title),
      series: [{ name: "Good or better", values: bySection.filter((section) => section.graded > 0).map((section) => Math.round((100 * section.good) / section.graded)) }],
      unit: "percent",
    }),
    narrative,
  };
}

export interface OverdueActionRow {
  title: string;
  ownerName: string;
  teamName: string;
  dueDate: string;
  daysOverdue: number;
  raisedBy: string;
}

export function actionsSection(input: { open: number; overdue: OverdueActionRow[]; doneThisMonth: number; raisedThisMonth: number }, narrative: string): ReportSection {
  return {
    key: "actions",
    heading: "Actions overdue",
    intro: "Actions from audits, meetings and the improvement plan that are past their due date and not done, as at the end of the month (or today, for the current month).",
    figures: [
      { label: "Actions open", value: String(input.open) },
      { label: "Overdue", value: String(input.overdue.length) },
      { label: "Raised this month", value: String(input.raisedThisMonth) },
      { label: "Done this month", value: String(input.doneThisMonth) },
    ],
    tables: [
      {
        caption: "Overdue actions, longest overdue first",
        columns: ["Action", "Owner", "Team", "Due", "Days overdue", "Raised by"],
        rows: input.overdue.map((row) => [row.title, row.ownerName, row.teamName, row.dueDate, String(row.daysOverdue), row.raisedBy]),
        emptyText: "No actions are overdue.",
      },
    ],
    narrative,
  };
}

export function improvementPlanSection(year: string | undefined, progress: PlanProgress, narrative: string): ReportSection {
  return {
    key: "improvement_plan",
    heading: "Improvement plan progress",
    intro: year
      ? `Progress on the ${year} improvement plan's priorities. RAG: red when an action is overdue, amber when one is due within 10 working days and not done, green when all are on track, complete when all are done.`
      : "There is no open self-evaluation year, so there is no improvement plan to report on.",
    figures: [
      { label: "Priorities", value: String(progress.priorities.length) },
      { label: "Actions done", value: `${progress.done} of ${progress.actions}` },
      { label: "Red", value: String(progress.priorities.filter((priority) => priority.rag === "red").length) },
    ],
    tables: [
      {
        caption: "Priorities",
        columns: ["Priority", "Owner", "Actions done", "RAG", "Why"],
        rows: progress.priorities.map((priority) => [priority.title, priority.ownerName, `${priority.done} of ${priority.actions}`, ragLabels[priority.rag], priority.reason]),
        emptyText: "The improvement plan has no priorities yet.",
      },
    ],
    chart:
      progress.actions === 0
        ? undefined
        : chart({
            kind: "stacked_bar",
            title: "Improvement plan actions by priority",
            categories: progress.priorities.map((priority) => priority.title),
            series: [
              { name: "Done", values: progress.priorities.map((priority) => priority.done) },
              { name: "Not done", values: progress.priorities.map((priority) => priority.actions - priority.done) },
            ],
            unit: "count",
          }),
    narrative,
  };
}

export const ragLabels = { red: "Red", amber: "Amber", green: "Green", complete: "Complete", not_started: "No actions yet" } as const;

export function summarySection(figures: ReportFigure[], narrative: string): ReportSection {
  return {
    key: "summary",
    heading: "Summary",
    intro: "The month at a glance. The QA lead's summary says what the evidence shows and what leaders should do about it.",
    figures,
    tables: [],
    narrative,
  };
}

/** One KPI's line in the headline table, already formatted (units, "not published" for suppressed DfE values). */
export interface KpiHeadlineRow {
  name: string;
  value: string;
  rag: string;
  target: string;
  authority: string;
  region: string;
  england: string;
  neighbours: string;
  comparatorPeriod: string;
}

export function kpiSection(rows: KpiHeadlineRow[], scopeNote: string | undefined, narrative: string): ReportSection {
  const count = (rag: string) => rows.filter((row) => row.rag === rag).length;
  return {
    key: "kpis",
    heading: "Headline KPIs with comparators",
    intro: `This month's figure for each KPI with its RAG against target, beside the latest published Department for Education figures for the authority, the region, England and the statistical neighbours' average. "Not published" means the DfE suppressed or did not publish the figure; it is never shown as zero.${scopeNote ? ` ${scopeNote}` : ""}`,
    figures: [
      { label: "KPIs reported", value: String(rows.filter((row) => row.value !== "no figure").length) },
      { label: "Red", value: String(count("Red")) },
      { label: "Amber", value: String(count("Amber")) },
      { label: "Green", value: String(count("Green")) },
    ],
    tables: [
      {
        caption: "KPIs this month",
        columns: ["KPI", "This month", "RAG", "Target", "DfE: this authority", "DfE: region", "DfE: England", "DfE: statistical neighbours", "DfE period"],
        rows: rows.map((row) => [row.name, row.value, row.rag, row.target, row.authority, row.region, row.england, row.neighbours, row.comparatorPeriod]),
        emptyText: "No KPIs are defined yet.",
      },
    ],
    narrative,
  };
}

export interface FeedbackInput {
  compliments: number;
  complaints: number;
  byTheme: { theme: string; compliments: number; complaints: number }[];
  complaintsOpen: number;
  complaintsOverdue: number;
  youSaidWeDid: { theme: string; youSaid: string; weDid: string[]; publishedOn: string }[];
}

export function feedbackSection(input: FeedbackInput, narrative: string): ReportSection {
  const themes = [...input.byTheme].sort((a, b) => b.complaints + b.compliments - (a.complaints + a.compliments) || a.theme.localeCompare(b.theme));
  return {
    key: "feedback",
    heading: "Feedback and \"you said, we did\"",
    intro: "Compliments and complaints received this month by theme, complaints open and past their timescale at the end of the month, and the \"you said, we did\" updates published this month.",
    figures: [
      { label: "Compliments received", value: String(input.compliments) },
      { label: "Complaints received", value: String(input.complaints) },
      { label: "Complaints open", value: String(input.complaintsOpen) },
      { label: "Open past their timescale", value: String(input.complaintsOverdue) },
      { label: "\"You said, we did\" published", value: String(input.youSaidWeDid.length) },
    ],
    tables: [
      {
        caption: "Feedback received by theme",
        columns: ["Theme", "Compliments", "Complaints"],
        rows: themes.map((row) => [row.theme, String(row.compliments), String(row.complaints)]),
        emptyText: "No compliments or complaints were received this month.",
      },
      {
        caption: "\"You said, we did\" published this month",
        columns: ["Theme", "You said", "We did", "Published"],
        rows: input.youSaidWeDid.map((update) => [update.theme, update.youSaid, update.weDid.join(" "), update.publishedOn]),
        emptyText: "No \"you said, we did\" was published this month.",
      },
    ],
    chart:
      themes.length === 0
        ? undefined
        : chart({
            kind: "stacked_bar",
            title: "Feedback received by theme",
            categories: themes.slice(0, 8).map((row) => row.theme),
            series: [
              { name: "Compliments", values: themes.slice(0, 8).map((row) => row.compliments) },
              { name: "Complaints", values: themes.slice(0, 8).map((row) => row.complaints) },
            ],
            unit: "count",
          }),
    narrative,
  };
}

export interface WorkforceInput {
  minimumGroupSize: number;
  /** Where the figures are for: the authority, or the service in a service's pack. */
  placeName: string;
  surveys: { title: string; round: string; closesOn: string; respondents: number | null; questions: { text: string; favourablePercent: number }[] }[];
}

export function workforceSection(input: WorkforceInput, narrative: string): ReportSection {
  const latest = input.surveys.find((survey) => survey.respondents !== null && survey.questions.length > 0);
  const respondentsText = (respondents: number | null) => (respondents === null ? `fewer than ${input.minimumGroupSize}: not shown` : String(respondents));
  return {
    key: "workforce",
    heading: "Workforce voice",
    intro: `Pulse surveys and health checks that closed this month: how many answered and the share answering favourably (agree or strongly agree) to each question, for ${input.placeName}. Results for groups smaller than ${input.minimumGroupSize} are not shown, so no one's answer can be singled out.`,
    figures: [
      { label: "Surveys closed", value: String(input.surveys.length) },
      { label: "Answered (most recent)", value: latest ? String(latest.respondents) : "no data" },
    ],
    tables: [
      {
        caption: "Results of surveys that closed this month",
        columns: ["Survey", "Round", "Closed", "Answered", "Question", "Favourable"],
        rows: input.surveys.flatMap((survey) =>
          survey.respondents === null || survey.questions.length === 0
            ? [[survey.title, survey.round, survey.closesOn, respondentsText(survey.respondents), "", ""]]
            : survey.questions.map((question) => [survey.title, survey.round, survey.closesOn, respondentsText(survey.respondents), question.text, `${question.favourablePercent}%`]),
        ),
        emptyText: "No pulse survey or health check closed this month.",
      },
    ],
    chart: latest
      ? chart({
          kind: "bar",
          title: `${latest.title} (${latest.round}): share answering favourably`,
          categories: latest.questions.map((question) => question.text),
          series: [{ name: "Favourable", values: latest.questions.map((question) => question.favourablePercent) }],
          unit: "percent",
        })
      : undefined,
    narrative,
  };
}
