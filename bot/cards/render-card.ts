// Cards are Adaptive Card templates bound to data with
// adaptivecards-templating, never assembled by string concatenation.
import * as ACData from "adaptivecards-templating";

export type CardTemplate = Readonly<Record<string, unknown>>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  version: string;
  body: unknown[];
  actions?: unknown[];
  [property: string]: unknown;
}

export function renderCard(template: CardTemplate, data: object): AdaptiveCard {
  const expanded: unknown = new ACData.Template(template).expand({ $root: data });
  if (!expanded || typeof expanded !== "object" || (expanded as { type?: unknown }).type !== "AdaptiveCard") {
    throw new Error("A card template did not expand to an Adaptive Card");
  }
  return expanded as AdaptiveCard;
}
