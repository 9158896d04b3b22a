// The Teams activity handler: records where people can be reached, routes
// card actions by verb, runs the reflection conversation and answers
// commands. Every botbuilder type stays in bot/.
import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from "botbuilder";
import type { ActionTracker } from "../api/services/action-tracker.js";
import type { AuditWorkflow } from "../api/services/audit-workflow.js";
import type { BulletinService } from "../api/services/bulletins.js";
import { WorkforceVoice } from "../api/services/workforce-voice.js";
import { personByEntraId, type Person } from "../api/services/people.js";
import type { Store } from "../api/store/port.js";
import { runCardAction, type CardActionResult } from "./card-actions.js";
import { runCommand } from "./commands.js";
import { markConversation, rememberConversation, type SavedConversation } from "./conversations.js";
import { welcomeCard } from "./cards/welcome-card.js";
import type { AdaptiveCard } from "./cards/render-card.js";
import { ReflectionChat } from "./reflection-chat.js";

export interface BotSettings {
  store: Store;
  workflow: AuditWorkflow;
  actions: ActionTracker;
  bulletins: BulletinService;
  /** The tab's address; read per message because a test server learns its port only once listening. */
  tabUrl: () => string;
  now: () => Date;
  /** Someone installed the bot: deliver what was waiting for them. */
  /** The person, or for a team channel the stored conversation's id: their outbox messages are what was waiting. */
  onInstalled: (recipientId: string) => Promise<void>;
}

const cardActivity = (card: AdaptiveCard) => ({ attachments: [CardFactory.adaptiveCard(card)] });

export class GoldenThreadBot extends TeamsActivityHandler {
  private readonly reflection: ReflectionChat;
  private readonly voice: WorkforceVoice;

  constructor(private readonly settings: BotSettings) {
    super();
    this.reflection = new ReflectionChat(settings.store, settings.workflow);
    this.voice = new WorkforceVoice(settings.store, settings.now);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    // Teams announces an install twice (installationUpdate and conversationUpdate);
    // whichever arrives first records the conversation and greets, once.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await markConversation(settings.store, context.activity.conversation.id, "uninstalled");
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botJoined = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
      const joined = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (botJoined || joined.length > 0) await this.remember(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const { person, conversation } = await this.remember(context);
    const respond = (result: CardActionResult): AdaptiveCardInvokeResponse =>
      result.card
        ? { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: result.card as never }
        : { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: (result.message ?? "") as never };
    if (!person) return respond({ message: notRecognised });
    const action = invokeValue?.action;
    return respond(await this.cardAction(context, person, conversation, action?.verb ?? "", action?.data));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { person, conversation } = await this.remember(context);
    if (!person) {
      await context.sendActivity(notRecognised);
      return;
    }
    // Action.Submit, the fallback for clients without Action.Execute, arrives as a message with a value.
    const value = context.activity.value as { verb?: unknown } | undefined;
    if (value && typeof value.verb === "string") {
      const result = await this.cardAction(context, person, conversation, value.verb, value);
      await context.sendActivity(result.card ? cardActivity(result.card) : (result.message ?? ""));
      return;
    }
    const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text?.trim() ?? "";
    const say = async (reply: string) => void (await context.sendActivity(reply));
    if (conversation && (await this.reflection.continue(conversation, person, text, say))) return;
    if (!text) {
      await this.welcome(context, person);
      return;
    }
    const reply = await runCommand({ store: this.settings.store, person, today: this.today(), tabUrl: this.settings.tabUrl() }, text);
    if ("reflect" in reply) {
      if (conversation) await this.reflection.begin(conversation, reply.reflect, person, say);
    } else if ("card" in reply) {
      await context.sendActivity(cardActivity(reply.card));
    } else {
      await context.sendActivity(reply.text);
    }
  }

  private async cardAction(
    context: TurnContext,
    person: Person,
    conversation: SavedConversation | undefined,
    verb: string,
    data: unknown,
  ): Promise<CardActionResult> {
    return runCardAction(
      {
        store: this.settings.store,
        workflow: this.settings.workflow,
        actions: this.settings.actions,
        bulletins: this.settings.bulletins,
        voice: this.voice,
        tabUrl: this.settings.tabUrl,
        today: () => this.today(),
        beginReflection: async (auditId, practitioner) => {
          if (!conversation) throw new Error("No conversation to reflect in");
          await this.reflection.begin(conversation, auditId, practitioner, async (text) => void (await context.sendActivity(text)));
        },
      },
      person,
      context.activity.from?.id,
      verb,
      data,
    );
  }

  /** Records this conversation and who is in it; on a new install, greets and delivers the cards waiting. */
  private async remember(context: TurnContext): Promise<{ person?: Person; conversation?: SavedConversation }> {
    const activity = context.activity;
    const person = await personByEntraId(this.settings.store, activity.from?.aadObjectId);
    const type = activity.conversation.conversationType;
    const conversationType = type === "channel" ? "channel" : type === "groupChat" ? "groupChat" : "personal";
    const reference = TurnContext.getConversationReference(activity);
    // In a channel, a reply or a card in a thread arrives as "<channel>;messageid=<post>":
    // remember the channel itself, where new posts go.
    const conversationId = conversationType === "channel" ? (activity.conversation.id.split(";")[0] ?? activity.conversation.id) : activity.conversation.id;
    if (conversationId !== activity.conversation.id) reference.conversation = { ...activity.conversation, id: conversationId };
    const { conversation, installed } = await rememberConversation(this.settings.store, {
      conversationId,
      conversationType,
      aadObjectId: conversationType === "personal" ? activity.from?.aadObjectId : undefined,
      personId: conversationType === "personal" ? person?.id : undefined,
      teamId: (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id,
      title: conversationType === "channel" ? channelTitle(activity.channelData, activity.conversation) : undefined,
      reference: reference as unknown as Record<string, unknown>,
    });
    if (installed && conversationType === "personal" && person) {
      await this.welcome(context, person);
      await this.settings.onInstalled(person.id);
    }
    // Added (back) to a team: channel posts held while it was not there go now.
    if (installed && conversationType === "channel") await this.settings.onInstalled(conversation.id);
    return { person, conversation };
  }

  private async welcome(context: TurnContext, person: Person): Promise<void> {
    const [authority] = (await this.settings.store.query("authority", { limit: 1 })).records;
    const team = person.teamId ? await this.settings.store.get("team", person.teamId) : undefined;
    await context.sendActivity(
      cardActivity(
        welcomeCard({ name: person.displayName, authority: authority?.name ?? "your authority", roles: person.roles, team: team?.name, tabUrl: this.settings.tabUrl() }),
      ),
    );
  }

  private today(): string {
    return this.settings.now().toISOString().slice(0, 10);
  }
}

/**
 * "Team › Channel" from Teams' channelData (or the conversation's name). A
 * team's General channel has the team's own id and comes without a name.
 */
function channelTitle(channelData: unknown, conversation: { id: string; name?: string }): string | undefined {
  const data = channelData as { team?: { id?: unknown; name?: unknown }; channel?: { name?: unknown } } | undefined;
  const team = typeof data?.team?.name === "string" ? data.team.name : undefined;
  if (!team) return undefined;
  const named = typeof data?.channel?.name === "string" && data.channel.name ? data.channel.name : conversation.name;
  const channel = named || (data?.team?.id === conversation.id ? "General" : undefined);
  return (channel ? `${team} › ${channel}` : team).slice(0, 300);
}

const notRecognised = "Hello. I can't find you in Golden Thread's list of staff yet, so I can't show you any audits. Ask your QA lead to add you.";
