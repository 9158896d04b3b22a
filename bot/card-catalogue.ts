// Which card shows which record, for one viewer. Notifications, card
// actions and card refreshes all come through here.
import { DomainError } from "../api/domain/errors.js";
import type { Notification } from "../api/domain/records/notification.js";
import { requireRecord } from "../api/services/people.js";
import { answerStatus } from "../api/services/workforce-voice.js";
import { actionView, auditView, moderationView, reflectionView, surveyView, type ViewContext } from "./card-views.js";
import { actionCard } from "./cards/action-card.js";
import { auditCard } from "./cards/audit-card.js";
import { auditDeclinedCard } from "./cards/audit-declined-card.js";
import { moderationCard } from "./cards/moderation-card.js";
import { moderationEscalationCard } from "./cards/moderation-escalation-card.js";
import { moderationOutcomeCard } from "./cards/moderation-outcome-card.js";
import { moderationPanelCard } from "./cards/moderation-panel-card.js";
import { parallelComparisonCard } from "./cards/parallel-comparison-card.js";
import { reflectionInviteCard } from "./cards/reflection-invite-card.js";
import type { AdaptiveCard, CardRefresh } from "./cards/render-card.js";
import { bulletinView, youSaidWeDidView } from "./bulletin-card-views.js";
import { bulletinCard } from "./cards/bulletin-card.js";
import { youSaidWeDidCard } from "./cards/you-said-we-did-card.js";
import { feedback360Card } from "./cards/feedback-360-card.js";
import { observationCard } from "./cards/observation-card.js";
import { feedback360View, observationView } from "./observation-views.js";
import { surveyCard } from "./cards/survey-card.js";

export const cardKinds = [
  "audit",
  "audit_declined",
  "reflection",
  "moderation",
  "moderation_outcome",
  "action",
  "moderation_panel",
  "moderation_escalation",
  "parallel_comparison",
  "bulletin",
  "you_said_we_did",
  "observation",
  "feedback_360",
  "survey",
] as const;
export type CardKind = (typeof cardKinds)[number];

export interface CardSubject {
  card: CardKind;
  id: string;
  /** What the card is about besides its record: the audit a reflective feedback prompt follows. */
  occasion?: string;
}

export function subjectOf(notification: Notification): CardSubject {
  switch (notification.kind) {
    case "audit_assigned":
      return { card: "audit", id: notification.auditId };
    case "audit_declined":
      return { card: "audit_declined", id: notification.auditId };
    case "reflection_requested":
      return { card: "reflection", id: notification.auditId };
    case "moderation_requested":
      return { card: "moderation", id: notification.moderationId };
    case "moderation_outcome":
    case "moderation_resolved":
      return { card: "moderation_outcome", id: notification.moderationId };
    case "moderation_panel_invited":
      return { card: "moderation_panel", id: notification.moderationId };
    case "moderation_escalated":
      return { card: "moderation_escalation", id: notification.moderationId };
    case "parallel_audit_compared":
      return { card: "parallel_comparison", id: notification.moderationId };
    case "action_raised":
    case "action_overdue":
      return { card: "action", id: notification.actionId };
    case "bulletin_published":
      return { card: "bulletin", id: notification.bulletinId };
    case "you_said_we_did_published":
      return { card: "you_said_we_did", id: notification.updateId };
    case "observation_reflection_requested":
      return { card: "observation", id: notification.observationId };
    case "feedback_360_requested":
      return { card: "feedback_360", id: notification.roundId };
    case "survey_sent":
      return { card: "survey", id: notification.surveyId };
    case "reflective_feedback_requested":
      return { card: "survey", id: notification.surveyId, occasion: notification.auditId };
  }
}

/** The card for a subject as `context.viewerId` should see it now; refreshes for `teamsUserId`. */
export async function cardFor(subject: CardSubject, context: ViewContext, teamsUserId?: string): Promise<AdaptiveCard> {
  const refresh: CardRefresh | undefined = teamsUserId
    ? { verb: "card.refresh", data: { card: subject.card, id: subject.id, ...(subject.occasion ? { occasion: subject.occasion } : {}) }, userIds: [teamsUserId] }
    : undefined;
  const { store } = context;
  switch (subject.card) {
    case "audit":
    case "audit_declined":
    case "reflection": {
      const audit = await store.get("audit", subject.id);
      if (!audit) throw new DomainError("not_found", "This audit no longer exists.", { id: subject.id });
      if (subject.card === "audit") return auditCard(await auditView(context, audit), refresh);
      if (subject.card === "audit_declined") return auditDeclinedCard(await auditView(context, audit));
      return reflectionInviteCard(await reflectionView(context, audit), refresh);
    }
    case "moderation":
    case "moderation_outcome":
    case "moderation_panel":
    case "moderation_escalation":
    case "parallel_comparison": {
      const moderation = requireRecord(await store.get("moderation", subject.id), "moderation", subject.id);
      const view = await moderationView(context, moderation);
      if (subject.card === "moderation") return moderationCard(view, refresh);
      if (subject.card === "moderation_panel") return moderationPanelCard(view, refresh);
      if (subject.card === "moderation_escalation") return moderationEscalationCard(view, refresh);
      if (subject.card === "parallel_comparison") return parallelComparisonCard(view);
      return moderationOutcomeCard(view, refresh);
    }
    case "action": {
      const action = requireRecord(await store.get("action", subject.id), "action", subject.id);
      return actionCard(await actionView(context, action), refresh);
    }
    case "bulletin": {
      const bulletin = requireRecord(await store.get("bulletin", subject.id), "bulletin", subject.id);
      return bulletinCard(bulletinView(context, bulletin), refresh);
    }
    case "you_said_we_did": {
      const update = requireRecord(await store.get("youSaidWeDid", subject.id), '"you said, we did" update', subject.id);
      return youSaidWeDidCard(await youSaidWeDidView(context, update));
    }
    case "observation": {
      const observation = requireRecord(await store.get("observation", subject.id), "observation", subject.id);
      return observationCard(await observationView(context, observation), refresh);
    }
    case "feedback_360": {
      const round = requireRecord(await store.get("feedback360Round", subject.id), "360-degree feedback request", subject.id);
      return feedback360Card(await feedback360View(context, round), refresh);
    }
    case "survey": {
      const survey = requireRecord(await store.get("survey", subject.id), "survey", subject.id);
      const viewer = requireRecord(await store.get("person", context.viewerId), "person", context.viewerId);
      const occasion = subject.occasion ?? "";
      return surveyCard(await surveyView(context, survey, occasion, await answerStatus(store, survey, viewer, occasion, context.today)), refresh);
    }
  }
}
