// Focused audits from data (audit type iv): after each import, and when the
// QA lead asks, every KPI's focused-audit rule is checked against the teams'
// figures; a rule that fires proposes a focused audit programme for the teams
// concerned. The QA lead accepts it (a programme is planned, ready to sample)
// or dismisses it with a reason. The same figures never propose twice.
import { DomainError } from "../domain/errors.js";
import { evaluateFocusedAuditRule, type RuleBenchmark } from "../domain/performance/focused-audit-rule.js";
import { monthName } from "../domain/performance/months.js";
import { addWorkingDays } from "../domain/working-days.js";
import { allRecords } from "../store/all-records.js";
import type { Actor, Saved, Store } from "../store/port.js";
import type { ComparatorPeriod, KpiComparators, PerformanceService } from "./performance.js";

export interface RuleCheck {
  readonly kpiId: string;
  readonly code: string;
  readonly fired: boolean;
  /** Why nothing was proposed, or the rule that fired. */
  readonly outcome: string;
  readonly proposalId?: string;
}

export type ProposalView = Saved<"focusedAuditProposal"> & {
  readonly kpiCode: string;
  readonly kpiName: string;
  readonly teams: readonly { readonly id: string; readonly name: string }[];
};

export interface AcceptProposal {
  readonly toolId?: string;
  readonly periodStart?: string;
  readonly periodEnd?: string;
  readonly caseCount?: number;
}

export class FocusedAudits {
  constructor(
    private readonly store: Store,
    private readonly performance: PerformanceService,
    private readonly now: () => Date,
  ) {}

  /** Checks every KPI's rule and saves a proposal for each that fires and has not been proposed before. */
  async checkRules(actor: Actor): Promise<RuleCheck[]> {
    const checks: RuleCheck[] = [];
    for (const kpi of await allRecords(this.store, "kpiDefinition", { orderBy: { field: "code" } })) {
      if (kpi.focusedAuditRule === undefined) continue;
      const values = (await this.performance.values(kpi, { level: "team" })).map((value) => ({ teamId: value.teamId ?? "", month: value.month, value: value.value }));
      const comparators = kpi.focusedAuditRule.comparator === "target" ? undefined : await this.performance.comparatorsOf(kpi);
      const benchmark = benchmarkFor(kpi.focusedAuditRule.comparator, comparators);
      const outcome = evaluateFocusedAuditRule(kpi, values, benchmark, comparators?.available ? comparators.regionName : undefined);
      if (!outcome.fired) {
        checks.push({ kpiId: kpi.id, code: kpi.code, fired: false, outcome: outcome.reason });
        continue;
      }
      const [existing] = (await this.store.query("focusedAuditProposal", { where: { proposalKey: outcome.proposalKey }, limit: 1 })).records;
      const proposal =
        existing ??
        (await this.store.create(
          "focusedAuditProposal",
          {
            kpiId: kpi.id,
            proposalKey: outcome.proposalKey,
            rule: outcome.rule,
            comparator: outcome.comparator,
            benchmark: outcome.benchmark,
            benchmarkLabel: outcome.benchmarkLabel,
            months: [...outcome.months],
            teamIds: [...outcome.teamIds],
            evidence: [...outcome.evidence],
          },
          actor,
        ));
      checks.push({ kpiId: kpi.id, code: kpi.code, fired: true, outcome: outcome.rule, proposalId: proposal.id });
    }
    return checks;
  }

  async list(status?: Saved<"focusedAuditProposal">["status"]): Promise<ProposalView[]> {
    const proposals = await allRecords(this.store, "focusedAuditProposal", status ? { where: { status } } : {});
    const views = await this.views(proposals);
    return views.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async get(proposalId: string): Promise<ProposalView> {
    const [view] = await this.views([await this.proposal(proposalId)]);
    return view!;
  }

  /** Plans a focused audit programme for the teams concerned, and marks the proposal accepted. */
  async accept(proposalId: string, choice: AcceptProposal, ifMatch: string, actor: Actor): Promise<{ proposal: ProposalView; programme: Saved<"auditProgramme"> }> {
    const proposal = await this.proposal(proposalId, ifMatch);
    if (proposal.status !== "proposed") throw new DomainError("conflict", `This proposal was already ${proposal.status}.`);
    const kpi = await this.performance.kpi(proposal.kpiId);
    const tool = choice.toolId ? await this.store.get("auditTool", choice.toolId) : (await allRecords(this.store, "auditTool")).find((candidate) => candidate.supersededById === undefined);
    if (!tool) throw new DomainError("invalid_record", choice.toolId ? `There is no audit tool with id ${choice.toolId}.` : "There is no audit tool to use: add one to the library first.", { field: "toolId" });
    const today = this.now().toISOString().slice(0, 10);
    const periodStart = choice.periodStart ?? today;
    const periodEnd = choice.periodEnd ?? addWorkingDays(periodStart, 30);
    const months = proposal.months.length === 1 ? monthName(proposal.months[0]!) : `${monthName(proposal.months[0]!)} to ${monthName(proposal.months[proposal.months.length - 1]!)}`;
    const accepted = await this.store.transaction(async (tx) => {
      const programme = await tx.create(
        "auditProgramme",
        {
          name: `Focused audit: ${kpi.name} (${months})`,
          auditType: "focused",
          toolId: tool.id,
          theme: kpi.name,
          periodStart,
          periodEnd,
          ownerId: actor.id,
          teamIds: [...proposal.teamIds],
          caseCount: choice.caseCount ?? Math.min(3 * proposal.teamIds.length, 1000),
        },
        actor,
      );
      const saved = await tx.update("focusedAuditProposal", proposal.id, { status: "accepted", programmeId: programme.id, decidedById: actor.id, decidedAt: this.now().toISOString() }, proposal.etag, actor);
      return { saved, programme };
    });
    const [view] = await this.views([accepted.saved]);
    return { proposal: view!, programme: accepted.programme };
  }

  async dismiss(proposalId: string, reason: string, ifMatch: string, actor: Actor): Promise<ProposalView> {
    const proposal = await this.proposal(proposalId, ifMatch);
    if (proposal.status !== "proposed") throw new DomainError("conflict", `This proposal was already ${proposal.status}.`);
    if (reason.trim() === "") throw new DomainError("invalid_record", "Say why you are dismissing this proposal.", { field: "reason" });
    const saved = await this.store.update("focusedAuditProposal", proposal.id, { status: "dismissed", dismissedReason: reason.trim(), decidedById: actor.id, decidedAt: this.now().toISOString() }, proposal.etag, actor);
    const [view] = await this.views([saved]);
    return view!;
  }

  private async proposal(proposalId: string, ifMatch?: string): Promise<Saved<"focusedAuditProposal">> {
    const proposal = await this.store.get("focusedAuditProposal", proposalId);
    if (!proposal) throw new DomainError("not_found", `There is no focused audit proposal with id ${proposalId}.`);
    if (ifMatch !== undefined && ifMatch !== proposal.etag) throw new DomainError("conflict", "Someone else decided on this proposal after you opened it. Reload it, then try again.");
    return proposal;
  }

  private async views(proposals: Saved<"focusedAuditProposal">[]): Promise<ProposalView[]> {
    const kpis = new Map((await allRecords(this.store, "kpiDefinition")).map((kpi) => [kpi.id, kpi]));
    const teams = new Map((await allRecords(this.store, "team")).map((team) => [team.id, team.name]));
    return proposals.map((proposal) => ({
      ...proposal,
      kpiCode: kpis.get(proposal.kpiId)?.code ?? "",
      kpiName: kpis.get(proposal.kpiId)?.name ?? "A KPI that no longer exists",
      teams: proposal.teamIds.map((teamId) => ({ id: teamId, name: teams.get(teamId) ?? "A team that no longer exists" })),
    }));
  }
}

/** The latest published period's comparator value; "not published" stays null, never zero. */
function benchmarkFor(comparator: "target" | "neighbours" | "region" | "england", comparators: KpiComparators | undefined): RuleBenchmark {
  if (comparator === "target") return { value: null, label: "the target" };
  if (comparators === undefined || !comparators.available) return { value: null, label: "the DfE comparator" };
  const latest: ComparatorPeriod | undefined = comparators.periods[comparators.periods.length - 1];
  if (latest === undefined) return { value: null, label: "the DfE comparator" };
  const pick = comparator === "neighbours" ? latest.neighbourAverage : comparator === "region" ? latest.region : latest.england;
  const label =
    comparator === "neighbours"
      ? `the statistical neighbours' average (${latest.timePeriod})`
      : comparator === "region"
        ? `the ${latest.region.name} region (${latest.timePeriod})`
        : `England (${latest.timePeriod})`;
  return { value: pick.published ? pick.value : null, label };
}
