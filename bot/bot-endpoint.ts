// Wires botbuilder's CloudAdapter, the activity handler and the outbox to
// the HTTP server. Every botbuilder type stays inside bot/, so moving to the
// Microsoft 365 Agents SDK touches only this folder.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CardFactory, CloudAdapter, type Request, type Response } from "botbuilder";
import type { Config } from "../api/config.js";
import type { ActionTracker } from "../api/services/action-tracker.js";
import type { AuditWorkflow } from "../api/services/audit-workflow.js";
import type { BulletinService } from "../api/services/bulletins.js";
import type { Store } from "../api/store/port.js";
import { BotRequestAuthentication } from "./bot-authentication.js";
import { cardFor, subjectOf } from "./card-catalogue.js";
import { botActor, personalConversationOf, teamsUserIdOf } from "./conversations.js";
import { GoldenThreadBot } from "./golden-thread-bot.js";
import { activityProblems } from "./incoming-activity.js";
import { OutboxWorker, requeueForRecipient } from "./outbox/outbox-worker.js";
import { TeamsDelivery } from "./outbox/teams-delivery.js";
import { outboxTransportSettings } from "./outbox/transport-settings.js";

export interface BotEndpoint {
  /** Problems with the activity's shape; empty when botbuilder may process it. */
  check(body: unknown): string[];
  process(request: IncomingMessage & { body?: unknown }, response: ServerResponse): Promise<void>;
  authenticated: boolean;
  /** Look at the outbox now (after a change that queued a notification). */
  wakeOutbox(): void;
  stop(): Promise<void>;
}

export interface BotParts {
  config: Config;
  store: Store;
  workflow: AuditWorkflow;
  actions: ActionTracker;
  bulletins: BulletinService;
  tabUrl: () => string;
  now: () => Date;
  log: (line: string) => void;
}

export function createBotEndpoint({ config, store, workflow, actions, bulletins, tabUrl, now, log }: BotParts): BotEndpoint {
  const authentication = new BotRequestAuthentication({
    MicrosoftAppId: config.bot.appId ?? "",
    MicrosoftAppPassword: config.bot.appPassword ?? "",
    MicrosoftAppTenantId: config.bot.tenantId ?? "",
    // botbuilder only allows an anonymous (loopback) bot with the MultiTenant type.
    MicrosoftAppType: config.bot.appId ? config.bot.appType : "MultiTenant",
    ...(config.bot.openIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: config.bot.openIdMetadataUrl } : {}),
    ...(config.bot.tokenIssuer ? { ToBotFromChannelTokenIssuer: config.bot.tokenIssuer } : {}),
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context, error) => {
    // Log the failure, never the message text: it may hold case details.
    log(`bot: turn failed (${context.activity.type} in ${context.activity.channelId}): ${error instanceof Error ? error.message : String(error)}`);
    await context.sendActivity("Sorry, something went wrong on Golden Thread's side. Please try again in a minute.");
  };

  const delivery = new TeamsDelivery(adapter, config.bot.appId ?? "");
  const outbox = new OutboxWorker({
    store,
    actor: botActor,
    log,
    now,
    ...outboxTransportSettings(config.outbox, store, now, log),
    delivery: {
      send: (conversation, activity) => delivery.send(conversation, activity),
      render: async (message) => {
        // A channel post is the same card for everyone in the channel: no viewer, no per-user refresh.
        const toPerson = message.to !== "channel";
        const conversation = toPerson ? await personalConversationOf(store, message.recipientId) : undefined;
        const context = { store, tabUrl: tabUrl(), today: now().toISOString().slice(0, 10), viewerId: toPerson ? message.recipientId : "" };
        try {
          const card = await cardFor(subjectOf(message.notification), context, teamsUserIdOf(conversation));
          return { type: "message", attachments: [CardFactory.adaptiveCard(card)] };
        } catch {
          return undefined; // the record has gone: nothing left to say
        }
      },
    },
  });
  outbox.start();

  const bot = new GoldenThreadBot({
    store,
    workflow,
    actions,
    bulletins,
    tabUrl,
    now,
    onInstalled: async (recipientId) => {
      await requeueForRecipient(store, recipientId, botActor);
      outbox.wake();
    },
  });
  return {
    authenticated: Boolean(config.bot.appId),
    check: activityProblems,
    process: async (request, response) => {
      await adapter.process(request as unknown as Request, response as unknown as Response, (context) => bot.run(context));
      outbox.wake();
    },
    wakeOutbox: () => outbox.wake(),
    stop: () => outbox.stop(),
  };
}
