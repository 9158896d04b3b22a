// What the practice library looks like to the tab: standards, where they
// come from, and audit tools with their versions.
import type { AuditType } from "../../api/types";
import type { VersionedTool } from "../programmes/programme-words";

export type { VersionedTool };

export interface PracticeStandard {
  id: string;
  etag: string;
  code: string;
  title: string;
  description: string;
  source: string;
}

/** Where an authority's practice standards usually come from (the issue names these). */
export const standardSources = [
  "Our local practice model",
  "Professional Capabilities Framework (PCF)",
  "Knowledge and Skills Statements (KSS)",
  "What children and families say matters to them",
] as const;

export const auditTypeOrder: readonly AuditType[] = ["regular", "thematic", "multi_agency", "focused", "external", "supervision"];

/** Newest version of each tool first within its name, names in order. */
export function byNameThenVersion(a: VersionedTool, b: VersionedTool): number {
  return a.name.localeCompare(b.name) || b.version - a.version;
}

/** "PS-4: Management oversight is regular…". */
export function standardText(standard: Pick<PracticeStandard, "code" | "title">): string {
  return `${standard.code}: ${standard.title}`;
}
