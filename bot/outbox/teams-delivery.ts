// The outbox's production send: one proactive activity into a stored Teams
// conversation through botbuilder's CloudAdapter. Every botbuilder type stays
// here (and in the rest of bot/).
//
// Three things botbuilder 4.23 does by default that the outbox must not have:
// - context.sendActivity in a continued conversation replies to the
//   continuation event's made-up id (POST …/activities/{random id}); a
//   proactive message is a new message in the conversation, so the reply id is
//   dropped and it posts to {serviceUrl}v3/conversations/{id}/activities.
// - its HTTP pipeline retries 429 and 5xx by itself, up to 3 times, where the
//   outbox cannot see, record or rate-limit those requests; the retry policy is
//   removed so that the outbox is the only one retrying (durably, honouring
//   Retry-After, slowing the conversation).
// - an error inside the turn goes to the adapter's onTurnError (which would
//   tell the recipient "something went wrong" and swallow the error); the
//   error is caught inside the turn and rethrown to the outbox instead.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConversationReference,
  type TurnContext,
} from "botbuilder";
import type { Saved } from "../../api/store/port.js";

interface PipelineLike {
  removePolicy(options: { phase: "Retry" }): unknown;
}

/** Removes the connector client's own retry policy (reached through botbuilder's compat wrapper; skipped if its shape changes). */
function withoutSdkRetries(context: TurnContext, adapter: CloudAdapter): boolean {
  const connectorClient = context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: Partial<PipelineLike> } } | undefined;
  const pipeline = connectorClient?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== "function") return false;
  pipeline.removePolicy({ phase: "Retry" });
  return true;
}

function invalidReference(problem: string): Error {
  // A 400: retrying cannot fix a reference that is not there.
  return Object.assign(new Error(`The stored conversation reference ${problem}.`), { statusCode: 400, code: "InvalidConversationReference" });
}

export class TeamsDelivery {
  private warnedAboutRetries = false;

  /** `appId` is the bot's Microsoft App ID, or "" for an anonymous local bot. */
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Sends `activity` into the conversation; resolves with the id Teams gave it, or rejects with botbuilder's RestError. */
  async send(conversation: Saved<"teamsConversation">, activity: Record<string, unknown>): Promise<{ id?: string }> {
    const reference = conversation.reference as Partial<ConversationReference>;
    if (typeof reference.serviceUrl !== "string" || !reference.serviceUrl) throw invalidReference("has no serviceUrl");
    if (typeof reference.conversation?.id !== "string" || !reference.conversation.id) throw invalidReference("has no conversation id");

    let sentId: string | undefined;
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      try {
        if (!withoutSdkRetries(context, this.adapter) && !this.warnedAboutRetries) {
          this.warnedAboutRetries = true;
          this.log("outbox: could not turn off botbuilder's own retries; throttled sends may be retried twice");
        }
        context.onSendActivities(async (_context, activities, next) => {
          for (const outgoing of activities) delete outgoing.replyToId;
          return next();
        });
        const response = await context.sendActivity(activity as Partial<Activity>);
        sentId = response?.id;
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    return sentId === undefined ? {} : { id: sentId };
  }
}

/**
 * A delivery for an anonymous bot on loopback (no App ID), configured as
 * bot/bot-endpoint.ts does for local runs: botbuilder allows no App ID only
 * with the MultiTenant app type, and then sends without a token.
 */
export function localTeamsDelivery(log?: (line: string) => void): TeamsDelivery {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: "",
    MicrosoftAppPassword: "",
    MicrosoftAppTenantId: "",
    MicrosoftAppType: "MultiTenant",
  });
  return new TeamsDelivery(new CloudAdapter(authentication), "", log);
}
