// The Teams activity handler. For now it greets every message with a card
// naming the user and their roles, which proves the round trip from Teams
// (or the Agents Playground) through the store and back.
import { CardFactory, TeamsActivityHandler, type TurnContext } from "botbuilder";
import type { Store } from "../api/store/port.js";
import { welcomeCard } from "./cards/welcome-card.js";

export interface BotSettings {
  /** The tab's address; read per message because a test server learns its port only once listening. */
  tabUrl: () => string;
}

export class GoldenThreadBot extends TeamsActivityHandler {
  constructor(
    private readonly store: Store,
    private readonly settings: BotSettings,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.greet(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (joined.length > 0 && context.activity.conversation.conversationType === "personal") await this.greet(context);
      await next();
    });
  }

  private async greet(context: TurnContext): Promise<void> {
    const entraId = context.activity.from.aadObjectId;
    const person = entraId ? (await this.store.query("person", { where: { aadObjectId: entraId }, limit: 1 })).records[0] : undefined;
    if (!person) {
      await context.sendActivity(
        "Hello. I can't find you in Golden Thread's list of staff yet, so I can't show you any audits. Ask your QA lead to add you.",
      );
      return;
    }
    const [authority] = (await this.store.query("authority", { limit: 1 })).records;
    const team = person.teamId ? await this.store.get("team", person.teamId) : undefined;
    const card = welcomeCard({
      name: person.displayName,
      authority: authority?.name ?? "your authority",
      roles: person.roles,
      team: team?.name,
      tabUrl: this.settings.tabUrl(),
    });
    await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  }
}
