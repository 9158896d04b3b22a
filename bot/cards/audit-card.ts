// The auditor's card for one audit: assignment (Start / Decline), then a
// grading form for short tools, then where the audit has got to. The same
// card is sent on assignment and returned after every action, so it always
// shows the audit as it is.
import type { AuditCardView } from "../card-views.js";
import { noticeBlock, openAuditAction, titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const gradingForm = {
  type: "Action.ShowCard",
  title: "Grade the audit",
  card: {
    type: "AdaptiveCard",
    body: [
      {
        $data: "${sections}",
        type: "Input.ChoiceSet",
        id: "grade:${key}",
        label: "${title}",
        value: "${grade}",
        placeholder: "Choose a grade",
        choices: [{ $data: "${$root.grades}", title: "${label}", value: "${key}" }],
      },
      {
        type: "Input.ChoiceSet",
        id: "overallGrade",
        label: "Overall grade",
        value: "${overallGrade}",
        placeholder: "Choose a grade",
        choices: [{ $data: "${grades}", title: "${label}", value: "${key}" }],
      },
      { type: "Input.Text", id: "workingWell", label: "What is working well, and why", isMultiline: true, maxLength: 4000, value: "${workingWell}" },
      { type: "Input.Text", id: "needsToBeBetter", label: "What needs to be better", isMultiline: true, maxLength: 4000, value: "${needsToBeBetter}" },
    ],
    actions: [
      { type: "Action.Execute", title: "Save draft", verb: "audit.assess", data: { auditId: "${auditId}" } },
      { type: "Action.Execute", title: "Submit audit", verb: "audit.submit", data: { auditId: "${auditId}" }, style: "positive" },
    ],
  },
} as const;

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    titleBlock("Audit of case ${caseReference}"),
    {
      type: "FactSet",
      facts: [
        { title: "Audit", value: "${auditType}" },
        { title: "Audit tool", value: "${toolName}" },
        { title: "Practitioner", value: "${practitionerName}" },
        { title: "Due", value: "${due}" },
        { title: "Status", value: "${status}" },
      ],
    },
    { type: "TextBlock", $when: "${canStart}", text: "Start the audit when you are ready, or decline it if you cannot do it.", wrap: true },
    { type: "TextBlock", $when: "${declineReason != ''}", text: "You declined: ${declineReason}", wrap: true, isSubtle: true },
    { type: "TextBlock", $when: "${missing != ''}", text: "Not graded yet: ${missing}", wrap: true, color: "Warning" },
    { type: "TextBlock", $when: "${longTool}", text: "This audit tool is long, so grade it in the full audit form.", wrap: true },
  ],
  actions: [
    { $when: "${canStart}", type: "Action.Execute", title: "Start", verb: "audit.start", data: { auditId: "${auditId}" }, style: "positive" },
    {
      $when: "${canStart}",
      type: "Action.ShowCard",
      title: "Decline",
      card: {
        type: "AdaptiveCard",
        body: [
          {
            type: "Input.Text",
            id: "reason",
            label: "Why can't you do this audit?",
            isRequired: true,
            errorMessage: "Give a reason so the QA lead can reassign it",
            isMultiline: true,
            maxLength: 1000,
          },
        ],
        actions: [{ type: "Action.Execute", title: "Decline the audit", verb: "audit.decline", data: { auditId: "${auditId}" } }],
      },
    },
    { ...gradingForm, $when: "${canGrade && !longTool}" },
    openAuditAction,
  ],
} as const;

export function auditCard(view: AuditCardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
