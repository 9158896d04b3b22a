// Demo data for meetings and the self-evaluation: a QA board with its
// decisions, and this year's SEF with statements (one with evidence, one
// flagged for having none) and an improvement plan priority. No actions are
// seeded here, so the demo's action tracker stays as the audits left it;
// set them from the tab. Fictional; case references only.
import type { RecordOperations } from "../store/port.js";
import { seedActor } from "./seed-demo.js";

export async function seedReportsAndSelfEvaluation(tx: RecordOperations, today: string): Promise<void> {
  await tx.create(
    "performanceMeeting",
    {
      title: "QA board",
      kind: "qa_board",
      heldOn: today,
      attendeeIds: ["person-qa-lead", "person-dcs", "person-hos", "person-psw"],
      chairId: "person-dcs",
      decisions: ["Run a thematic audit of supervision recording next quarter", "Add supervision decisions to the improvement plan"],
      notes: "The board looked at the month's report pack.",
    },
    seedActor,
    { id: "meeting-qa-board" },
  );

  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
  const sef = await tx.create(
    "selfEvaluation",
    { year: `${year}-${String((year + 1) % 100).padStart(2, "0")}`, startsOn: `${year}-04-01`, status: "open" },
    seedActor,
    { id: "sef-demo" },
  );
  await tx.create(
    "sefStatement",
    {
      selfEvaluationId: sef.id,
      area: "children_in_care",
      question: "know",
      text: "Children in care have stable placements, but supervision records describe discussion rather than the decisions made and why.",
      evidence: [{ kind: "audit", id: "audit-completed", note: "Completed audit, graded requires improvement" }],
    },
    seedActor,
    { id: "sef-statement-children-in-care" },
  );
  await tx.create(
    "sefStatement",
    {
      selfEvaluationId: sef.id,
      area: "help_and_protection",
      question: "know",
      text: "Direct work with children is creative and plans are shared with families, but plans do not always say how families will know things have improved.",
    },
    seedActor,
    { id: "sef-statement-help-and-protection" },
  );
  await tx.create(
    "improvementPriority",
    {
      selfEvaluationId: sef.id,
      title: "Managers record supervision decisions and the reasons for them",
      impactMeasure: "Audits grade management oversight good or better in eight of ten cases",
      ownerId: "person-hos",
      statementIds: ["sef-statement-children-in-care"],
      evidence: [{ kind: "audit", id: "audit-completed", note: "" }],
      status: "active",
    },
    seedActor,
    { id: "priority-supervision-decisions" },
  );
}
