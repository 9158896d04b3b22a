// A pulse survey, health check or reflective feedback prompt, answered on
// the card. The card says plainly what is anonymous; once answered it shows
// only that the person answered, never what they said.
import type { SurveyCardView } from "../card-views.js";
import { noticeBlock, titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    titleBlock("${title}"),
    { type: "TextBlock", text: "${kindLabel}: ${round}", isSubtle: true, spacing: "None", wrap: true },
    { type: "TextBlock", $when: "${caseReference != ''}", text: "About the audit of case ${caseReference}.", wrap: true },
    { type: "TextBlock", $when: "${introduction != ''}", text: "${introduction}", wrap: true },
    {
      type: "TextBlock",
      text: "Your answers are anonymous. Golden Thread keeps that you answered, so you are not asked twice, but not what you said beside your name. Results are shown only for groups where at least ${minimumGroupSize} people answered.",
      wrap: true,
      size: "Small",
    },
    { type: "FactSet", facts: [{ title: "Status", value: "${stateText}" }] },
    {
      type: "Container",
      $when: "${canAnswer}",
      items: [
        {
          type: "Container",
          $data: "${questions}",
          items: [
            {
              type: "Input.ChoiceSet",
              $when: "${isScale}",
              id: "${inputId}",
              label: "${text}",
              style: "expanded",
              isRequired: true,
              errorMessage: "Choose one answer",
              choices: [{ $data: "${choices}", title: "${title}", value: "${value}" }],
            },
            {
              type: "Input.Text",
              $when: "${!isScale}",
              id: "${inputId}",
              label: "${text} (optional)",
              isMultiline: true,
              maxLength: 2000,
            },
          ],
        },
      ],
    },
  ],
  actions: [
    {
      $when: "${canAnswer}",
      type: "Action.Execute",
      title: "Send my answers",
      verb: "survey.answer",
      data: { surveyId: "${surveyId}", occasion: "${occasion}" },
      style: "positive",
    },
  ],
} as const;

export function surveyCard(view: SurveyCardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
