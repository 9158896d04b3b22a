// Who may be given an audit, said with where each of them works, and the
// words the audit page uses for assigning and sharing. Pure: no React.
import type { Audit, AuditStatus, Me, PersonSummary, Service, Team } from "../../api/types";

/** The roles the API accepts for an auditor (POST /api/audits/:id/assign). */
const auditorRoles = ["auditor", "external_auditor", "qa_lead"];

/** An audit can be given to an auditor (again) in these states. */
export const assignableStatuses: readonly AuditStatus[] = ["planned", "declined", "assigned", "reflection_requested"];

/** Planned or declined: "Assign an auditor". Assigned or waiting for reflection: "Reassign". */
export function isFirstAssignment(audit: Pick<Audit, "status">): boolean {
  return audit.status === "planned" || audit.status === "declined";
}

/** The API's audit has the external auditors it is shared with; the tab's type leaves them out. */
export type PlannedAudit = Audit & { sharedWithIds?: string[] };

export function sharedWith(audit: PlannedAudit): string[] {
  return audit.sharedWithIds ?? [];
}

export interface Lookup {
  people: Map<string, PersonSummary>;
  teams: Map<string, Team>;
  services: Map<string, Service>;
}

export function personName(id: string | undefined, lookup: Pick<Lookup, "people">, me: Pick<Me, "id">): string {
  if (!id) return "Nobody";
  const name = lookup.people.get(id)?.displayName ?? "Someone you cannot see";
  return id === me.id ? `${name} (you)` : name;
}

/** "Assessment team", "Front door and assessment service", "External auditor" or "Not in a team". */
export function whereTheyWork(person: PersonSummary, lookup: Pick<Lookup, "teams" | "services">): string {
  if (person.teamId) return lookup.teams.get(person.teamId)?.name ?? "A team you cannot see";
  if (person.serviceId) {
    const service = lookup.services.get(person.serviceId)?.name;
    return service ? `${service} service` : "A service you cannot see";
  }
  if (person.roles.includes("external_auditor")) return "External auditor";
  return "Not in a team";
}

export interface AuditorChoice {
  id: string;
  name: string;
  /** What the option says: name, where they work, and any note. */
  label: string;
  sameTeam: boolean;
}

/**
 * Everyone the API would accept as this audit's auditor (not the case's own
 * practitioner), by name, with the case's own team listed last: an auditor
 * from another team is the usual choice.
 */
export function auditorChoices(audit: Audit, lookup: Lookup, me: Pick<Me, "id">): AuditorChoice[] {
  return [...lookup.people.values()]
    .filter((person) => person.roles.some((role) => auditorRoles.includes(role)) && person.id !== audit.practitionerId)
    .map((person) => {
      const sameTeam = audit.teamId !== undefined && person.teamId === audit.teamId;
      const notes: string[] = [];
      if (sameTeam) notes.push("same team as the case");
      if (person.id === audit.auditorId) notes.push(audit.status === "declined" ? "declined it" : "the auditor now");
      const name = person.id === me.id ? `${person.displayName} (you)` : person.displayName;
      const label = `${name}, ${whereTheyWork(person, lookup)}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`;
      return { id: person.id, name: person.displayName, label, sameTeam };
    })
    .sort((a, b) => Number(a.sameTeam) - Number(b.sameTeam) || a.name.localeCompare(b.name));
}

/** External auditors, by name: the only people an audit can be shared with. */
export function externalAuditors(lookup: Pick<Lookup, "people">): PersonSummary[] {
  return [...lookup.people.values()].filter((person) => person.roles.includes("external_auditor")).sort((a, b) => a.displayName.localeCompare(b.displayName));
}
