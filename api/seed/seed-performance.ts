// Demo performance data: KPI definitions with their data confidence (mapped to
// the DfE files where DfE publishes the same measure) and eleven months of
// fictional figures up to the month before last, so the QA lead's first task
// in the demo is to import last month's values from the template.
import { addMonths, monthOf } from "../domain/performance/months.js";
import type { RecordInput } from "../domain/records/index.js";
import type { Actor, RecordOperations } from "../store/port.js";

const C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";
const D5 = "d5_cpps_at31march_by_duration_2013_to_2025.csv";
const CSWW = "csww_indicators_2017_to_2025.csv";

const mosaic = (report: string) => ({ sourceSystem: "Mosaic (case management system)", sourceReport: report });

export const demoKpis: { id: string; record: RecordInput<"kpiDefinition">; teams: Record<string, number>; authority: number; drift: number }[] = [
  {
    id: "kpi-rereferrals",
    record: {
      code: "REREF-12",
      name: "Re-referrals within 12 months",
      measures: "Referrals in the month for children referred before within the previous 12 months, as a share of all referrals.",
      purpose: "A high rate suggests needs were not met the first time, or cases were closed too soon.",
      polarity: "lower_is_better",
      unit: "percent",
      target: 20,
      tolerance: 3,
      dataConfidence: {
        ...mosaic("CIN-07 Referrals and re-referrals (monthly)"),
        extraction: "Run by the performance team on the third working day of each month for the month before.",
        knownIssues: "Referrals from the out-of-hours team are sometimes recorded a day late, so a few re-referrals move into the next month.",
        timeliness: "A month in arrears.",
        rating: "high",
        ratingReason: "Matches the annual CIN census return within 0.5 percentage points for the last two years.",
        ratedById: "person-qa-lead",
      },
      dfeMeasure: { file: C1, measure: "rereferral_percent", label: "Re-referrals within 12 months of a previous referral (%)" },
      focusedAuditRule: { comparator: "neighbours", consecutiveMonths: 2 },
    },
    teams: { "team-assessment": 24, "team-child-protection": 17, "team-children-in-care": 12 },
    authority: 21,
    drift: 0.35,
  },
  {
    id: "kpi-assessments-45",
    record: {
      code: "ASSESS-45",
      name: "Assessments completed within 45 working days",
      measures: "Child and family assessments completed in the month within 45 working days of the referral, as a share of all completed.",
      purpose: "Working Together sets 45 working days as the maximum: children should not wait for help.",
      polarity: "higher_is_better",
      unit: "percent",
      target: 85,
      tolerance: 5,
      dataConfidence: {
        ...mosaic("ASS-02 Assessment timeliness"),
        extraction: "Weekly snapshot every Monday; the month's figure is taken from the first snapshot after month end.",
        knownIssues: "Assessments authorised late by managers count as late even when the work was done on time.",
        timeliness: "A week after month end.",
        rating: "medium",
        ratingReason: "Manager authorisation delays understate timeliness by 2 to 4 points (audit sample, summer 2026).",
        ratedById: "person-qa-lead",
      },
      focusedAuditRule: { comparator: "target", consecutiveMonths: 3 },
    },
    teams: { "team-assessment": 82, "team-child-protection": 90, "team-children-in-care": 93 },
    authority: 86,
    drift: -0.2,
  },
  {
    id: "kpi-cp-two-years",
    record: {
      code: "CPP-2YRS",
      name: "Child protection plans lasting 2 years or more",
      measures: "Children on a child protection plan at month end whose plan started 2 years or more before, as a share of all plans.",
      purpose: "Long plans can mean drift: the risk is not reducing and the plan is not working.",
      polarity: "lower_is_better",
      unit: "percent",
      target: 2,
      tolerance: 1,
      dataConfidence: {
        ...mosaic("CP-11 Open plans by duration"),
        extraction: "Snapshot at the last working day of the month.",
        knownIssues: "Plans transferred in from other authorities restart their start date here.",
        timeliness: "Available on the first working day of the next month.",
        rating: "high",
        ratingReason: "Checked against the child protection chairs' own list every quarter.",
        ratedById: "person-qa-lead",
      },
      dfeMeasure: { file: D5, measure: "2_years_or_more_percent", label: "Child protection plans open at 31 March lasting 2 years or more (%)" },
    },
    teams: { "team-child-protection": 3 },
    authority: 2.8,
    drift: 0.02,
  },
  {
    id: "kpi-repeat-cp",
    record: {
      code: "CPP-REPEAT",
      name: "Repeat child protection plans",
      measures: "Children starting a child protection plan in the month who had been on a plan before (at any time), as a share of all plans started.",
      purpose: "Repeat plans suggest earlier plans ended before change was sustained.",
      polarity: "lower_is_better",
      unit: "percent",
      target: 18,
      tolerance: 4,
      dataConfidence: {
        ...mosaic("CP-04 Plans started"),
        extraction: "Run monthly by the performance team.",
        knownIssues: "Plans from before the 2019 Mosaic migration are missing for some children, so repeats are undercounted.",
        timeliness: "A month in arrears.",
        rating: "low",
        ratingReason: "Historic plans missing after the data migration: the true figure is likely higher.",
        ratedById: "person-qa-lead",
      },
    },
    teams: { "team-child-protection": 21 },
    authority: 20,
    drift: 0.1,
  },
  {
    id: "kpi-caseloads",
    record: {
      code: "CASELOAD",
      name: "Average caseload per social worker",
      measures: "Open cases held by qualified social workers at month end divided by case-holding full-time equivalent social workers.",
      purpose: "Manageable caseloads give workers time to know children well; high caseloads are linked to turnover.",
      polarity: "lower_is_better",
      unit: "per_worker",
      target: 17,
      tolerance: 2,
      dataConfidence: {
        sourceSystem: "Mosaic and the HR system (iTrent)",
        sourceReport: "WF-01 Caseloads by worker; iTrent FTE report",
        extraction: "Caseloads from Mosaic at month end; FTE from the HR report of the same date, joined by the performance team.",
        knownIssues: "Agency workers join the HR system late, so FTE is understated (and caseloads overstated) in a worker's first month.",
        timeliness: "Ten working days after month end.",
        rating: "medium",
        ratingReason: "Two systems joined by hand; checked against team managers' own counts each quarter.",
        ratedById: "person-qa-lead",
      },
      dfeMeasure: { file: CSWW, measure: "caseload_fte", label: "Average caseload per case-holding social worker (FTE)" },
    },
    teams: { "team-assessment": 19, "team-child-protection": 16, "team-children-in-care": 15 },
    authority: 16.5,
    drift: 0.05,
  },
  {
    id: "kpi-visits",
    record: {
      code: "VISITS",
      name: "Child protection visits on time",
      measures: "Statutory visits to children on a child protection plan due in the month that happened within 10 working days of the last.",
      purpose: "Children on plans must be seen regularly, and alone, so that risk is known and they are heard.",
      polarity: "higher_is_better",
      unit: "percent",
      target: 90,
      tolerance: 5,
      dataConfidence: {
        ...mosaic("CP-07 Visit timeliness"),
        extraction: "Run weekly; the month's figure is the run after the last day of the month.",
        knownIssues: "Visits recorded more than 5 days after they happen are counted late.",
        timeliness: "A week after month end.",
        rating: "not_rated",
        ratingReason: "",
      },
    },
    teams: { "team-child-protection": 88 },
    authority: 89,
    drift: 0.1,
  },
];

/** Eleven months of figures ending the month before last: last month is left for the demo import. */
export async function seedPerformance(tx: RecordOperations, actor: Actor, now: Date): Promise<void> {
  const lastMonth = addMonths(monthOf(now), -1);
  const months = Array.from({ length: 11 }, (_, index) => addMonths(lastMonth, index - 11));
  const serviceOf: Record<string, string> = { "team-assessment": "service-front-door", "team-child-protection": "service-cin-cp", "team-children-in-care": "service-children-in-care" };
  const seedImport = await tx.create(
    "kpiImport",
    {
      fileName: "demo figures (seeded)",
      status: "imported",
      importedById: actor.id,
      rowCount: 0,
      months,
      kpiCodes: demoKpis.map((kpi) => kpi.record.code),
      message: "Demo figures written by the seed.",
      finishedAt: now.toISOString(),
    },
    actor,
    { id: "kpi-import-seed" },
  );
  for (const { id, record, teams, authority, drift } of demoKpis) {
    const ratedAt = record.dataConfidence.ratedById ? { ratedAt: now.toISOString() } : {};
    await tx.create("kpiDefinition", { ...record, dataConfidence: { ...record.dataConfidence, ...ratedAt } }, actor, { id });
    const round = (value: number) => (record.unit === "count" ? Math.round(value) : Math.round(value * 10) / 10);
    for (const [index, month] of months.entries()) {
      // A gentle trend with a little month-to-month movement, the same on every run.
      const wobble = ((index * 7) % 5) - 2;
      const scale = record.unit === "percent" && record.target < 5 ? 0.1 : 0.5;
      await tx.create("kpiValue", { kpiId: id, month, level: "authority", value: round(authority + drift * index + wobble * scale), importId: seedImport.id }, actor);
      for (const [teamId, start] of Object.entries(teams)) {
        await tx.create("kpiValue", { kpiId: id, month, level: "team", teamId, serviceId: serviceOf[teamId], value: round(start + drift * index + wobble * scale), importId: seedImport.id }, actor);
      }
    }
  }
}
