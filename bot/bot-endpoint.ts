// Wires botbuilder's CloudAdapter to the HTTP server. Every botbuilder type
// stays inside bot/, so moving to the Microsoft 365 Agents SDK touches only
// this folder.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Request, type Response } from "botbuilder";
import type { Config } from "../api/config.js";
import type { Store } from "../api/store/port.js";
import { GoldenThreadBot, type BotSettings } from "./golden-thread-bot.js";
import { activityProblems } from "./incoming-activity.js";

export interface BotEndpoint {
  /** Problems with the activity's shape; empty when botbuilder may process it. */
  check(body: unknown): string[];
  process(request: IncomingMessage & { body?: unknown }, response: ServerResponse): Promise<void>;
  authenticated: boolean;
}

export function createBotEndpoint(
  config: Config,
  store: Store,
  settings: BotSettings,
  log: (line: string) => void,
): BotEndpoint {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? "",
    MicrosoftAppPassword: config.bot.appPassword ?? "",
    MicrosoftAppTenantId: config.bot.tenantId ?? "",
    // botbuilder only allows an anonymous (loopback) bot with the MultiTenant type.
    MicrosoftAppType: config.bot.appId ? config.bot.appType : "MultiTenant",
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context, error) => {
    // Log the failure, never the message text: it may hold case details.
    log(`bot: turn failed (${context.activity.type} in ${context.activity.channelId}): ${error instanceof Error ? error.message : String(error)}`);
    await context.sendActivity("Sorry, something went wrong on Golden Thread's side. Please try again in a minute.");
  };
  const bot = new GoldenThreadBot(store, settings);
  return {
    authenticated: Boolean(config.bot.appId),
    check: activityProblems,
    process: (request, response) =>
      adapter.process(request as unknown as Request, response as unknown as Response, (context) => bot.run(context)),
  };
}
