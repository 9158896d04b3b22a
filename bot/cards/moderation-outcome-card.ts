// Tells the auditor how moderation went, with both sets of grades. After a
// re-grade the auditor accepts the moderated grades or disagrees, with a
// reason, and the disagreement goes to the QA lead. Once resolved, the card
// shows the final grades and who decided, when and why.
import type { ModerationCardView } from "../card-views.js";
import { noticeBlock, openAuditAction, titleBlock } from "./card-parts.js";
import { gradeTable } from "./moderation-grade-table.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    titleBlock("Moderation of case ${caseReference}: ${outcome}"),
    { type: "TextBlock", text: "${moderatorName} moderated the audit by ${auditorName}.", wrap: true },
    { type: "FactSet", facts: [{ title: "Status", value: "${status}" }] },
    gradeTable([
      { heading: "Auditor", field: "auditorGrade" },
      { heading: "Moderator", field: "moderatorGrade" },
      { heading: "Outcome", field: "outcome" },
      { heading: "Final", field: "finalGrade" },
    ]),
    { type: "TextBlock", $when: "${rationale != ''}", text: "Rationale: ${rationale}", wrap: true },
    { type: "TextBlock", $when: "${auditorResponse != ''}", text: "Auditor: ${auditorResponse}", wrap: true },
    { type: "TextBlock", $when: "${escalatedTo != '' && decision == ''}", text: "With ${escalatedTo} (QA lead) to decide.", wrap: true },
    { type: "TextBlock", $when: "${decision != ''}", text: "${decision}", wrap: true, weight: "Bolder" },
    {
      type: "Container",
      $when: "${count(dissent) > 0}",
      items: [
        { type: "TextBlock", text: "Dissent on the panel", weight: "Bolder", wrap: true },
        { $data: "${dissent}", type: "TextBlock", text: "${name}: ${detail}", wrap: true },
      ],
    },
  ],
  actions: [
    {
      $when: "${canRespond}",
      type: "Action.Execute",
      title: "Accept the moderated grades",
      verb: "moderation.accept",
      data: { moderationId: "${moderationId}" },
      style: "positive",
    },
    {
      $when: "${canRespond}",
      type: "Action.ShowCard",
      title: "I disagree",
      card: {
        type: "AdaptiveCard",
        body: [
          {
            type: "Input.Text",
            id: "reason",
            label: "Why do you disagree? The QA lead will decide.",
            isRequired: true,
            errorMessage: "Give your reason: the QA lead will read it",
            isMultiline: true,
            maxLength: 4000,
          },
        ],
        actions: [{ type: "Action.Execute", title: "Send to the QA lead", verb: "moderation.dispute", data: { moderationId: "${moderationId}" } }],
      },
    },
    openAuditAction,
  ],
} as const;

export function moderationOutcomeCard(view: ModerationCardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
