// Demo workforce voice: two rounds of a pulse survey (the latest closed last
// week: enough answers in the assessment team, too few in child protection,
// so the tab shows one team and hides the others), an open reflective
// feedback survey so that submitting an audit asks for feedback, and the
// QA lead's comment themes. The tallies stand for a fictional workforce
// larger than the demo's named staff, so the seed writes no participation
// records; every comment is invented and names no one.
import { randomUUID } from "node:crypto";
import { agreementLabels, tallyGroupKey, type SurveyQuestion, type SurveyTally } from "../domain/records/survey.js";
import type { Actor, RecordOperations } from "../store/port.js";
import { demoAuthorityId } from "./demo-authority.js";

const questions: SurveyQuestion[] = [
  { key: "workload", type: "scale", text: "My workload lets me do good work with children and families", labels: agreementLabels },
  { key: "supervision", type: "scale", text: "Supervision helps me think about the child's experience", labels: agreementLabels },
  { key: "valued", type: "scale", text: "I feel valued by the organisation", labels: agreementLabels },
  { key: "would_help", type: "free_text", text: "What one thing would help you most?" },
];

type Answer = [workload: number, supervision: number, valued: number, comment?: string];

function tallyOf(surveyId: string, teamId: string, serviceId: string, answers: Answer[]): SurveyTally {
  const counts = (index: number) => [1, 2, 3, 4, 5].map((point) => answers.filter((answer) => answer[index] === point).length);
  return {
    surveyId,
    groupKey: tallyGroupKey(teamId, serviceId),
    teamId,
    serviceId,
    respondents: answers.length,
    scaleCounts: { workload: counts(0), supervision: counts(1), valued: counts(2) },
    comments: answers.flatMap(([, , , text]) => (text ? [{ id: randomUUID(), questionKey: "would_help", text, tags: [] }] : [])),
  };
}

const day = (now: Date, offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

export async function seedWorkforceVoice(tx: RecordOperations, actor: Actor, now: Date): Promise<void> {
  await tx.create(
    "surveySettings",
    {
      authorityId: demoAuthorityId,
      minimumGroupSize: 5,
      themes: [
        { name: "Workload", keywords: ["caseload", "caseloads", "workload", "admin", "paperwork"] },
        { name: "Supervision", keywords: ["supervision", "supervisor", "reflective"] },
        { name: "Wellbeing", keywords: ["stress", "tired", "wellbeing", "burnout"] },
        { name: "Learning", keywords: ["training", "learning", "shadowing"] },
      ],
    },
    actor,
    { id: "survey-settings" },
  );
  const base = { kind: "pulse" as const, title: "How are you doing?", questions, audience: { scope: "everyone" as const }, status: "sent" as const, ownerId: "person-qa-lead" };
  await tx.create("survey", { ...base, round: "Spring 2026", opensOn: day(now, -250), closesOn: day(now, -236), sentAt: `${day(now, -250)}T09:00:00.000Z` }, actor, { id: "survey-pulse-spring" });
  await tx.create(
    "survey",
    { ...base, round: "Autumn 2026", seriesId: "survey-pulse-spring", opensOn: day(now, -21), closesOn: day(now, -7), sentAt: `${day(now, -21)}T09:00:00.000Z` },
    actor,
    { id: "survey-pulse-autumn" },
  );
  const spring: [string, string, Answer[]][] = [
    ["team-assessment", "service-front-door", [[2, 3, 3], [2, 4, 3], [1, 3, 2, "Caseloads are too high to visit as often as I want"], [3, 4, 3], [2, 3, 3], [2, 2, 2]]],
    ["team-child-protection", "service-cin-cp", [[3, 3, 3], [2, 4, 4], [3, 4, 3], [2, 3, 3, "More time for reflective supervision"], [3, 3, 4]]],
    ["team-children-in-care", "service-children-in-care", [[3, 4, 4], [3, 4, 3], [4, 4, 4], [2, 3, 3], [3, 5, 4], [3, 4, 4]]],
  ];
  const autumn: [string, string, Answer[]][] = [
    [
      "team-assessment",
      "service-front-door",
      [[3, 4, 4, "Less admin so I can spend time with children"], [4, 4, 4], [3, 4, 3], [4, 5, 4, "Protected time for training"], [3, 3, 4], [4, 4, 3], [2, 4, 3, "I am tired: the duty rota is relentless"]],
    ],
    ["team-child-protection", "service-cin-cp", [[2, 3, 2, "My supervisor is great but cancels often"], [3, 3, 3]]],
    ["team-children-in-care", "service-children-in-care", [[4, 4, 4], [3, 4, 4], [4, 5, 5], [3, 4, 4, "Shadowing other teams would help"], [4, 4, 4], [4, 4, 5]]],
  ];
  for (const [teamId, serviceId, answers] of spring) await tx.create("surveyTally", tallyOf("survey-pulse-spring", teamId, serviceId, answers), actor);
  for (const [teamId, serviceId, answers] of autumn) await tx.create("surveyTally", tallyOf("survey-pulse-autumn", teamId, serviceId, answers), actor);

  // Reflective feedback: last quarter's round has closed (its answers show in the
  // same view); this quarter's is open, so submitting an audit asks for it.
  const reflective = {
    title: "Reflecting on an audit",
    kind: "reflective" as const,
    introduction: "You took part in an audit. A few short questions about how it went for you.",
    questions: [
      { key: "went_well", type: "free_text" as const, text: "What went well?" },
      { key: "did_not_go_well", type: "free_text" as const, text: "What didn't go well?" },
      { key: "would_help", type: "free_text" as const, text: "What would help next time?" },
      { key: "useful", type: "scale" as const, text: "The audit helped me think about my practice", labels: agreementLabels },
    ],
    status: "sent" as const,
    ownerId: "person-qa-lead",
  };
  await tx.create("survey", { ...reflective, round: "Summer 2026", opensOn: day(now, -120), closesOn: day(now, -31), sentAt: `${day(now, -120)}T09:00:00.000Z` }, actor, {
    id: "survey-reflective-summer",
  });
  const summer: [string, string, [number, string, string][]][] = [
    [
      "team-assessment",
      "service-front-door",
      [
        [4, "Talking it through with the auditor", "It took weeks to be arranged"],
        [5, "Seeing the plan from the child's side", ""],
        [4, "", "Too much time finding documents"],
        [3, "The grading was explained", ""],
        [4, "Feedback was kind and specific", ""],
        [5, "", "More time to prepare"],
      ],
    ],
    ["team-child-protection", "service-cin-cp", [[2, "", "It felt like an inspection"], [4, "Useful reflective supervision afterwards", ""], [3, "", ""]]],
    ["team-children-in-care", "service-children-in-care", [[4, "The child's voice came through", ""], [4, "", ""], [5, "Good learning", ""], [3, "", "Training on the audit tool"], [4, "", ""]]],
  ];
  for (const [teamId, serviceId, answers] of summer) {
    const comments = answers.flatMap(([, wentWell, didNot]) => [
      ...(wentWell ? [{ id: randomUUID(), questionKey: "went_well", text: wentWell, tags: [] }] : []),
      ...(didNot ? [{ id: randomUUID(), questionKey: "did_not_go_well", text: didNot, tags: [] }] : []),
    ]);
    await tx.create(
      "surveyTally",
      {
        surveyId: "survey-reflective-summer",
        groupKey: tallyGroupKey(teamId, serviceId),
        teamId,
        serviceId,
        respondents: answers.length,
        scaleCounts: { useful: [1, 2, 3, 4, 5].map((point) => answers.filter(([useful]) => useful === point).length) },
        comments,
      },
      actor,
    );
  }
  await tx.create(
    "survey",
    { ...reflective, round: "Winter 2026", seriesId: "survey-reflective-summer", opensOn: day(now, -30), closesOn: day(now, 60), sentAt: `${day(now, -30)}T09:00:00.000Z` },
    actor,
    { id: "survey-reflective" },
  );
}
