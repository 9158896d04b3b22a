// Remembers where the bot can reach people: every install and every message
// records the conversation reference in the store, so proactive cards (and
// a reflection in progress) survive a restart.
import type { TeamsConversation } from "../api/domain/records/teams-conversation.js";
import type { Actor, Saved, Store } from "../api/store/port.js";

export type SavedConversation = Saved<"teamsConversation">;

export const botActor: Actor = { id: "system:bot" };

export interface ConversationFacts {
  conversationId: string;
  conversationType: TeamsConversation["conversationType"];
  aadObjectId?: string;
  personId?: string;
  teamId?: string;
  title?: string;
  reference: Record<string, unknown>;
}

export async function conversationById(store: Store, conversationId: string): Promise<SavedConversation | undefined> {
  return (await store.query("teamsConversation", { where: { conversationId }, limit: 1 })).records[0];
}

/** Records (or refreshes) a conversation; returns it and whether it was newly installed. */
export async function rememberConversation(store: Store, facts: ConversationFacts): Promise<{ conversation: SavedConversation; installed: boolean }> {
  return store.transaction(async (tx) => {
    const existing = (await tx.query("teamsConversation", { where: { conversationId: facts.conversationId }, limit: 1 })).records[0];
    if (!existing) {
      return { conversation: await tx.create("teamsConversation", { ...facts, status: "installed" }, botActor), installed: true };
    }
    const reinstalled = existing.status !== "installed";
    const unchanged =
      !reinstalled &&
      existing.personId === facts.personId &&
      (facts.title === undefined || existing.title === facts.title) &&
      JSON.stringify(existing.reference) === JSON.stringify(facts.reference);
    if (unchanged) return { conversation: existing, installed: false };
    const conversation = await tx.update(
      "teamsConversation",
      existing.id,
      // A channel's title comes only with some events: keep the one we have when this one has none.
      { ...facts, title: facts.title ?? existing.title, status: "installed" },
      existing.etag,
      botActor,
    );
    return { conversation, installed: reinstalled };
  });
}

export async function markConversation(store: Store, conversationId: string, status: "uninstalled" | "blocked"): Promise<void> {
  const existing = await conversationById(store, conversationId);
  if (existing && existing.status !== status) await store.update("teamsConversation", existing.id, { status }, existing.etag, botActor);
}

export async function personalConversationOf(store: Store, personId: string): Promise<SavedConversation | undefined> {
  const page = await store.query("teamsConversation", { where: { personId, status: "installed" }, limit: 20 });
  return page.records.find((conversation) => conversation.conversationType === "personal");
}

export function teamsUserIdOf(conversation: SavedConversation | undefined): string | undefined {
  const user = conversation?.reference.user as { id?: unknown } | undefined;
  return typeof user?.id === "string" ? user.id : undefined;
}
