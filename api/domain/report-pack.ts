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
