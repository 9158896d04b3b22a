import { z } from "zod";
import { id, isoDateTime, requiredText, text } from "./common.js";
import { FocusedAuditComparator } from "./kpi-definition.js";
import { Month } from "./kpi-value.js";

// A focused audit (audit type iv) that a KPI's figures suggest: the rule that
// fired, the teams concerned and the figures behind it. The QA lead accepts
// it into the audit programmes or dismisses it with a reason.

export const proposalStatuses = ["proposed", "accepted", "dismissed"] as const;
export const ProposalStatus = z.enum(proposalStatuses);

export const ProposalEvidence = z.object({
  teamId: id,
  month: Month,
  value: z.number().finite(),
});

export const FocusedAuditProposal = z
  .object({
    kpiId: id,
    /** One proposal per KPI, teams and run of months: the same figures never propose twice. */
    proposalKey: requiredText("The proposal key", 300),
    rule: requiredText("The rule", 500),
    comparator: FocusedAuditComparator,
    benchmark: z.number().finite(),
    benchmarkLabel: requiredText("What the figures were compared with", 300),
    months: z.array(Month).min(1),
    teamIds: z.array(id).min(1),
    evidence: z.array(ProposalEvidence).min(1),
    status: ProposalStatus.default("proposed"),
    dismissedReason: text(1000).optional(),
    decidedById: id.optional(),
    decidedAt: isoDateTime.optional(),
    programmeId: id.optional(),
  })
  .refine((proposal) => proposal.status !== "dismissed" || (proposal.dismissedReason ?? "") !== "", {
    path: ["dismissedReason"],
    message: "Say why the proposal is dismissed",
  });
export type FocusedAuditProposal = z.infer<typeof FocusedAuditProposal>;
