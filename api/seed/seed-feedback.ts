// Demo data for feedback from children and families, practice observation
// and the supervision audit: fictional, with case references only. Dates
// are set from today so the demo always shows one complaint overdue and one
// due soon.
import { addWorkingDays, workingDaysBetween } from "../domain/working-days.js";
import type { Actor, RecordOperations } from "../store/port.js";
import type { RecordInput } from "../domain/records/index.js";

export const demoSupervisionAuditTool: { id: string; record: RecordInput<"auditTool"> } = {
  id: "tool-supervision-audit",
  record: {
    name: "Supervision audit",
    auditTypes: ["supervision"],
    gradeScaleId: "scale-ofsted",
    sections: [
      {
        key: "regularity",
        title: "Regular and reliable",
        questions: [{ key: "frequency", prompt: "Has supervision happened at the agreed frequency, and were cancelled sessions rearranged?", standardIds: ["standard-4"] }],
      },
      {
        key: "reflection",
        title: "Reflective and child-focused",
        questions: [
          { key: "reflective-discussion", prompt: "Does the record show reflection on the child's lived experience, not only tasks?", standardIds: ["standard-1", "standard-4"] },
          { key: "hypotheses", prompt: "Are hypotheses about what is happening for the child explored and tested?", standardIds: ["standard-2"] },
        ],
      },
      {
        key: "decisions",
        title: "Decisions and reasons",
        questions: [{ key: "recorded-decisions", prompt: "Are decisions recorded with the reasons for them, who will act and by when?", standardIds: ["standard-4"] }],
      },
      {
        key: "follow-through",
        title: "Follow-through",
        questions: [{ key: "actions-reviewed", prompt: "Were the actions from the previous supervision reviewed and completed?", standardIds: ["standard-3", "standard-6"] }],
      },
      {
        key: "wellbeing",
        title: "Practitioner wellbeing and development",
        questions: [{ key: "support", prompt: "Does supervision attend to the practitioner's wellbeing, workload and learning?", standardIds: [] }],
      },
    ],
    reflectivePrompts: [
      { key: "helped", prompt: "What in supervision helped you most with this child?" },
      { key: "missing", prompt: "What would have made supervision more useful?" },
    ],
  },
};

/** The calendar day `n` working days before `today`. */
function workingDaysBefore(today: string, n: number): string {
  let day = today;
  while (workingDaysBetween(day, today) < n) day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return day;
}

export async function seedFeedbackAndObservation(tx: RecordOperations, today: string, actor: Actor): Promise<void> {
  await tx.create("auditTool", demoSupervisionAuditTool.record, actor, { id: demoSupervisionAuditTool.id });

  const received = (workingDays: number) => workingDaysBefore(today, workingDays);
  const base = { recordedById: "person-qa-lead" };
  const stage1 = (receivedOn: string) => [{ stage: 1 as const, startedOn: receivedOn }];

  // Overdue: received 14 working days ago, stage 1 was due after 10.
  const overdueOn = received(14);
  await tx.create(
    "feedback",
    { ...base, type: "complaint", source: "parent_or_carer", receivedOn: overdueOn, theme: "Not told about changes to contact", teamId: "team-assessment", serviceId: "service-front-door", caseReference: "NM-100478", summary: "Contact was moved twice without anyone ringing me.", stages: stage1(overdueOn) },
    actor,
    { id: "feedback-complaint-overdue" },
  );
  // Due soon: received 8 working days ago, 2 working days left.
  const dueSoonOn = received(8);
  await tx.create(
    "feedback",
    { ...base, type: "complaint", source: "child_or_young_person", receivedOn: dueSoonOn, theme: "Worker changes", teamId: "team-child-protection", serviceId: "service-cin-cp", caseReference: "NM-100562", summary: "I have had three social workers this year.", stages: stage1(dueSoonOn) },
    actor,
    { id: "feedback-complaint-due-soon" },
  );
  // At stage 2: answered at stage 1, then the young person asked for an investigation.
  const stage2On = received(30);
  const stage1Response = addWorkingDays(stage2On, 9);
  const stage2Requested = addWorkingDays(stage1Response, 5);
  await tx.create(
    "feedback",
    {
      ...base,
      type: "complaint",
      source: "advocate",
      receivedOn: stage2On,
      theme: "Pocket money and savings",
      teamId: "team-children-in-care",
      serviceId: "service-children-in-care",
      caseReference: "NM-100902",
      summary: "The young person's advocate says savings were not set aside as agreed.",
      stages: [
        { stage: 1, startedOn: stage2On, respondedOn: stage1Response, outcome: "not_upheld" },
        { stage: 2, startedOn: stage2Requested },
      ],
    },
    actor,
    { id: "feedback-complaint-stage-2" },
  );
  await tx.create(
    "feedback",
    { ...base, type: "compliment", source: "child_or_young_person", receivedOn: received(3), theme: "Being listened to", teamId: "team-children-in-care", serviceId: "service-children-in-care", caseReference: "NM-100834", summary: "My social worker always asks what I think first." },
    actor,
    { id: "feedback-compliment-listened" },
  );
  await tx.create(
    "feedback",
    { ...base, type: "compliment", source: "parent_or_carer", receivedOn: received(6), theme: "Doing what we said we would", teamId: "team-assessment", serviceId: "service-front-door", summary: "She came back when she said she would, every time." },
    actor,
    { id: "feedback-compliment-follow-through" },
  );

  await tx.create(
    "observation",
    {
      practitionerId: "person-sw-liam",
      observerId: "person-tm-cp",
      teamId: "team-child-protection",
      setting: "meeting",
      observedOn: received(2),
      caseReference: "NM-100719",
      strengths: "Chaired the core group calmly and made sure the child's wishes were read out first.",
      areasToDevelop: "Agree who will tell the child what was decided, and when.",
      status: "awaiting_reflection",
    },
    actor,
    { id: "observation-core-group" },
  );
  await tx.create(
    "observation",
    {
      practitionerId: "person-sw-chloe",
      observerId: "person-psw",
      teamId: "team-children-in-care",
      setting: "supervision",
      observedOn: received(12),
      strengths: "Brought a clear chronology and a question to think through, not just a list of tasks.",
      areasToDevelop: "Record the decision and the reasons before the session ends.",
      reflection: "Having the question ready made the session about the child. I will write the decision up together with my manager.",
      reflectedAt: `${received(10)}T12:00:00.000Z`,
      status: "complete",
    },
    actor,
    { id: "observation-supervision" },
  );
}
