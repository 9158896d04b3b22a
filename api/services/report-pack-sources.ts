// The report pack's sections fed by other parts of Golden Thread: KPI
// headlines with DfE comparators (the performance service), feedback and
// "you said, we did" (the feedback register), and workforce voice (pulse
// survey results, small groups hidden). Each reads through its own service,
// so a figure here means the same as on that part's own page.
import { formatKpiValue, ragLabels } from "../domain/performance/rag.js";
import type { FeedbackInput, KpiHeadlineRow, WorkforceInput } from "../domain/report-pack.js";
import type { ReportScope } from "../domain/report-scope.js";
import { allRecords } from "../store/all-records.js";
import type { Saved, Store } from "../store/port.js";
import { standingOf } from "./feedback-register.js";
import type { ComparatorValue, PerformanceService } from "./performance.js";
import { surveySettings, type WorkforceVoice } from "./workforce-voice.js";

export async function kpiHeadlineRows(performance: PerformanceService, month: string, scope: ReportScope): Promise<{ rows: KpiHeadlineRow[]; scopeNote?: string }> {
  const shown = (unit: Parameters<typeof formatKpiValue>[0], value: ComparatorValue | undefined) =>
    value === undefined ? "" : value.published ? formatKpiValue(unit, value.value) : "not published";
  const rows: KpiHeadlineRow[] = [];
  for (const headline of await performance.headlines(month)) {
    const { kpi, latestComparators: dfe } = headline;
    let value = headline.value;
    let rag = headline.rag;
    if (scope.kind === "service") {
      const [own] = await performance.values(await performance.kpi(kpi.id), { from: month, to: month, serviceId: scope.serviceId, level: "service" });
      value = own?.value ?? null;
      rag = own?.rag ?? null;
    }
    rows.push({
      name: kpi.name,
      value: value === null ? "no figure" : formatKpiValue(kpi.unit, value),
      rag: rag === null ? "" : ragLabels[rag],
      target: formatKpiValue(kpi.unit, kpi.target),
      authority: shown(kpi.unit, dfe?.authority),
      region: shown(kpi.unit, dfe?.region),
      england: shown(kpi.unit, dfe?.england),
      neighbours: shown(kpi.unit, dfe?.neighbourAverage),
      comparatorPeriod: dfe?.timePeriod ?? "",
    });
  }
  return { rows, scopeNote: scope.kind === "service" ? "This month's figures are the service's own; the DfE comparators are for the whole authority." : undefined };
}

export async function feedbackInput(store: Store, period: { from: string; to: string; asAt: string }, scope: ReportScope, serviceTeamIds: string[] | undefined): Promise<FeedbackInput> {
  const inScope = (feedback: Saved<"feedback">) =>
    (scope.kind !== "service" || serviceTeamIds!.includes(feedback.teamId)) && (scope.kind !== "theme" || feedback.theme.trim().toLowerCase() === scope.theme.trim().toLowerCase());
  const all = (await allRecords(store, "feedback", { where: { receivedOn: { lte: period.to } } })).filter(inScope);
  const received = all.filter((feedback) => feedback.receivedOn >= period.from);
  const themes = new Map<string, { theme: string; compliments: number; complaints: number }>();
  for (const feedback of received) {
    const row = themes.get(feedback.theme.toLowerCase()) ?? { theme: feedback.theme, compliments: 0, complaints: 0 };
    if (feedback.type === "compliment") row.compliments += 1;
    else row.complaints += 1;
    themes.set(feedback.theme.toLowerCase(), row);
  }
  const openComplaints = all.filter((feedback) => feedback.type === "complaint" && standingOf(feedback, period.asAt).open);
  const published = (await allRecords(store, "youSaidWeDid", { where: { status: "published" } })).filter(
    (update) => update.publishedAt !== undefined && update.publishedAt.slice(0, 10) >= period.from && update.publishedAt.slice(0, 10) <= period.to,
  );
  return {
    compliments: received.filter((feedback) => feedback.type === "compliment").length,
    complaints: received.filter((feedback) => feedback.type === "complaint").length,
    byTheme: [...themes.values()],
    complaintsOpen: openComplaints.length,
    complaintsOverdue: openComplaints.filter((feedback) => standingOf(feedback, period.asAt).timeliness === "overdue").length,
    youSaidWeDid: published
      .filter((update) => scope.kind !== "theme" || update.theme.trim().toLowerCase() === scope.theme.trim().toLowerCase())
      .map((update) => ({ theme: update.theme, youSaid: update.youSaid, weDid: update.weDid.map((entry) => entry.text), publishedOn: update.publishedAt!.slice(0, 10) })),
  };
}

export async function workforceInput(store: Store, voice: WorkforceVoice, period: { from: string; to: string }, scope: ReportScope, placeName: string): Promise<WorkforceInput> {
  const settings = await surveySettings(store);
  const surveys: WorkforceInput["surveys"] = [];
  const closed = (await allRecords(store, "survey", { where: { status: "sent" } }))
    .filter((survey) => survey.kind !== "reflective" && survey.closesOn >= period.from && survey.closesOn <= period.to)
    .sort((a, b) => b.closesOn.localeCompare(a.closesOn));
  for (const survey of closed) {
    const results = await voice.results(survey);
    if (!results) continue;
    const group = scope.kind === "service" ? results.groups.find((candidate) => candidate.level === "service" && candidate.id === scope.serviceId) : results.groups.find((candidate) => candidate.level === "everyone");
    surveys.push({
      title: survey.title,
      round: survey.round,
      closesOn: survey.closesOn,
      respondents: group?.shown ? group.respondents : null,
      questions: group?.shown ? group.questions.map((question) => ({ text: question.text, favourablePercent: question.favourablePercent })) : [],
    });
  }
  return { minimumGroupSize: settings.minimumGroupSize, placeName, surveys };
}
