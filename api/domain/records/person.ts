import { z } from "zod";
import { id, requiredText } from "./common.js";

// The roles the framework names (seed §2.8: distributed leadership). A person
// may hold several, e.g. a team manager who is also an auditor.
export const roles = [
  "practitioner",
  "team_manager",
  "service_manager",
  "head_of_service",
  "qa_lead",
  "principal_social_worker",
  "auditor",
  "moderator",
  "external_auditor",
  "dcs",
  "lead_member",
] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  practitioner: "Practitioner",
  team_manager: "Team manager",
  service_manager: "Service manager",
  head_of_service: "Head of service",
  qa_lead: "QA lead",
  principal_social_worker: "Principal social worker",
  auditor: "Auditor",
  moderator: "Moderator",
  external_auditor: "External auditor",
  dcs: "Director of children's services",
  lead_member: "Lead member",
};

export const Person = z.object({
  displayName: requiredText("The person's name", 120),
  email: z.email("Enter a valid email address").max(254),
  // Microsoft Entra object ID: how a Teams user is matched to a person.
  aadObjectId: z.guid("An Entra object ID is a GUID").optional(),
  roles: z.array(Role).min(1, "A person needs at least one role"),
  teamId: id.optional(),
  serviceId: id.optional(),
  jobTitle: z.string().trim().max(120).optional(),
  // Who this person reports to, where it is not simply their team's manager
  // (a team manager's own line manager, say). Moderation can exclude them.
  lineManagerId: id.optional(),
});
export type Person = z.infer<typeof Person>;
