// Invites a moderator to a moderation panel: they give their own view of
// each grade, with a comment. The chair records the one agreed outcome;
// members whose view differs are recorded as dissenting.
import type { ModerationCardView } from "../card-views.js";
import { noticeBlock, openAuditAction, titleBlock } from "./card-parts.js";
import { gradeTable } from "./moderation-grade-table.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    titleBlock("Moderation panel for case ${caseReference}"),
    {
      type: "FactSet",
      facts: [
        { title: "Auditor", value: "${auditorName}" },
        { title: "Chair", value: "${moderatorName}" },
        { title: "Panel", value: "${panelMembers}" },
        { title: "Status", value: "${status}" },
      ],
    },
    gradeTable([
      { heading: "Auditor's grade", field: "auditorGrade" },
      { heading: "Agreed grade", field: "moderatorGrade" },
    ]),
    { type: "TextBlock", $when: "${canGiveView}", text: "Give your own view of each grade. The chair records the panel's agreed outcome; a different view is recorded as dissent.", wrap: true },
    {
      type: "Container",
      $when: "${count(dissent) > 0}",
      items: [
        { type: "TextBlock", text: "Dissent", weight: "Bolder", wrap: true },
        { $data: "${dissent}", type: "TextBlock", text: "${name}: ${detail}", wrap: true },
      ],
    },
  ],
  actions: [
    {
      $when: "${canGiveView}",
      type: "Action.ShowCard",
      title: "Give my view",
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
          { type: "Input.Text", id: "comment", label: "Your comment for the chair", isMultiline: true, maxLength: 4000 },
        ],
        actions: [{ type: "Action.Execute", title: "Record my view", verb: "moderation.view", data: { moderationId: "${moderationId}" } }],
      },
    },
    openAuditAction,
  ],
} as const;

export function moderationPanelCard(view: ModerationCardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
