// What happened to a bulletin: delivered / failed / not installed per
// channel post and per 1:1 card, how many readers have read it, and, for a
// team's managers only, who in that team has not.
import { managesTeam, type Viewer } from "../auth/viewer.js";
import { allRecords } from "../store/all-records.js";
import type { Saved, Store } from "../store/port.js";
import { countDeliveries, readersOf, type DeliveryCounts, type SavedBulletin } from "./bulletins.js";

export interface BulletinReport {
  channels: DeliveryCounts;
  personal: DeliveryCounts;
  /** Channel posts one by one (a handful). */
  channelPosts: { channelId: string; channelName: string; status: string }[];
  readers: number;
  /** Readers who have read it. */
  read: number;
  /** Everyone who marked it read, readers or not. */
  readsInAll: number;
  /** Only the teams the viewer manages; empty for everyone else. */
  unreadByTeam: { teamId: string; teamName: string; people: { id: string; name: string }[] }[];
}

/** A channel's name as Teams gave it when the bot was added, or a neutral label. */
export function channelName(channel: Pick<Saved<"teamsConversation">, "title">): string {
  return channel.title ?? "A team channel";
}

export async function bulletinReport(store: Store, bulletin: SavedBulletin, viewer: Viewer): Promise<BulletinReport> {
  const messages = await allRecords(store, "outboxMessage", { where: { subjectId: bulletin.id } });
  const channelMessages = messages.filter((message) => message.to === "channel");
  const channelPosts = await Promise.all(
    channelMessages.map(async (message) => {
      const channel = await store.get("teamsConversation", message.recipientId);
      return { channelId: message.recipientId, channelName: channel ? channelName(channel) : "A channel that has gone", status: message.status };
    }),
  );
  const readers = await readersOf(store, bulletin.audience);
  const reads = await allRecords(store, "bulletinRead", { where: { bulletinId: bulletin.id } });
  const readBy = new Set(reads.map((read) => read.personId));
  const unreadByTeam: BulletinReport["unreadByTeam"] = [];
  const teams = await allRecords(store, "team");
  const managed = teams.filter((team) => managesTeam(viewer, team));
  if (managed.length > 0) {
    const members = await allRecords(store, "person", { where: { teamId: { in: managed.map((team) => team.id) } } });
    for (const team of managed) {
      const people = members
        .filter((person) => person.teamId === team.id && readers.has(person.id) && !readBy.has(person.id))
        .map((person) => ({ id: person.id, name: person.displayName }))
        .sort((a, b) => a.name.localeCompare(b.name));
      if (people.length > 0) unreadByTeam.push({ teamId: team.id, teamName: team.name, people });
    }
  }
  return {
    channels: countDeliveries(channelMessages),
    personal: countDeliveries(messages.filter((message) => message.to !== "channel")),
    channelPosts,
    readers: readers.size,
    read: [...readers].filter((personId) => readBy.has(personId)).length,
    readsInAll: readBy.size,
    unreadByTeam,
  };
}
