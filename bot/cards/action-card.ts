// An action from an audit, for its owner: what, why, by when; mark it done
// with evidence, or ask for more time with a new date and a reason.
import type { ActionCardView } from "../card-views.js";
import { noticeBlock, titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    { type: "TextBlock", $when: "${overdue}", text: "Overdue: this was due ${due}", color: "Attention", weight: "Bolder", wrap: true },
    titleBlock("${title}"),
    {
      type: "FactSet",
      facts: [
        { title: "Why", value: "${reason}" },
        { title: "From the audit of", value: "${caseReference}" },
        { title: "Due", value: "${due}" },
        { title: "Status", value: "${status}" },
      ],
    },
    { type: "TextBlock", $when: "${evidence != ''}", text: "Evidence: ${evidence}", wrap: true },
  ],
  actions: [
    {
      $when: "${canUpdate}",
      type: "Action.ShowCard",
      title: "Mark done",
      card: {
        type: "AdaptiveCard",
        body: [
          {
            type: "Input.Text",
            id: "evidence",
            label: "What shows it is done?",
            isRequired: true,
            errorMessage: "Say what shows the action is done",
            isMultiline: true,
            maxLength: 4000,
          },
        ],
        actions: [{ type: "Action.Execute", title: "Mark done", verb: "action.done", data: { actionId: "${actionId}" }, style: "positive" }],
      },
    },
    {
      $when: "${canUpdate}",
      type: "Action.ShowCard",
      title: "Need more time",
      card: {
        type: "AdaptiveCard",
        body: [
          { type: "Input.Date", id: "dueDate", label: "New due date", isRequired: true, min: "${tomorrow}", errorMessage: "Choose a date after the current due date" },
          { type: "Input.Text", id: "reason", label: "Why do you need more time?", isRequired: true, errorMessage: "Give a reason", isMultiline: true, maxLength: 1000 },
        ],
        actions: [{ type: "Action.Execute", title: "Ask for more time", verb: "action.extend", data: { actionId: "${actionId}" } }],
      },
    },
  ],
} as const;

export function actionCard(view: ActionCardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
