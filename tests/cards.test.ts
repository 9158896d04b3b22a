// Every card the bot can send, built with realistic data: valid Adaptive
// Card 1.5, under Teams' 28 KB limit, and carrying case references only.
import { describe, expect, it } from "vitest";
import type { ActionCardView, AuditCardView, ModerationCardView, ReflectionCardView, SurveyCardView } from "../bot/card-views.js";
import { actionCard } from "../bot/cards/action-card.js";
import { auditCard } from "../bot/cards/audit-card.js";
import { auditDeclinedCard } from "../bot/cards/audit-declined-card.js";
import { moderationCard } from "../bot/cards/moderation-card.js";
import { moderationOutcomeCard } from "../bot/cards/moderation-outcome-card.js";
import { reflectionInviteCard } from "../bot/cards/reflection-invite-card.js";
import type { AdaptiveCard } from "../bot/cards/render-card.js";
import { surveyCard } from "../bot/cards/survey-card.js";
import { welcomeCard } from "../bot/cards/welcome-card.js";
import { workListCard } from "../bot/cards/work-list-card.js";
import { adaptiveCardProblems } from "./support/adaptive-card-schema.js";

// What a careless data feed might carry alongside a case: none of it may reach a card.
const childDetails = {
  childName: "Jamie Smith",
  childFirstName: "Jamie",
  dateOfBirth: "2014-03-09",
  address: "12 Acacia Avenue",
  nhsNumber: "485 777 3456",
  school: "Northmoor Primary",
};
const forbidden = Object.values(childDetails);

const grades = [
  { key: "outstanding", label: "Outstanding" },
  { key: "good", label: "Good" },
  { key: "requires_improvement", label: "Requires improvement to be good" },
  { key: "inadequate", label: "Inadequate" },
];

const audit: AuditCardView = {
  auditId: "audit-1",
  caseReference: "NM-100231",
  auditType: "Regular case audit",
  toolName: "Regular case audit",
  practitionerName: "Amira Hussain",
  auditorName: "Daniel Price",
  due: "Friday 11 December 2026 (10 working days left)",
  status: "In progress",
  canStart: true,
  canGrade: true,
  longTool: false,
  declineReason: "",
  missing: "Planning and review",
  sections: [
    { key: "voice", title: "The child's voice and lived experience", grade: "good" },
    { key: "planning", title: "Planning and review", grade: "" },
  ],
  grades,
  overallGrade: "",
  workingWell: "Direct work is creative",
  needsToBeBetter: "",
  auditUrl: "https://qa.example.gov.uk/tab/index.html#/audits/audit-1",
  notice: "Draft saved.",
  noticeColor: "Good",
};

const moderation: ModerationCardView = {
  moderationId: "moderation-1",
  caseReference: "NM-100478",
  auditorName: "Daniel Price",
  moderatorName: "Priya Shah",
  auditType: "Regular case audit",
  sampledBecause: "Graded inadequate, which is always moderated",
  status: "Waiting for moderation",
  rows: [
    { sectionKey: "voice", title: "The child's voice", auditorGrade: "Good", auditorGradeKey: "good", moderatorGrade: "—" },
    { sectionKey: "overall", title: "Overall", auditorGrade: "Inadequate", auditorGradeKey: "inadequate", moderatorGrade: "—" },
  ],
  grades,
  outcome: "re-graded up",
  rationale: "The child is safe; the plan lacks dates.",
  canModerate: true,
  auditUrl: "https://qa.example.gov.uk/tab/index.html#/audits/audit-2",
  notice: "",
  noticeColor: "Good",
};

const reflection: ReflectionCardView = {
  auditId: "audit-3",
  caseReference: "NM-100562",
  auditorName: "Grace Adeyemi",
  promptCount: 4,
  progress: "1 of 4 answered",
  canReflect: true,
  startTitle: "Carry on with my reflection",
  notice: "",
  noticeColor: "Good",
};

const action: ActionCardView = {
  actionId: "action-1",
  title: "Record supervision decisions with the reasons for them",
  reason: "Supervision notes describe discussion but not decisions.",
  caseReference: "NM-100902",
  due: "Monday 14 December 2026 (overdue)",
  status: "Open",
  overdue: true,
  evidence: "",
  canUpdate: true,
  tomorrow: "2026-12-15",
  notice: "",
  noticeColor: "Good",
};

const agreement = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"].map((title, index) => ({ title, value: String(index + 1) }));
const pulse: SurveyCardView = {
  surveyId: "survey-1",
  occasion: "",
  title: "How are you doing?",
  kindLabel: "Pulse survey",
  round: "Autumn 2026",
  introduction: "Five minutes, anonymous.",
  caseReference: "",
  minimumGroupSize: 5,
  stateText: "Open until Friday 11 December 2026 (10 working days left)",
  canAnswer: true,
  questions: [
    { inputId: "q:workload", text: "My workload is manageable", isScale: true, choices: agreement },
    { inputId: "q:support", text: "What would help you most?", isScale: false, choices: [] },
  ],
  notice: "",
  noticeColor: "Good",
};

const refresh = { verb: "card.refresh", data: { card: "audit", id: "audit-1" }, userIds: ["29:daniel"] };

const cards: [string, AdaptiveCard][] = [
  ["welcome", welcomeCard({ name: "Daniel Price", authority: "Northmoor", roles: ["team_manager", "auditor"], team: "Child protection team", tabUrl: "https://qa.example.gov.uk/tab/", ...childDetails } as never)],
  ["audit", auditCard({ ...audit, ...childDetails }, refresh)],
  ["audit (finished)", auditCard({ ...audit, canStart: false, canGrade: false, status: "Completed", ...childDetails })],
  ["audit declined", auditDeclinedCard({ ...audit, declineReason: "I supervise this worker", ...childDetails })],
  ["reflection invitation", reflectionInviteCard({ ...reflection, ...childDetails }, refresh)],
  ["moderation request", moderationCard({ ...moderation, ...childDetails }, refresh)],
  ["moderation outcome", moderationOutcomeCard({ ...moderation, ...childDetails })],
  ["action", actionCard({ ...action, ...childDetails }, refresh)],
  ["pulse survey", surveyCard({ ...pulse, ...childDetails }, { verb: "card.refresh", data: { card: "survey", id: "survey-1" }, userIds: ["29:amira"] })],
  ["pulse survey (answered)", surveyCard({ ...pulse, canAnswer: false, stateText: "You have answered. Thank you.", notice: "Thank you.", ...childDetails })],
  [
    "reflective feedback",
    surveyCard({ ...pulse, kindLabel: "Reflective feedback after audits", caseReference: "NM-100231", occasion: "audit-1", ...childDetails }, {
      verb: "card.refresh",
      data: { card: "survey", id: "survey-2", occasion: "audit-1" },
      userIds: ["29:amira"],
    }),
  ],
  ["work list", workListCard({ title: "Your audits", empty: "None", rows: [{ label: "NM-100231", detail: "In progress" }], tabUrl: "https://qa.example.gov.uk/tab/", ...childDetails } as never)],
];

describe("bot cards", () => {
  it("asks a survey's scale questions as required choices and its free text as optional, and sends them with the answer verb", () => {
    const card = JSON.stringify(cards.find(([name]) => name === "pulse survey")![1]);
    expect(card).toContain('"type":"Input.ChoiceSet","id":"q:workload"');
    expect(card).toMatch(/"id":"q:workload"[^}]*"isRequired":true/);
    expect(card).toContain('"id":"q:support","label":"What would help you most? (optional)"');
    expect(card).toContain('"verb":"survey.answer"');
    const answered = JSON.stringify(cards.find(([name]) => name === "pulse survey (answered)")![1]);
    expect(answered).not.toContain("Input.");
    expect(answered).not.toContain("survey.answer");
  });

  it.each(cards)("%s card is valid Adaptive Card 1.5 JSON under 28 KB", (_name, card) => {
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  });

  it.each(cards)("%s card carries no child's name or identifying details", (_name, card) => {
    const text = JSON.stringify(card);
    for (const detail of forbidden) expect(text).not.toContain(detail);
  });

  it("gives every Action.Execute an Action.Submit fallback with its verb", () => {
    const text = JSON.stringify(cards.find(([name]) => name === "audit")![1]);
    const executes = text.match(/"type":"Action\.Execute"/g)?.length ?? 0;
    const fallbacks = text.match(/"fallback":\{"type":"Action\.Submit"/g)?.length ?? 0;
    expect(executes).toBeGreaterThan(1);
    expect(fallbacks).toBe(executes - 1); // the refresh action has no fallback
    expect(text).toContain('"data":{"auditId":"audit-1","verb":"audit.start"}');
  });

  it("shows the case reference on every card about a case", () => {
    for (const [name, card] of cards) {
      if (name === "welcome" || name === "work list" || name.startsWith("pulse survey")) continue;
      expect(JSON.stringify(card), name).toMatch(/NM-\d{6}/);
    }
  });
});
