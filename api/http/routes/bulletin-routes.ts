// Learning bulletins: drafts, the card preview (rendered by the bot's own
// card catalogue, so the tab shows exactly what will be posted), publishing
// now or later, reads, and the delivery and read report.
import { z } from "zod";
import { bulletinView } from "../../../bot/bulletin-card-views.js";
import { bulletinCard } from "../../../bot/cards/bulletin-card.js";
import { scopeOf, type Viewer } from "../../auth/viewer.js";
import { DomainError } from "../../domain/errors.js";
import { Bulletin } from "../../domain/records/bulletin.js";
import { isoDateTime } from "../../domain/records/common.js";
import { allRecords } from "../../store/all-records.js";
import type { Saved } from "../../store/port.js";
import { bulletinReport, channelName } from "../../services/bulletin-report.js";
import { bulletinState, canWriteBulletins } from "../../services/bulletins.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const BulletinParams = z.object({ bulletinId: z.string().min(1).max(100) });
export const BulletinDraftBody = Bulletin.omit({ status: true, authorId: true, publishAt: true, publishedById: true });

/** A bulletin as the tab shows it: the record, where it stands now, and whether the viewer has read it. */
function described(bulletin: Saved<"bulletin">, now: Date, readAt?: string) {
  return { ...bulletin, state: bulletinState(bulletin, now), readAt: readAt ?? null };
}

function mayReport(viewer: Viewer): boolean {
  return canWriteBulletins(viewer.person) || scopeOf(viewer) !== "own";
}

export function bulletinRoutes({ store, bulletins, now, tabUrl, notificationsQueued }: ApiServices): Route[] {
  async function visible(viewer: Viewer, bulletinId: string): Promise<Saved<"bulletin">> {
    const bulletin = await store.get("bulletin", bulletinId);
    const state = bulletin ? bulletinState(bulletin, now()) : undefined;
    if (!bulletin || (state !== "published" && !canWriteBulletins(viewer.person))) {
      throw new DomainError("not_found", `There is no bulletin with id ${bulletinId} that you can see.`, { bulletinId });
    }
    return bulletin;
  }
  const readAtOf = async (bulletinId: string, personId: string) => (await store.get("bulletinRead", `${bulletinId}~${personId}`))?.readAt;
  return [
    route({
      method: "get",
      path: "/api/bulletins",
      tag: "Bulletins",
      summary: "Learning bulletins, newest first: every one for the PSW and QA lead, published ones for everyone else",
      responses: { 200: "The bulletins" },
      async handle({ viewer }) {
        const all = await allRecords(store, "bulletin", { orderBy: { field: "createdAt", direction: "desc" } });
        const at = now();
        const shown = canWriteBulletins(viewer.person) ? all : all.filter((bulletin) => bulletinState(bulletin, at) === "published");
        const reads = new Map((await allRecords(store, "bulletinRead", { where: { personId: viewer.person.id } })).map((read) => [read.bulletinId, read.readAt]));
        return { body: { bulletins: shown.map((bulletin) => described(bulletin, at, reads.get(bulletin.id))), canWrite: canWriteBulletins(viewer.person) } };
      },
    }),
    route({
      method: "post",
      path: "/api/bulletins",
      tag: "Bulletins",
      summary: "Start a bulletin as a draft",
      body: BulletinDraftBody,
      responses: { 201: "The draft" },
      async handle({ viewer, body }) {
        const bulletin = await bulletins.create(body, viewer.person);
        return { status: 201, body: described(bulletin, now()), etag: bulletin.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/bulletins/preview",
      tag: "Bulletins",
      summary: "The Adaptive Card a draft would post, exactly as the bot renders it",
      body: BulletinDraftBody,
      responses: { 200: "The Adaptive Card (JSON)" },
      async handle({ viewer, body }) {
        if (!canWriteBulletins(viewer.person)) throw new DomainError("forbidden", "Only the principal social worker or the QA lead can write learning bulletins.");
        const checked = await store.transaction((tx) => bulletins.checkedDraft(tx, body));
        const draft = Bulletin.parse({ ...checked, authorId: viewer.person.id });
        return { body: { card: bulletinCard(bulletinView({ tabUrl: tabUrl() }, { ...draft, id: "preview" })) } };
      },
    }),
    route({
      method: "get",
      path: "/api/bulletin-channels",
      tag: "Bulletins",
      summary: "The team channels Golden Thread has been added to, where bulletins can be posted",
      responses: { 200: "The channels" },
      async handle() {
        const channels = (await allRecords(store, "teamsConversation", { where: { status: "installed" } })).filter((conversation) => conversation.conversationType === "channel");
        return { body: { channels: channels.map((channel) => ({ id: channel.id, name: channelName(channel) })) } };
      },
    }),
    route({
      method: "get",
      path: "/api/bulletins/:bulletinId",
      tag: "Bulletins",
      summary: "One bulletin, with its ETag and the card it posts",
      params: BulletinParams,
      responses: { 200: "The bulletin and its card", 404: "No such bulletin that you can see" },
      async handle({ viewer, params }) {
        const bulletin = await visible(viewer, params.bulletinId);
        const card = bulletinCard(bulletinView({ tabUrl: tabUrl() }, bulletin));
        return { body: { ...described(bulletin, now(), await readAtOf(bulletin.id, viewer.person.id)), card }, etag: bulletin.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/bulletins/:bulletinId",
      tag: "Bulletins",
      summary: "Change a draft or scheduled bulletin",
      params: BulletinParams,
      body: BulletinDraftBody,
      requiresIfMatch: true,
      responses: { 200: "The bulletin" },
      async handle({ viewer, params, body, ifMatch }) {
        const bulletin = await bulletins.update(params.bulletinId, body, viewer.person, ifMatch);
        return { body: described(bulletin, now()), etag: bulletin.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/bulletins/:bulletinId/publish",
      tag: "Bulletins",
      summary: "Send the bulletin now, or at a set time (at); every channel and reader gets the card",
      params: BulletinParams,
      body: z.object({ at: isoDateTime.optional() }),
      requiresIfMatch: true,
      responses: { 200: "The bulletin, published or scheduled, and how many cards were queued" },
      async handle({ viewer, params, body, ifMatch }) {
        const { bulletin, queued } = await bulletins.publish(params.bulletinId, body, viewer.person, ifMatch);
        notificationsQueued();
        return { body: { ...described(bulletin, now()), queued }, etag: bulletin.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/bulletins/:bulletinId/cancel-schedule",
      tag: "Bulletins",
      summary: "Take a scheduled bulletin back to draft before it goes",
      params: BulletinParams,
      requiresIfMatch: true,
      responses: { 200: "The bulletin, a draft again" },
      async handle({ viewer, params, ifMatch }) {
        const bulletin = await bulletins.cancelSchedule(params.bulletinId, viewer.person, ifMatch);
        return { body: described(bulletin, now()), etag: bulletin.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/bulletins/:bulletinId/read",
      tag: "Bulletins",
      summary: "Mark the bulletin as read (as the card's \"I've read this\" does)",
      params: BulletinParams,
      responses: { 200: "Recorded (or it already was)" },
      async handle({ viewer, params }) {
        await visible(viewer, params.bulletinId);
        const { alreadyRead } = await bulletins.markRead(params.bulletinId, viewer.person, "tab");
        return { body: { alreadyRead, readAt: (await readAtOf(params.bulletinId, viewer.person.id)) ?? null } };
      },
    }),
    route({
      method: "get",
      path: "/api/bulletins/:bulletinId/report",
      tag: "Bulletins",
      summary: "Delivered, failed, not installed and read counts; who has not read it, for the managers of their team only",
      params: BulletinParams,
      responses: { 200: "The report", 403: "Only the PSW, the QA lead and managers see reports" },
      async handle({ viewer, params }) {
        if (!mayReport(viewer)) throw new DomainError("forbidden", "Only the principal social worker, the QA lead and managers can see who a bulletin reached.");
        const bulletin = await visible(viewer, params.bulletinId);
        return { body: { state: bulletinState(bulletin, now()), ...(await bulletinReport(store, bulletin, viewer)) } };
      },
    }),
  ];
}
