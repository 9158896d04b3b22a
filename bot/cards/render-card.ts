// Cards are Adaptive Card templates bound to data with
// adaptivecards-templating, never assembled by string concatenation. After
// binding, every Action.Execute gets an Action.Submit fallback (for clients
// without Universal Actions) and the card gets a refresh action so that each
// viewer sees it as it is now.
import * as ACData from "adaptivecards-templating";

export type CardTemplate = Readonly<Record<string, unknown>>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  version: string;
  body: unknown[];
  actions?: unknown[];
  refresh?: unknown;
  [property: string]: unknown;
}

export interface CardRefresh {
  verb: string;
  data: Record<string, string>;
  /** Teams user ids (29:…) whose clients refresh the card automatically. */
  userIds: string[];
}

interface ExecuteAction {
  type: "Action.Execute";
  title?: string;
  verb?: string;
  data?: Record<string, unknown>;
  fallback?: unknown;
}

function addSubmitFallbacks(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(addSubmitFallbacks);
    return;
  }
  if (!node || typeof node !== "object") return;
  const element = node as Record<string, unknown>;
  if (element.type === "Action.Execute" && element.fallback === undefined) {
    const action = element as unknown as ExecuteAction;
    action.fallback = { type: "Action.Submit", title: action.title, data: { ...action.data, verb: action.verb } };
  }
  for (const [key, value] of Object.entries(element)) if (key !== "fallback") addSubmitFallbacks(value);
}

export function renderCard(template: CardTemplate, data: object, refresh?: CardRefresh): AdaptiveCard {
  const expanded: unknown = new ACData.Template(template).expand({ $root: data });
  if (!expanded || typeof expanded !== "object" || (expanded as { type?: unknown }).type !== "AdaptiveCard") {
    throw new Error("A card template did not expand to an Adaptive Card");
  }
  const card = expanded as AdaptiveCard;
  addSubmitFallbacks(card.body);
  addSubmitFallbacks(card.actions);
  if (refresh && refresh.userIds.length > 0) {
    card.refresh = { action: { type: "Action.Execute", verb: refresh.verb, data: refresh.data }, userIds: refresh.userIds };
  }
  return card;
}
