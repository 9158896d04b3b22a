// Seeds the demo authority on first run, in one transaction, so a second
// start finds it and adds nothing (and a failed seed leaves nothing behind).
import type { Notification } from "../domain/records/notification.js";
import { addWorkingDays } from "../domain/working-days.js";
import { enqueueNotification } from "../services/notify.js";
import { seedDemoBulletins } from "./seed-bulletins.js";
import { seedPerformance } from "./seed-performance.js";
import type { Actor, Store } from "../store/port.js";
import { seedWorkforceVoice } from "./seed-workforce-voice.js";
import {
  demoAuditTool,
  demoAuthority,
  demoCases,
  demoFrameworkComponents,
  demoGradeScale,
  demoPeople,
  demoProgramme,
  demoServices,
  demoStandards,
  demoTeams,
} from "./demo-authority.js";
import { seedFeedbackAndObservation } from "./seed-feedback.js";
import { seedReportsAndSelfEvaluation } from "./seed-reports.js";

export const seedActor: Actor = { id: "system:seed" };

export interface SeedOutcome {
  seeded: boolean;
  authorityName: string;
}

export async function seedDemoAuthority(store: Store, now = new Date()): Promise<SeedOutcome> {
  const existing = await store.get("authority", demoAuthority.id);
  if (existing) return { seeded: false, authorityName: existing.name };

  const today = now.toISOString().slice(0, 10);
  const workingDaysFromToday = (days: number) => addWorkingDays(today, days);
  const stamp = now.toISOString();

  await store.transaction(async (tx) => {
    await tx.create("gradeScale", demoGradeScale.record, seedActor, { id: demoGradeScale.id });
    await tx.create("authority", demoAuthority.record, seedActor, { id: demoAuthority.id });
    for (const { id, record } of demoServices) await tx.create("service", record, seedActor, { id });
    for (const { id, record } of demoTeams) await tx.create("team", record, seedActor, { id });
    for (const { id, record } of demoPeople) await tx.create("person", record, seedActor, { id });
    for (const { id, record } of demoCases) await tx.create("caseReference", record, seedActor, { id });
    for (const { id, record } of demoStandards) await tx.create("practiceStandard", record, seedActor, { id });
    await tx.create("auditTool", demoAuditTool.record, seedActor, { id: demoAuditTool.id });
    for (const { id, record } of demoFrameworkComponents) await tx.create("frameworkComponent", record, seedActor, { id });
    await tx.create("auditProgramme", demoProgramme.record, seedActor, { id: demoProgramme.id });

    const base = { type: "regular" as const, toolId: demoAuditTool.id, programmeId: demoProgramme.id };
    const teamOf = Object.fromEntries(demoCases.map(({ id, record }) => [id, record.teamId]));
    const serviceOf = Object.fromEntries(demoTeams.map(({ id, record }) => [id, record.serviceId]));
    const placed = (caseId: string) => ({ caseId, teamId: teamOf[caseId], serviceId: serviceOf[teamOf[caseId]!] });
    const allGraded = (grade: string) =>
      demoAuditTool.record.sections.map((section) => ({ sectionKey: section.key, grade }));

    await tx.create("audit", { ...base, ...placed("case-100719"), practitionerId: "person-sw-liam" }, seedActor, { id: "audit-planned" });
    await tx.create(
      "audit",
      { ...base, ...placed("case-100231"), practitionerId: "person-sw-amira", auditorId: "person-tm-cp", status: "assigned", dueDate: workingDaysFromToday(10) },
      seedActor,
      { id: "audit-assigned" },
    );
    await tx.create(
      "audit",
      {
        ...base,
        ...placed("case-100562"),
        practitionerId: "person-sw-liam",
        auditorId: "person-tm-assessment",
        status: "reflection_requested",
        dueDate: workingDaysFromToday(8),
        reflection: { answers: [{ promptKey: "gone-well", answer: "The family now attend core groups and the school reports better attendance.", answeredAt: stamp }] },
      },
      seedActor,
      { id: "audit-reflection-requested" },
    );
    await tx.create(
      "audit",
      {
        ...base,
        ...placed("case-100834"),
        practitionerId: "person-sw-chloe",
        auditorId: "person-psw",
        status: "in_progress",
        dueDate: workingDaysFromToday(5),
        answers: [{ questionKey: "seen", answer: "Seen alone at each statutory visit; last visit within timescale." }],
        sectionGrades: [
          { sectionKey: "voice", grade: "good" },
          { sectionKey: "assessment", grade: "requires_improvement" },
        ],
      },
      seedActor,
      { id: "audit-in-progress" },
    );
    const submitted = await tx.create(
      "audit",
      {
        ...base,
        ...placed("case-100478"),
        practitionerId: "person-sw-amira",
        auditorId: "person-tm-cp",
        status: "in_moderation",
        dueDate: workingDaysFromToday(2),
        sectionGrades: allGraded("good"),
        overallGrade: "good",
        findings: {
          workingWell: ["Direct work with the child is creative and recorded in their words."],
          needsToBeBetter: ["The plan does not say how the family will know things have improved."],
        },
        submittedAt: stamp,
      },
      seedActor,
      { id: "audit-in-moderation" },
    );
    const moderation = await tx.create(
      "moderation",
      {
        auditId: submitted.id,
        moderatorId: "person-qa-lead",
        sampledBecause: "Drawn in the 25% sample (demo)",
        grades: [
          ...submitted.sectionGrades.map((grade) => ({ sectionKey: grade.sectionKey, auditorGrade: grade.grade })),
          { sectionKey: "overall", auditorGrade: "good" },
        ],
      },
      seedActor,
      { id: "moderation-demo" },
    );
    const completed = await tx.create(
      "audit",
      {
        ...base,
        ...placed("case-100902"),
        practitionerId: "person-sw-chloe",
        auditorId: "person-qa-lead",
        status: "completed",
        sectionGrades: allGraded("requires_improvement"),
        overallGrade: "requires_improvement",
        findings: {
          workingWell: ["Placement stability: the child has had the same carers for two years."],
          needsToBeBetter: ["Supervision records describe discussion but not the decisions made or why."],
        },
        childFamilyView: { soughtFrom: "child", method: "Conversation with the auditor", summary: "Likes their worker; wants to know sooner when visits change." },
        submittedAt: stamp,
        completedAt: stamp,
      },
      seedActor,
      { id: "audit-completed" },
    );
    await tx.create(
      "action",
      {
        title: "Record supervision decisions with the reasons for them",
        reason: "Audit found supervision notes describe discussion but not decisions.",
        ownerId: "person-tm-cp",
        dueDate: workingDaysFromToday(15),
        auditId: completed.id,
        teamId: "team-child-protection",
      },
      seedActor,
      { id: "action-supervision-decisions" },
    );
    await tx.create(
      "action",
      {
        title: "Tell the child when visits change, and why",
        reason: "The child asked to know sooner when visits change.",
        ownerId: "person-sw-chloe",
        dueDate: new Date(now.getTime() - 14 * 86_400_000).toISOString().slice(0, 10), // overdue on purpose
        status: "in_progress",
        auditId: completed.id,
        teamId: "team-children-in-care",
      },
      seedActor,
      { id: "action-visit-changes" },
    );

    await seedFeedbackAndObservation(tx, today, seedActor);

    // What each demo user finds waiting when they open the bot (see the README).
    const waiting: [string, Notification][] = [
      ["person-tm-cp", { kind: "audit_assigned", auditId: "audit-assigned" }],
      ["person-psw", { kind: "audit_assigned", auditId: "audit-in-progress" }],
      ["person-sw-liam", { kind: "reflection_requested", auditId: "audit-reflection-requested" }],
      ["person-qa-lead", { kind: "moderation_requested", moderationId: moderation.id }],
      ["person-tm-cp", { kind: "action_raised", actionId: "action-supervision-decisions" }],
      ["person-sw-chloe", { kind: "action_raised", actionId: "action-visit-changes" }],
    ];
    for (const [recipientId, notification] of waiting) await enqueueNotification(tx, recipientId, notification, seedActor);
    await seedDemoBulletins(tx, seedActor);
    await seedWorkforceVoice(tx, seedActor, now);
    await seedPerformance(tx, seedActor, now);
    await seedReportsAndSelfEvaluation(tx, today);
  });

  return { seeded: true, authorityName: demoAuthority.record.name };
}
