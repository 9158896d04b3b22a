// What an audit programme looks like to the tab, and its facts in words.
import type { Audit, AuditTool, AuditType } from "../../api/types";
import { longDateText } from "../../components/words";

export type SamplingMethod = "random" | "stratified";

export interface Programme {
  id: string;
  etag: string;
  name: string;
  auditType: AuditType;
  toolId: string;
  theme?: string;
  periodStart: string;
  periodEnd: string;
  ownerId: string;
  teamIds: string[];
  caseCount: number;
  samplingMethod: SamplingMethod;
  samplingSeed?: string;
  allowOwnTeamAuditors: boolean;
}

export interface ProgrammeWithAudits extends Programme {
  audits: Audit[];
}

/** An audit tool with its version history (GET /api/audit-tools). */
export interface VersionedTool extends AuditTool {
  version: number;
  previousVersionId?: string;
  supersededById?: string;
}

export const samplingWords: Record<SamplingMethod, { name: string; explanation: string }> = {
  random: {
    name: "Random",
    explanation: "Cases are drawn from all the chosen teams together, so every case has the same chance.",
  },
  stratified: {
    name: "Stratified",
    explanation: "Every team gets at least one case and the rest follow each team's caseload, so no team is missed.",
  },
};

/** "1 October 2026 to 31 December 2026". */
export function periodText(programme: Pick<Programme, "periodStart" | "periodEnd">): string {
  return `${longDateText(programme.periodStart)} to ${longDateText(programme.periodEnd)}`;
}

/** "Regular case audit (version 2)". */
export function toolText(tool: VersionedTool | undefined, fallback = "An audit tool you cannot see"): string {
  return tool ? `${tool.name} (version ${tool.version})` : fallback;
}
