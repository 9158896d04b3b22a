// Demo data for learning bulletins and "you said, we did": a seven-minute
// briefing drafted by the PSW (Tom Okafor) from the demo's completed audit
// and programme, and a "you said, we did" draft evidenced by a demo action,
// both ready to publish to the Playground's team channel. Fictional, and
// audits are named by case reference only.
import type { Actor, RecordOperations } from "../store/port.js";

export async function seedDemoBulletins(tx: RecordOperations, actor: Actor): Promise<void> {
  await tx.create(
    "bulletin",
    {
      title: "Hearing the child in their plan",
      layout: "seven_minute_briefing",
      summary: "This quarter's regular case audits looked at how plans show what children tell us.",
      whyItMatters: "Children tell us they do not always know what their plan says or why. A plan in their own words helps them trust us.",
      keyMessages: [
        "Direct work is creative and recorded in the child's words.",
        "Plans do not always say how the family will know things have improved.",
        "Supervision notes record discussion but not the decisions made or why.",
      ],
      reflectionQuestions: ["When did you last quote a child in their plan?", "Would the family know from the plan what 'better' looks like?"],
      whatToDo: ["Read the practice standard on the child's voice.", "Bring one plan to your next supervision and check it together."],
      themes: ["Voice of the child", "Planning", "Supervision"],
      links: [{ title: "Practice standard: the child's voice", url: "https://example.gov.uk/northmoor/practice-standards/voice" }],
      drawsOn: [
        { kind: "audit_programme", recordId: "programme-regular-2026-q4", reference: "Regular case audits, October to December 2026" },
        { kind: "audit", recordId: "audit-completed", reference: "NM-100902" },
        {
          kind: "finding",
          recordId: "audit-completed",
          findingKey: "needsToBeBetter:0",
          reference: "NM-100902: Supervision records describe discussion but not the decisions made or why.",
        },
      ],
      audience: { channelIds: [], teamIds: ["team-assessment", "team-child-protection", "team-children-in-care"], personIds: [], personalChats: false },
      status: "draft",
      authorId: "person-psw",
    },
    actor,
    { id: "bulletin-demo-voice" },
  );
  await tx.create(
    "youSaidWeDid",
    {
      theme: "Knowing when visits change",
      youSaid: "Children in care told us they want to know sooner when a visit changes, and why it changed.",
      response: "You are right. Changes to visits can be worrying, and you should hear about them first.",
      weDid: [{ text: "Social workers now tell children about a change to a visit on the day it is decided, and explain why.", actionIds: ["action-visit-changes"] }],
      // The register's complaint about not being told when contact moved (seed-feedback.ts).
      feedbackIds: ["feedback-complaint-overdue"],
      channelIds: [],
      status: "draft",
      authorId: "person-psw",
    },
    actor,
    { id: "you-said-we-did-demo-visits" },
  );
}
