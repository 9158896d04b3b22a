// Asks a moderator (or a panel's chair) to check an audit's grades: agree,
// or re-grade with a rationale. The auditor's grades are shown and kept;
// re-grades sit beside them. A chair also sees the panel members' views.
import type { ModerationCardView } from "../card-views.js";
import { noticeBlock, openAuditAction, titleBlock } from "./card-parts.js";
import { gradeTable } from "./moderation-grade-table.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    titleBlock("Moderate the audit of case ${caseReference}"),
    {
      type: "FactSet",
      facts: [
        { title: "Auditor", value: "${auditorName}" },
        { title: "Audit", value: "${auditType}" },
        { title: "Moderation", value: "${kind}" },
        { title: "Why moderated", value: "${sampledBecause}" },
        { title: "Status", value: "${status}" },
      ],
    },
    gradeTable([
      { heading: "Auditor's grade", field: "auditorGrade" },
      { heading: "Moderated grade", field: "moderatorGrade" },
    ]),
    { type: "TextBlock", $when: "${isPanel}", text: "You chair this panel. Members: ${panelMembers}", wrap: true },
    {
      type: "Container",
      $when: "${count(panelViews) > 0}",
      items: [
        { type: "TextBlock", text: "Panel members' views", weight: "Bolder", wrap: true },
        { $data: "${panelViews}", type: "TextBlock", text: "${name}: ${grades}. ${comment}", wrap: true },
      ],
    },
    { type: "TextBlock", $when: "${outcome != ''}", text: "Outcome: ${outcome}", wrap: true, weight: "Bolder" },
    { type: "TextBlock", $when: "${rationale != ''}", text: "Rationale: ${rationale}", wrap: true },
  ],
  actions: [
    { $when: "${canModerate}", type: "Action.Execute", title: "Agree with the grades", verb: "moderation.agree", data: { moderationId: "${moderationId}" }, style: "positive" },
    {
      $when: "${canModerate}",
      type: "Action.ShowCard",
      title: "Re-grade",
      card: {
        type: "AdaptiveCard",
        body: [
          {
            $data: "${rows}",
            type: "Input.ChoiceSet",
            id: "grade:${sectionKey}",
            label: "${title}",
            value: "${auditorGradeKey}",
            choices: [{ $data: "${$root.grades}", title: "${label}", value: "${key}" }],
          },
          {
            type: "Input.Text",
            id: "rationale",
            label: "Why are you re-grading?",
            isRequired: true,
            errorMessage: "Give your rationale: the auditor will see it",
            isMultiline: true,
            maxLength: 4000,
          },
        ],
        actions: [{ type: "Action.Execute", title: "Record my grades", verb: "moderation.regrade", data: { moderationId: "${moderationId}" } }],
      },
    },
    openAuditAction,
  ],
} as const;

export function moderationCard(view: ModerationCardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
