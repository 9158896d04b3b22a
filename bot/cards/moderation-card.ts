// Asks a moderator to check an audit's grades: agree, or re-grade with a
// rationale. The auditor's grades are shown and kept; re-grades sit beside them.
import type { ModerationCardView } from "../card-views.js";
import { noticeBlock, openAuditAction, titleBlock } from "./card-parts.js";
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
        { title: "Why moderated", value: "${sampledBecause}" },
        { title: "Status", value: "${status}" },
      ],
    },
    {
      type: "Table",
      firstRowAsHeader: true,
      columns: [{ width: 3 }, { width: 2 }, { width: 2 }],
      rows: [
        {
          type: "TableRow",
          cells: [
            { type: "TableCell", items: [{ type: "TextBlock", text: "Section", weight: "Bolder", wrap: true }] },
            { type: "TableCell", items: [{ type: "TextBlock", text: "Auditor's grade", weight: "Bolder", wrap: true }] },
            { type: "TableCell", items: [{ type: "TextBlock", text: "Moderated grade", weight: "Bolder", wrap: true }] },
          ],
        },
        {
          $data: "${rows}",
          type: "TableRow",
          cells: [
            { type: "TableCell", items: [{ type: "TextBlock", text: "${title}", wrap: true }] },
            { type: "TableCell", items: [{ type: "TextBlock", text: "${auditorGrade}", wrap: true }] },
            { type: "TableCell", items: [{ type: "TextBlock", text: "${moderatorGrade}", wrap: true }] },
          ],
        },
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
