// A fictional authority for local runs, demos and tests. Every name here is
// invented; cases are known only by reference, as in production.
import type { RecordInput, RecordKind } from "../domain/records/index.js";
import { frameworkComponentNames } from "../domain/records/framework-component.js";
import { ofstedGradeScale } from "../domain/records/grade-scale.js";

export const demoAuthorityId = "authority-northmoor";

interface DemoRecord<K extends RecordKind> {
  id: string;
  record: RecordInput<K>;
}

const person = (
  id: string,
  displayName: string,
  roles: RecordInput<"person">["roles"],
  jobTitle: string,
  placement: { teamId?: string; serviceId?: string; lineManagerId?: string },
  objectIdSuffix: string,
): DemoRecord<"person"> => ({
  id,
  record: {
    displayName,
    email: `${displayName.toLowerCase().replace(/^cllr /, "").replace(/[^a-z]+/g, ".")}@northmoor.example.gov.uk`,
    aadObjectId: `6a1f0c3e-2b7d-4c59-9e10-${objectIdSuffix.padStart(12, "0")}`,
    roles,
    jobTitle,
    ...placement,
  },
});

export const demoPeople: DemoRecord<"person">[] = [
  person("person-qa-lead", "Priya Shah", ["qa_lead", "moderator", "auditor"], "Quality assurance lead", {}, "1"),
  person("person-psw", "Tom Okafor", ["principal_social_worker", "auditor", "moderator"], "Principal social worker", {}, "2"),
  person("person-hos", "Helen Marsh", ["head_of_service", "moderator"], "Head of service, children in need and protection", { serviceId: "service-cin-cp" }, "3"),
  person("person-sm-front-door", "Owen Ridley", ["service_manager", "auditor"], "Service manager, front door", { serviceId: "service-front-door" }, "4"),
  // Line managers (for moderation's "never by the auditor's own line manager"): Grace reports to Owen, Daniel to Helen.
  person("person-tm-assessment", "Grace Adeyemi", ["team_manager", "auditor"], "Team manager, assessment team", { teamId: "team-assessment", serviceId: "service-front-door", lineManagerId: "person-sm-front-door" }, "5"),
  person("person-tm-cp", "Daniel Price", ["team_manager", "auditor"], "Team manager, child protection team", { teamId: "team-child-protection", serviceId: "service-cin-cp", lineManagerId: "person-hos" }, "6"),
  person("person-sw-amira", "Amira Hussain", ["practitioner"], "Social worker", { teamId: "team-assessment", serviceId: "service-front-door" }, "7"),
  person("person-sw-liam", "Liam Carter", ["practitioner"], "Senior social worker", { teamId: "team-child-protection", serviceId: "service-cin-cp" }, "8"),
  person("person-sw-chloe", "Chloe Bennett", ["practitioner"], "Social worker (ASYE)", { teamId: "team-children-in-care", serviceId: "service-children-in-care" }, "9"),
  person("person-external", "Ruth Ellison", ["external_auditor"], "Independent auditor", {}, "10"),
  person("person-dcs", "Marcus Webb", ["dcs"], "Director of children's services", {}, "11"),
  person("person-lead-member", "Cllr Janet Hale", ["lead_member"], "Lead member for children's services", {}, "12"),
];

export const demoGradeScale: DemoRecord<"gradeScale"> = { id: "scale-ofsted", record: ofstedGradeScale };

export const demoAuthority: DemoRecord<"authority"> = {
  id: demoAuthorityId,
  record: { name: "Northmoor Borough Council (demo)", gradeScaleId: demoGradeScale.id },
};

export const demoServices: DemoRecord<"service">[] = [
  { id: "service-front-door", record: { authorityId: demoAuthorityId, name: "Front door and assessment" } },
  { id: "service-cin-cp", record: { authorityId: demoAuthorityId, name: "Children in need and child protection" } },
  { id: "service-children-in-care", record: { authorityId: demoAuthorityId, name: "Children in care and care leavers" } },
];

export const demoTeams: DemoRecord<"team">[] = [
  { id: "team-assessment", record: { serviceId: "service-front-door", name: "Assessment team", managerId: "person-tm-assessment" } },
  { id: "team-child-protection", record: { serviceId: "service-cin-cp", name: "Child protection team", managerId: "person-tm-cp" } },
  { id: "team-children-in-care", record: { serviceId: "service-children-in-care", name: "Children in care team" } },
];

export const demoCases: DemoRecord<"caseReference">[] = [
  { id: "case-100231", record: { reference: "NM-100231", teamId: "team-assessment", practitionerId: "person-sw-amira" } },
  { id: "case-100478", record: { reference: "NM-100478", teamId: "team-assessment", practitionerId: "person-sw-amira" } },
  { id: "case-100562", record: { reference: "NM-100562", teamId: "team-child-protection", practitionerId: "person-sw-liam" } },
  { id: "case-100719", record: { reference: "NM-100719", teamId: "team-child-protection", practitionerId: "person-sw-liam" } },
  { id: "case-100834", record: { reference: "NM-100834", teamId: "team-children-in-care", practitionerId: "person-sw-chloe" } },
  { id: "case-100902", record: { reference: "NM-100902", teamId: "team-children-in-care", practitionerId: "person-sw-chloe" } },
];

// Seed §2.3: standards informed by what children tell us matters to them.
export const demoStandards: DemoRecord<"practiceStandard">[] = [
  ["PS-1", "The child is seen, listened to and their voice shapes the work", "Children say they want workers who listen and understand what matters to them."],
  ["PS-2", "Assessments are timely and analyse need, risk and strengths", "Analysis, not description: what life is like for the child and what needs to change."],
  ["PS-3", "Plans are specific, shared with the family and reviewed", "Everyone knows who does what, by when, and what difference it should make."],
  ["PS-4", "Management oversight is regular, reflective and recorded with reasons", "Supervision records show decisions and the reasons for them."],
  ["PS-5", "Records are up to date and written to the child", "A child reading their file later can understand what happened and why."],
  ["PS-6", "We work with families and partners and do what we say we will", "Workers turn up on time and follow through; families tell their story once."],
].map(([code, title, description], index) => ({
  id: `standard-${index + 1}`,
  record: { code: code!, title: title!, description: description!, source: "Northmoor practice standards (demo)" },
}));

export const demoAuditTool: DemoRecord<"auditTool"> = {
  id: "tool-regular-case-audit",
  record: {
    name: "Regular case audit",
    auditTypes: ["regular", "thematic", "focused", "external"],
    gradeScaleId: demoGradeScale.id,
    sections: [
      {
        key: "voice",
        title: "The child's voice and lived experience",
        questions: [
          { key: "seen", prompt: "Has the child been seen, alone where appropriate, within timescales?", standardIds: ["standard-1"] },
          { key: "lived-experience", prompt: "How well does the record describe the child's daily lived experience?", standardIds: ["standard-1", "standard-5"] },
        ],
      },
      {
        key: "assessment",
        title: "Assessment",
        questions: [
          { key: "analysis", prompt: "Does the assessment analyse need, risk and strengths, and is it up to date?", standardIds: ["standard-2"] },
        ],
      },
      {
        key: "planning",
        title: "Planning and review",
        questions: [
          { key: "plan-quality", prompt: "Is the plan specific, shared with the family and reviewed on time?", standardIds: ["standard-3", "standard-6"] },
        ],
      },
      {
        key: "oversight",
        title: "Management oversight and supervision",
        questions: [
          { key: "oversight-quality", prompt: "Is management oversight regular, reflective and recorded with reasons?", standardIds: ["standard-4"] },
        ],
      },
      {
        key: "impact",
        title: "Impact for the child",
        questions: [
          { key: "difference", prompt: "What difference has our work made for the child?", standardIds: ["standard-1", "standard-3"] },
        ],
      },
    ],
    reflectivePrompts: [
      { key: "gone-well", prompt: "What has gone well for the child?" },
      { key: "do-differently", prompt: "What would you do differently?" },
      { key: "difference-made", prompt: "What difference has the work made?" },
      { key: "what-would-help", prompt: "What would help you in this work?" },
    ],
  },
};

export const demoProgramme: DemoRecord<"auditProgramme"> = {
  id: "programme-regular-2026-q4",
  record: {
    name: "Regular case audits, October to December 2026",
    auditType: "regular",
    toolId: demoAuditTool.id,
    periodStart: "2026-10-01",
    periodEnd: "2026-12-31",
    ownerId: "person-qa-lead",
  },
};

// Who leads, contributes to and is informed about each framework component.
// Leads are roles; the QA lead can name a person for each in the tab.
type Accountability = [RecordInput<"frameworkComponent">["leadRole"], RecordInput<"frameworkComponent">["contributorRoles"], RecordInput<"frameworkComponent">["informedRoles"]];
const accountability: Accountability[] = [
  ["qa_lead", ["head_of_service", "service_manager"], ["dcs", "lead_member"]],
  ["qa_lead", ["service_manager", "team_manager"], ["head_of_service", "dcs"]],
  ["principal_social_worker", ["qa_lead", "head_of_service"], ["practitioner", "team_manager"]],
  ["qa_lead", ["auditor", "team_manager", "practitioner"], ["head_of_service", "dcs"]],
  ["principal_social_worker", ["team_manager", "service_manager"], ["head_of_service"]],
  ["principal_social_worker", ["service_manager", "head_of_service"], ["qa_lead"]],
  ["qa_lead", ["practitioner", "team_manager"], ["dcs", "lead_member"]],
  ["dcs", ["head_of_service", "qa_lead", "principal_social_worker"], ["lead_member"]],
  ["principal_social_worker", ["team_manager"], ["dcs"]],
  ["principal_social_worker", ["qa_lead", "team_manager"], ["practitioner"]],
  ["qa_lead", ["moderator", "auditor"], ["head_of_service"]],
  ["dcs", ["qa_lead", "head_of_service", "principal_social_worker"], ["lead_member"]],
];

export const demoFrameworkComponents: DemoRecord<"frameworkComponent">[] = frameworkComponentNames.map((name, index) => {
  const [leadRole, contributorRoles, informedRoles] = accountability[index]!;
  return { id: `component-${index + 1}`, record: { number: index + 1, name, leadRole, contributorRoles, informedRoles } };
});
