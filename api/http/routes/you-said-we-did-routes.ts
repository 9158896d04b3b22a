// "You said, we did": drafts, the staff card preview, publishing to staff
// channels, and the printable page for children and families.
import { z } from "zod";
import { youSaidWeDidView } from "../../../bot/bulletin-card-views.js";
import { youSaidWeDidCard } from "../../../bot/cards/you-said-we-did-card.js";
import { DomainError } from "../../domain/errors.js";
import { YouSaidWeDid } from "../../domain/records/you-said-we-did.js";
import { allRecords } from "../../store/all-records.js";
import type { Saved, Store } from "../../store/port.js";
import { canWriteBulletins } from "../../services/bulletins.js";
import type { Viewer } from "../../auth/viewer.js";
import { familyPageHtml, type FamilyPageView } from "../you-said-we-did-page.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

const UpdateParams = z.object({ updateId: z.string().min(1).max(100) });
const DraftBody = YouSaidWeDid.omit({ status: true, authorId: true, publishedAt: true });

async function familyPageView(store: Store, update: Saved<"youSaidWeDid">): Promise<FamilyPageView> {
  const [authority] = (await store.query("authority", { limit: 1 })).records;
  const weDid = [];
  for (const entry of update.weDid) {
    const actions = await Promise.all(entry.actionIds.map((actionId) => store.get("action", actionId)));
    const found = actions.filter((action) => action !== undefined);
    const done = found.length > 0 && found.every((action) => action.status === "done");
    const lastDoneOn = done ? found.map((action) => action.completedAt ?? action.updatedAt).sort().at(-1) : undefined;
    weDid.push({ text: entry.text, done, actionCount: entry.actionIds.length, ...(lastDoneOn ? { lastDoneOn } : {}) });
  }
  return {
    authorityName: authority?.name ?? "Our",
    theme: update.theme,
    youSaid: update.youSaid,
    response: update.response,
    weDid,
    feedbackCount: update.feedbackIds.length,
    ...(update.publishedAt ? { publishedOn: update.publishedAt } : {}),
    draft: update.status !== "published",
  };
}

export function youSaidWeDidRoutes({ store, youSaidWeDid, tabUrl, notificationsQueued }: ApiServices): Route[] {
  async function visible(viewer: Viewer, updateId: string): Promise<Saved<"youSaidWeDid">> {
    const update = await store.get("youSaidWeDid", updateId);
    if (!update || (update.status !== "published" && !canWriteBulletins(viewer.person))) {
      throw new DomainError("not_found", `There is no "you said, we did" update with id ${updateId} that you can see.`, { updateId });
    }
    return update;
  }
  return [
    route({
      method: "get",
      path: "/api/you-said-we-did",
      tag: "You said, we did",
      summary: "Updates, newest first: drafts too for the PSW and QA lead",
      responses: { 200: "The updates" },
      async handle({ viewer }) {
        const all = await allRecords(store, "youSaidWeDid", { orderBy: { field: "createdAt", direction: "desc" } });
        const canWrite = canWriteBulletins(viewer.person);
        return { body: { updates: canWrite ? all : all.filter((update) => update.status === "published"), canWrite } };
      },
    }),
    route({
      method: "post",
      path: "/api/you-said-we-did",
      tag: "You said, we did",
      summary: "Start an update as a draft",
      body: DraftBody,
      responses: { 201: "The draft" },
      async handle({ viewer, body }) {
        const update = await youSaidWeDid.create(body, viewer.person);
        return { status: 201, body: update, etag: update.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/you-said-we-did/:updateId",
      tag: "You said, we did",
      summary: "One update, with its ETag and the staff card it posts",
      params: UpdateParams,
      responses: { 200: "The update and its card", 404: "No such update that you can see" },
      async handle({ viewer, params }) {
        const update = await visible(viewer, params.updateId);
        const card = youSaidWeDidCard(await youSaidWeDidView({ store, tabUrl: tabUrl() }, update));
        return { body: { ...update, card }, etag: update.etag };
      },
    }),
    route({
      method: "patch",
      path: "/api/you-said-we-did/:updateId",
      tag: "You said, we did",
      summary: "Change a draft",
      params: UpdateParams,
      body: DraftBody,
      requiresIfMatch: true,
      responses: { 200: "The update" },
      async handle({ viewer, params, body, ifMatch }) {
        const update = await youSaidWeDid.update(params.updateId, body, viewer.person, ifMatch);
        return { body: update, etag: update.etag };
      },
    }),
    route({
      method: "post",
      path: "/api/you-said-we-did/:updateId/publish",
      tag: "You said, we did",
      summary: "Post the card to the chosen staff channels",
      params: UpdateParams,
      requiresIfMatch: true,
      responses: { 200: "The update, published, and how many cards were queued" },
      async handle({ viewer, params, ifMatch }) {
        const { update, queued } = await youSaidWeDid.publish(params.updateId, viewer.person, ifMatch);
        notificationsQueued();
        return { body: { ...update, queued }, etag: update.etag };
      },
    }),
    route({
      method: "get",
      path: "/api/you-said-we-did/:updateId/page",
      tag: "You said, we did",
      summary: "The plain-language page for children and families (HTML, printable)",
      params: UpdateParams,
      responses: { 200: "The page as an HTML file" },
      async handle({ viewer, params }) {
        const update = await visible(viewer, params.updateId);
        const html = familyPageHtml(await familyPageView(store, update));
        const slug = update.theme.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 50) || "update";
        return { body: null, download: { contentType: "text/html; charset=utf-8", filename: `you-said-we-did-${slug}.html`, text: html } };
      },
    }),
  ];
}
