// What people can type to the bot. Anything else gets a short, helpful
// reply rather than an error.
import { caseReferencePattern } from "../api/domain/records/case-reference.js";
import type { Person } from "../api/services/people.js";
import { hasRole } from "../api/services/people.js";
import type { Saved, Store } from "../api/store/port.js";
import { workListCard } from "./cards/work-list-card.js";
import { observationFormFor } from "./card-actions.js";
import type { AdaptiveCard } from "./cards/render-card.js";
import { auditStatusLabel, auditTypeLabel, formatDue } from "./format.js";

export type CommandReply = { text: string } | { card: AdaptiveCard } | { reflect: string };

export const helpText = [
  "Here is what you can type:",
  "- **my audits**: audits you are doing, and reflections you have been asked for",
  "- **my actions**: actions you own, overdue first",
  "- **status NM-100231**: where the audits of a case have got to (use the case reference, never a name)",
  "- **reflect**: carry on with a reflection you started",
  "- **observe**: record a practice observation (managers and auditors)",
  "- **help**: this list",
  "Audit assignments, moderation requests and actions arrive here as cards: use their buttons.",
].join("\n");

const openAuditStatuses = ["planned", "assigned", "reflection_requested", "in_progress", "submitted", "in_moderation"] as const;

interface CommandContext {
  store: Store;
  person: Person;
  today: string;
  tabUrl: string;
}

export async function runCommand(context: CommandContext, text: string): Promise<CommandReply> {
  const command = text.trim().replace(/^@?golden thread\s*/i, "").replace(/\s+/g, " ");
  const lower = command.toLowerCase();
  if (lower === "help" || lower === "?" || lower === "hi" || lower === "hello") return { text: helpText };
  if (lower === "my audits") return { card: await myAudits(context) };
  if (lower === "my actions") return { card: await myActions(context) };
  if (lower === "reflect" || lower === "continue") return reflectCommand(context);
  if (lower === "observe") return { card: await observationFormFor({ store: context.store, tabUrl: () => context.tabUrl, today: () => context.today }, context.person) };
  const status = /^status\s+(.+)$/i.exec(command);
  if (status) return caseStatus(context, status[1]!.trim());
  return { text: `Sorry, I didn't understand that. Type **help** to see what I can do.` };
}

async function caseReferences(store: Store, caseIds: string[]): Promise<Map<string, string>> {
  const references = new Map<string, string>();
  for (const caseId of new Set(caseIds)) references.set(caseId, (await store.get("caseReference", caseId))?.reference ?? "(unknown case)");
  return references;
}

async function myAudits({ store, person, today, tabUrl }: CommandContext): Promise<AdaptiveCard> {
  const auditing = (await store.query("audit", { where: { auditorId: person.id, status: { in: [...openAuditStatuses] } }, orderBy: { field: "dueDate" }, limit: 50 })).records;
  const reflecting = (await store.query("audit", { where: { practitionerId: person.id, status: { in: ["reflection_requested", "assigned", "in_progress"] } }, limit: 50 })).records
    .filter((audit) => audit.status === "reflection_requested" && !audit.reflection?.finishedAt);
  const references = await caseReferences(store, [...auditing, ...reflecting].map((audit) => audit.caseId));
  return workListCard({
    title: "Your audits",
    empty: "You have no audits to do and no reflections to give.",
    rows: [
      ...auditing.map((audit) => ({
        label: references.get(audit.caseId)!,
        detail: `${auditStatusLabel(audit.status)}. Due ${formatDue(audit.dueDate, today)}`,
      })),
      ...reflecting.map((audit) => ({ label: references.get(audit.caseId)!, detail: "Your reflection is requested: type **reflect**" })),
    ],
    tabUrl,
  });
}

async function myActions({ store, person, today, tabUrl }: CommandContext): Promise<AdaptiveCard> {
  const actions = (await store.query("action", { where: { ownerId: person.id, status: { in: ["open", "in_progress"] } }, orderBy: { field: "dueDate" }, limit: 50 })).records;
  return workListCard({
    title: "Your actions",
    empty: "You have no open actions.",
    rows: actions.map((action) => ({ label: action.title, detail: `Due ${formatDue(action.dueDate, today)}` })),
    tabUrl,
  });
}

async function reflectCommand({ store, person }: CommandContext): Promise<CommandReply> {
  const requested = (await store.query("audit", { where: { practitionerId: person.id, status: "reflection_requested" }, limit: 20 })).records
    .find((audit) => !audit.reflection?.finishedAt);
  return requested ? { reflect: requested.id } : { text: "No one has asked for your reflection at the moment." };
}

// Who may see where a case's audits are: the people doing them, the team's
// managers, and those who see the whole authority.
async function maySeeCase(store: Store, person: Person, teamId: string, audits: Saved<"audit">[]): Promise<boolean> {
  if (hasRole(person, "qa_lead", "principal_social_worker", "dcs")) return true;
  if (audits.some((audit) => audit.auditorId === person.id || audit.practitionerId === person.id)) return true;
  const team = await store.get("team", teamId);
  if (hasRole(person, "team_manager") && person.teamId === teamId) return true;
  return hasRole(person, "service_manager", "head_of_service") && team !== undefined && person.serviceId === team.serviceId;
}

async function caseStatus({ store, person, today, tabUrl }: CommandContext, reference: string): Promise<CommandReply> {
  const normalised = reference.toUpperCase();
  if (!caseReferencePattern.test(normalised)) {
    return { text: "Use the case reference from the case recording system, for example **status NM-100231**. Never type a child's name here." };
  }
  const found = (await store.query("caseReference", { where: { reference: normalised }, limit: 1 })).records[0];
  const audits = found ? (await store.query("audit", { where: { caseId: found.id }, limit: 50 })).records : [];
  if (!found || !(await maySeeCase(store, person, found.teamId, audits))) {
    return { text: `I can't show you audits for ${normalised}. Check the reference, or ask your QA lead.` };
  }
  return {
    card: workListCard({
      title: `Audits of case ${normalised}`,
      empty: "This case has no audits.",
      rows: audits.map((audit) => ({
        label: auditTypeLabel(audit.type),
        detail: `${auditStatusLabel(audit.status)}${audit.dueDate ? `. Due ${formatDue(audit.dueDate, today)}` : ""}`,
      })),
      tabUrl,
    }),
  };
}
