// The audit list's filters, read from the address, and said in words for
// its heading: "Audits graded Good, submitted in October 2026".
import type { AuditStatus, AuditType } from "../../api/types";
import { auditTypePlural, listText, longDateText, monthText } from "../../components/words";

export const auditListFilterNames = [
  "status",
  "type",
  "teamId",
  "serviceId",
  "overallGrade",
  "submittedFrom",
  "submittedTo",
  "auditorId",
  "practitionerId",
  "programmeId",
  "dueBefore",
  "theme",
] as const;

const statuses: readonly AuditStatus[] = ["planned", "assigned", "reflection_requested", "in_progress", "submitted", "in_moderation", "completed", "declined", "cancelled"];
const types: readonly AuditType[] = ["regular", "thematic", "multi_agency", "focused", "external", "supervision"];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export interface AuditListFilters {
  status: AuditStatus[];
  type?: AuditType;
  teamId?: string;
  serviceId?: string;
  overallGrade?: string;
  submittedFrom?: string;
  submittedTo?: string;
  auditorId?: string;
  practitionerId?: string;
  programmeId?: string;
  dueBefore?: string;
  theme?: string;
}

/** The filters in a query string; values the API would refuse are dropped (and listed in `ignored`). */
export function filtersFrom(params: URLSearchParams): { filters: AuditListFilters; ignored: string[] } {
  const ignored: string[] = [];
  const one = (name: string, valid: (value: string) => boolean = () => true) => {
    const value = params.get(name) ?? "";
    if (value === "") return undefined;
    if (valid(value)) return value;
    ignored.push(name);
    return undefined;
  };
  const status = params.getAll("status").filter((value) => value !== "");
  const goodStatus = status.filter((value): value is AuditStatus => (statuses as readonly string[]).includes(value));
  if (goodStatus.length !== status.length) ignored.push("status");
  const date = (value: string) => isoDate.test(value);
  return {
    filters: {
      status: goodStatus,
      type: one("type", (value) => (types as readonly string[]).includes(value)) as AuditType | undefined,
      teamId: one("teamId"),
      serviceId: one("serviceId"),
      overallGrade: one("overallGrade"),
      submittedFrom: one("submittedFrom", date),
      submittedTo: one("submittedTo", date),
      auditorId: one("auditorId"),
      practitionerId: one("practitionerId"),
      programmeId: one("programmeId"),
      dueBefore: one("dueBefore", date),
      theme: one("theme"),
    },
    ignored,
  };
}

/** The API's query for these filters. */
export function apiQuery(filters: AuditListFilters): Record<string, string | readonly string[] | undefined> {
  return { ...filters, status: filters.status.length > 0 ? filters.status : undefined };
}

export interface Names {
  team(id: string): string | undefined;
  service(id: string): string | undefined;
  person(id: string): string | undefined;
  grade(key: string): string | undefined;
  programme?(id: string): string | undefined;
}

const statusPhrases: Record<AuditStatus, string> = {
  planned: "planned",
  assigned: "assigned and not started",
  reflection_requested: "waiting for a reflection",
  in_progress: "in progress",
  submitted: "submitted",
  in_moderation: "with a moderator",
  completed: "completed",
  declined: "declined",
  cancelled: "cancelled",
};

function lastDayOfMonth(isoDate: string): string {
  const [year, month] = isoDate.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** "submitted in October 2026", "submitted between 1 and 15 October 2026"… */
export function submittedPhrase(from: string | undefined, to: string | undefined): string | undefined {
  if (from && to) {
    if (from === to) return `submitted on ${longDateText(from)}`;
    if (from.slice(0, 7) === to.slice(0, 7) && from.endsWith("-01") && to === lastDayOfMonth(to)) return `submitted in ${monthText(from)}`;
    if (from.endsWith("-01-01") && to.endsWith("-12-31") && from.slice(0, 4) === to.slice(0, 4)) return `submitted in ${from.slice(0, 4)}`;
    if (from.endsWith("-01") && to === lastDayOfMonth(to)) return `submitted from ${monthText(from)} to ${monthText(to)}`;
    return `submitted between ${longDateText(from)} and ${longDateText(to)}`;
  }
  if (from) return `submitted on or after ${longDateText(from)}`;
  if (to) return `submitted on or before ${longDateText(to)}`;
  return undefined;
}

/** The heading for the list, in words. */
export function describeFilters(filters: AuditListFilters, names: Names): string {
  const subject = filters.type ? auditTypePlural[filters.type] : "Audits";
  const parts: string[] = [];
  if (filters.status.length > 0) parts.push(`that are ${listText(filters.status.map((status) => statusPhrases[status]), "or")}`);
  if (filters.theme) parts.push(`on the theme “${filters.theme}”`);
  if (filters.overallGrade) parts.push(`graded ${names.grade(filters.overallGrade) ?? filters.overallGrade}`);
  const submitted = submittedPhrase(filters.submittedFrom, filters.submittedTo);
  if (submitted) parts.push(submitted);
  if (filters.teamId) parts.push(`in the ${names.team(filters.teamId) ?? "chosen team"}`);
  if (filters.serviceId) {
    const service = names.service(filters.serviceId);
    parts.push(service ? `in the ${service} service` : "in the chosen service");
  }
  if (filters.auditorId) parts.push(`audited by ${names.person(filters.auditorId) ?? "the chosen auditor"}`);
  if (filters.practitionerId) {
    const person = names.person(filters.practitionerId);
    parts.push(person ? `of ${person}'s cases` : "of the chosen practitioner's cases");
  }
  if (filters.programmeId) {
    const programme = names.programme?.(filters.programmeId);
    parts.push(programme ? `in the programme “${programme}”` : "in the chosen audit programme");
  }
  if (filters.dueBefore) parts.push(`due by ${longDateText(filters.dueBefore)}`);
  if (parts.length === 0) return "All audits you can see";
  return `${subject} ${parts.join(", ")}`;
}
