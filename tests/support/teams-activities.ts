// Activities shaped as Microsoft Teams sends them to a bot (Bot Framework
// schema with Teams' channelData), for posting to /api/messages in tests.
import { demoPeople } from "../../api/seed/demo-authority.js";

export const tenantId = "7d3c2f1e-5b4a-4c8d-9e0f-1a2b3c4d5e6f";
export const botAccount = { id: "28:golden-thread-bot", name: "Golden Thread" };

export interface TeamsUser {
  personId: string;
  id: string;
  name: string;
  aadObjectId: string;
}

export function demoUser(personId: string): TeamsUser {
  const person = demoPeople.find((candidate) => candidate.id === personId);
  if (!person?.record.aadObjectId) throw new Error(`No demo person ${personId}`);
  return { personId, id: `29:${personId}`, name: person.record.displayName, aadObjectId: person.record.aadObjectId };
}

let sequence = 0;

function base(user: TeamsUser, serviceUrl: string) {
  sequence += 1;
  return {
    id: `activity-${sequence}`,
    channelId: "msteams",
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: botAccount,
    conversation: { id: `a:personal-${user.personId}`, conversationType: "personal", tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

export function installation(user: TeamsUser, serviceUrl: string) {
  return { ...base(user, serviceUrl), type: "installationUpdate", action: "add" };
}

export function uninstallation(user: TeamsUser, serviceUrl: string) {
  return { ...base(user, serviceUrl), type: "installationUpdate", action: "remove" };
}

export function message(user: TeamsUser, serviceUrl: string, text: string) {
  return { ...base(user, serviceUrl), type: "message", text, textFormat: "plain" };
}

export function submit(user: TeamsUser, serviceUrl: string, value: Record<string, unknown>) {
  return { ...base(user, serviceUrl), type: "message", value };
}

export function cardAction(user: TeamsUser, serviceUrl: string, verb: string, data: Record<string, unknown>) {
  return {
    ...base(user, serviceUrl),
    type: "invoke",
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  };
}

export interface TeamsChannel {
  conversationId: string;
  teamId: string;
  teamName: string;
  channelName?: string;
}

/** The bot added to a team: Teams sends conversationUpdate in the team's channel, with the bot among the members added. */
export function channelInstallation(installer: TeamsUser, channel: TeamsChannel, serviceUrl: string) {
  sequence += 1;
  return {
    id: `activity-${sequence}`,
    type: "conversationUpdate",
    channelId: "msteams",
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: installer.id, name: installer.name, aadObjectId: installer.aadObjectId },
    recipient: botAccount,
    conversation: { id: channel.conversationId, conversationType: "channel", isGroup: true, tenantId },
    membersAdded: [botAccount],
    channelData: {
      tenant: { id: tenantId },
      eventType: "teamMemberAdded",
      team: { id: channel.teamId, name: channel.teamName },
      channel: { id: channel.conversationId, ...(channel.channelName ? { name: channel.channelName } : {}) },
    },
  };
}

/** A card button pressed by `user` on a card posted in a channel. */
export function channelCardAction(user: TeamsUser, channel: TeamsChannel, serviceUrl: string, verb: string, data: Record<string, unknown>) {
  const activity = cardAction(user, serviceUrl, verb, data);
  return {
    ...activity,
    conversation: { id: channel.conversationId, conversationType: "channel", isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, team: { id: channel.teamId, name: channel.teamName }, channel: { id: channel.conversationId } },
  };
}
