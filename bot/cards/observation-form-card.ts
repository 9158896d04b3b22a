// The "observe" command's form: record a practice observation from Teams.
// One agreed action per line; each is owned by the practitioner and due on
// the date given, and lands in the action tracker.
import type { ObservationFormView } from "../observation-views.js";
import { noticeBlock, titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    titleBlock("Record a practice observation"),
    { type: "TextBlock", text: "Use case references only: never a child's or family member's name.", wrap: true, isSubtle: true },
    { type: "TextBlock", $when: "${count(practitioners) == 0}", text: "There is no practitioner in your teams to observe.", wrap: true },
    {
      type: "Input.ChoiceSet",
      id: "practitionerId",
      label: "Practitioner observed",
      isRequired: true,
      errorMessage: "Choose the practitioner",
      choices: [{ $data: "${practitioners}", title: "${title}", value: "${value}" }],
    },
    {
      type: "Input.ChoiceSet",
      id: "setting",
      label: "Setting",
      isRequired: true,
      errorMessage: "Choose the setting",
      choices: [{ $data: "${settings}", title: "${title}", value: "${value}" }],
    },
    { type: "Input.Date", id: "observedOn", label: "Date observed", isRequired: true, max: "${today}", value: "${today}", errorMessage: "Choose the date (not in the future)" },
    { type: "Input.Text", id: "caseReference", label: "Case reference (optional)", placeholder: "NM-100231", maxLength: 30 },
    { type: "Input.Text", id: "strengths", label: "What went well", isRequired: true, isMultiline: true, maxLength: 4000, errorMessage: "Say what went well" },
    { type: "Input.Text", id: "areasToDevelop", label: "Areas to develop", isMultiline: true, maxLength: 4000 },
    { type: "Input.Text", id: "agreedActions", label: "Agreed actions, one per line (owned by the practitioner)", isMultiline: true, maxLength: 3000 },
    { type: "Input.Date", id: "actionsDueOn", label: "Agreed actions due by", min: "${today}" },
  ],
  actions: [{ type: "Action.Execute", title: "Record the observation", verb: "observation.record", data: {}, style: "positive" }],
} as const;

export function observationFormCard(view: ObservationFormView): AdaptiveCard {
  return renderCard(template, view);
}
