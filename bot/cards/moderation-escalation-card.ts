// Asks the QA lead to decide a disputed moderation. Their decision is final
// and recorded with who, when and why; the auditor's own grades are kept.
import type { ModerationCardView } from "../card-views.js";
import { noticeBlock, openAuditAction, titleBlock } from "./card-parts.js";
import { gradeTable } from "./moderation-grade-table.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    titleBlock("Decide the disputed moderation of case ${caseReference}"),
    {
      type: "FactSet",
      facts: [
        { title: "Auditor", value: "${auditorName}" },
        { title: "Moderator", value: "${moderatorName}" },
        { title: "Status", value: "${status}" },
      ],
    },
    gradeTable([
      { heading: "Auditor", field: "auditorGrade" },
      { heading: "Moderator", field: "moderatorGrade" },
      { heading: "Final", field: "finalGrade" },
    ]),
    { type: "TextBlock", $when: "${rationale != ''}", text: "Moderator's rationale: ${rationale}", wrap: true },
    { type: "TextBlock", $when: "${auditorResponse != ''}", text: "Auditor: ${auditorResponse}", wrap: true },
    { type: "TextBlock", $when: "${decision != ''}", text: "${decision}", wrap: true, weight: "Bolder" },
  ],
  actions: [
    {
      $when: "${canDecide}",
      type: "Action.ShowCard",
      title: "Decide",
      card: {
        type: "AdaptiveCard",
        body: [
          {
            $data: "${rows}",
            type: "Input.ChoiceSet",
            id: "grade:${sectionKey}",
            label: "${title}: final grade",
            value: "${moderatorGradeKey}",
            choices: [{ $data: "${$root.grades}", title: "${label}", value: "${key}" }],
          },
          {
            type: "Input.Text",
            id: "rationale",
            label: "The reasons for your decision",
            isRequired: true,
            errorMessage: "Give your reasons: the auditor and moderator will read them",
            isMultiline: true,
            maxLength: 4000,
          },
        ],
        actions: [{ type: "Action.Execute", title: "Record my final decision", verb: "moderation.decide", data: { moderationId: "${moderationId}" } }],
      },
    },
    openAuditAction,
  ],
} as const;

export function moderationEscalationCard(view: ModerationCardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
