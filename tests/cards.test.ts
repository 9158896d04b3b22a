// Every card the bot can send, built with realistic data: valid Adaptive
// Card 1.5, under Teams' 28 KB limit, and carrying case references only.
import { describe, expect, it } from "vitest";
import type { ActionCardView, AuditCardView, ModerationCardView, ReflectionCardView, SurveyCardView } from "../bot/card-views.js";
import { actionCard } from "../bot/cards/action-card.js";
import { auditCard } from "../bot/cards/audit-card.js";
import { auditDeclinedCard } from "../bot/cards/audit-declined-card.js";
import { moderationCard } from "../bot/cards/moderation-card.js";
import { moderationEscalationCard } from "../bot/cards/moderation-escalation-card.js";
import { moderationOutcomeCard } from "../bot/cards/moderation-outcome-card.js";
import { moderationPanelCard } from "../bot/cards/moderation-panel-card.js";
import { parallelComparisonCard } from "../bot/cards/parallel-comparison-card.js";
import { reflectionInviteCard } from "../bot/cards/reflection-invite-card.js";
import type { AdaptiveCard } from "../bot/cards/render-card.js";
import { surveyCard } from "../bot/cards/survey-card.js";
import { welcomeCard } from "../bot/cards/welcome-card.js";
import { Bulletin } from "../api/domain/records/bulletin.js";
import { bulletinView, type YouSaidWeDidCardView } from "../bot/bulletin-card-views.js";
import { bulletinCard } from "../bot/cards/bulletin-card.js";
import { youSaidWeDidCard } from "../bot/cards/you-said-we-did-card.js";
import { workListCard } from "../bot/cards/work-list-card.js";
import { adaptiveCardProblems } from "./support/adaptive-card-schema.js";
import { feedback360Card } from "../bot/cards/feedback-360-card.js";
import { observationCard } from "../bot/cards/observation-card.js";
import { observationFormCard } from "../bot/cards/observation-form-card.js";
import type { Feedback360CardView, ObservationCardView } from "../bot/observation-views.js";

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
    { sectionKey: "voice", title: "The child's voice", auditorGrade: "Good", auditorGradeKey: "good", moderatorGrade: "Good", moderatorGradeKey: "good", outcome: "grades agreed", finalGrade: "—" },
    { sectionKey: "overall", title: "Overall", auditorGrade: "Inadequate", auditorGradeKey: "inadequate", moderatorGrade: "Requires improvement to be good", moderatorGradeKey: "requires_improvement", outcome: "re-graded up", finalGrade: "—" },
  ],
  grades,
  kind: "Peer moderation",
  outcome: "re-graded up",
  rationale: "The child is safe; the plan lacks dates.",
  canModerate: true,
  canRespond: false,
  canDecide: false,
  canGiveView: false,
  isPanel: false,
  panelMembers: "",
  panelViews: [],
  dissent: [],
  auditorResponse: "",
  decision: "",
  escalatedTo: "",
  auditUrl: "https://qa.example.gov.uk/tab/index.html#/audits/audit-2",
  comparisonUrl: "https://qa.example.gov.uk/tab/index.html#/moderation?compare=moderation-1",
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

// A bulletin filled to every limit its schema allows, so the largest card still fits.
const longest = (length: number) => "Learning from audits. ".repeat(Math.ceil(length / 22)).slice(0, length);
const fullBulletin = Bulletin.parse({
  title: longest(150),
  summary: longest(2000),
  keyMessages: Array.from({ length: 10 }, () => longest(500)),
  themes: Array.from({ length: 10 }, () => longest(60)),
  links: Array.from({ length: 10 }, (_, index) => ({ title: longest(120), url: `https://example.gov.uk/learning/${index}` })),
  drawsOn: Array.from({ length: 20 }, (_, index) => ({ kind: "audit", recordId: `audit-${index}`, reference: `NM-1002${String(index).padStart(2, "0")}` })),
  whyItMatters: longest(1500),
  reflectionQuestions: Array.from({ length: 8 }, () => longest(300)),
  whatToDo: Array.from({ length: 8 }, () => longest(300)),
  authorId: "person-psw",
});
const bulletinContext = { tabUrl: "https://qa.example.gov.uk/tab/" };
const youSaidWeDid: YouSaidWeDidCardView = {
  updateId: "ysd-1",
  theme: "Knowing what happens next",
  basedOn: "From 3 compliments and complaints in the feedback register",
  youSaid: "Young people told us they did not know what would happen after a meeting.",
  response: "You were right.",
  weDid: [{ text: "We wrote a short leaflet.", evidence: [{ text: "Evidence: Write a leaflet about meetings (done)" }] }],
  updateUrl: "https://qa.example.gov.uk/tab/index.html#/you-said-we-did/ysd-1",
};

const observation: ObservationCardView = {
  observationId: "observation-1",
  practitionerName: "Liam Carter",
  observerName: "Daniel Price",
  setting: "Home visit",
  observedOn: "Thursday 26 November 2026",
  caseReference: "NM-100562",
  strengths: "Spoke to the child first, at their level.",
  areasToDevelop: "Summarise the plan before leaving.",
  actions: [{ title: "Summarise the plan at the end of each visit", detail: "Liam Carter, due Friday 8 January 2027 (26 working days left)" }],
  reflection: "",
  canReflect: true,
  waitingForReflection: false,
  observationUrl: "https://qa.example.gov.uk/tab/index.html#/observations?observationId=observation-1",
  notice: "",
  noticeColor: "Good",
};

const feedback360: Feedback360CardView = {
  roundId: "round-1",
  supervisorName: "Daniel Price",
  questions: [
    { key: "regular", prompt: "Supervision happens regularly and is rarely cancelled" },
    { key: "reflective", prompt: "Supervision helps me reflect on my practice, not just on tasks" },
  ],
  ratings: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"].map((title, index) => ({ title, value: String(index + 1) })),
  canAnswer: true,
  answered: false,
  closed: false,
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

const observationForm = {
  practitioners: [{ title: "Liam Carter", value: "person-sw-liam" }],
  settings: [
    { title: "Home visit", value: "home_visit" },
    { title: "Supervision", value: "supervision" },
  ],
  today: "2026-11-26",
  notice: "What went well is required",
  noticeColor: "Attention" as const,
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
  ["moderation outcome: accept or disagree", moderationOutcomeCard({ ...moderation, canModerate: false, canRespond: true, status: "Re-graded: waiting for the auditor", ...childDetails }, refresh)],
  [
    "moderation outcome: decided by the QA lead, panel dissent",
    moderationOutcomeCard({ ...moderation, canModerate: false, auditorResponse: "Disagreed on 3 November 2026: the plan has dates", decision: "Decided by Priya Shah on 4 November 2026: the plan is specific", rows: moderation.rows.map((row) => ({ ...row, finalGrade: "Good" })), dissent: [{ name: "Tom Okafor", detail: "Differs on Overall. Would keep inadequate." }], ...childDetails }),
  ],
  [
    "moderation request: panel chair with views",
    moderationCard({ ...moderation, isPanel: true, kind: "Moderation panel", panelMembers: "Tom Okafor, Owen Ridley", panelViews: [{ name: "Tom Okafor", grades: "Overall: Inadequate", comment: "Drift since the last review" }], ...childDetails }, refresh),
  ],
  ["moderation panel invitation", moderationPanelCard({ ...moderation, canModerate: false, canGiveView: true, isPanel: true, kind: "Moderation panel", panelMembers: "Tom Okafor, Owen Ridley", ...childDetails }, refresh)],
  ["moderation escalation to the QA lead", moderationEscalationCard({ ...moderation, canModerate: false, canDecide: true, status: "The auditor disagreed", auditorResponse: "Disagreed on 3 November 2026: the plan has dates", escalatedTo: "Priya Shah", ...childDetails }, refresh)],
  ["parallel audit comparison", parallelComparisonCard({ ...moderation, kind: "External parallel audit", moderatorName: "Ruth Ellison", ...childDetails })],
  ["action", actionCard({ ...action, ...childDetails }, refresh)],
  ["learning bulletin (every field full)", bulletinCard({ ...bulletinView(bulletinContext, { ...fullBulletin, id: "bulletin-1" }), ...childDetails } as never, refresh)],
  ["seven-minute briefing (every field full)", bulletinCard({ ...bulletinView(bulletinContext, { ...fullBulletin, layout: "seven_minute_briefing", id: "bulletin-2" }), ...childDetails } as never)],
  ["learning bulletin (title only)", bulletinCard(bulletinView({ ...bulletinContext, notice: "Thank you: your read is recorded." }, { ...Bulletin.parse({ title: "Short", authorId: "p" }), id: "bulletin-3" }))],
  ["you said, we did", youSaidWeDidCard({ ...youSaidWeDid, ...childDetails } as never)],
  ["observation (reflection asked)", observationCard({ ...observation, ...childDetails }, refresh)],
  ["observation (reflected)", observationCard({ ...observation, canReflect: false, reflection: "I rushed the ending.", ...childDetails })],
  ["observation form", observationFormCard({ ...observationForm, ...childDetails } as never)],
  ["360 feedback request", feedback360Card({ ...feedback360, ...childDetails }, refresh)],
  ["360 feedback (answered)", feedback360Card({ ...feedback360, canAnswer: false, answered: true, ...childDetails })],
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
      if (name === "welcome" || name === "work list" || name.includes("bulletin") || name.includes("briefing") || name === "you said, we did") continue;
      if (name.startsWith("360") || name === "observation form") continue;
      if (name.startsWith("pulse survey")) continue;
      expect(JSON.stringify(card), name).toMatch(/NM-\d{6}/);
    }
  });
});

describe("observation and 360 cards", () => {
  it("asks for the practitioner's reflection only while it is wanted", () => {
    const asked = JSON.stringify(cards.find(([name]) => name === "observation (reflection asked)")![1]);
    expect(asked).toContain('"verb":"observation.reflect"');
    const reflected = JSON.stringify(cards.find(([name]) => name === "observation (reflected)")![1]);
    expect(reflected).not.toContain('"verb":"observation.reflect"');
    expect(reflected).toContain("I rushed the ending.");
  });

  it("offers one five-point choice per 360 question, and none once answered", () => {
    const request = cards.find(([name]) => name === "360 feedback request")![1];
    const choiceSets = (request.body as { type: string; id?: string; choices?: unknown[] }[]).filter((element) => element.type === "Input.ChoiceSet");
    expect(choiceSets.map((choiceSet) => choiceSet.id)).toEqual(["rating:regular", "rating:reflective"]);
    expect(choiceSets.every((choiceSet) => choiceSet.choices?.length === 5)).toBe(true);
    const answered = JSON.stringify(cards.find(([name]) => name === "360 feedback (answered)")![1]);
    expect(answered).not.toContain("Input.ChoiceSet");
    expect(answered).toContain("recorded anonymously");
  });
});
