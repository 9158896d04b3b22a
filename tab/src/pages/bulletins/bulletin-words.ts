// What the bulletin pages read from the API, the compose form's fields, and
// how the form becomes the API's draft (one line per key message, etc.).
export type BulletinState = "draft" | "scheduled" | "published" | "withdrawn";
export type BulletinLayout = "standard" | "seven_minute_briefing";

export interface BulletinSource {
  kind: "audit" | "finding" | "audit_programme" | "review";
  recordId?: string;
  findingKey?: string;
  reference: string;
}

export interface BulletinBody {
  title: string;
  summary: string;
  keyMessages: string[];
  themes: string[];
  links: { title: string; url: string }[];
  drawsOn: BulletinSource[];
  layout: BulletinLayout;
  whyItMatters: string;
  reflectionQuestions: string[];
  whatToDo: string[];
  audience: { channelIds: string[]; teamIds: string[]; personIds: string[]; personalChats: boolean };
}

export interface Bulletin extends BulletinBody {
  id: string;
  etag: string;
  state: BulletinState;
  publishAt?: string;
  readAt: string | null;
  createdAt: string;
  card?: unknown;
}

export interface DeliveryCounts {
  waiting: number;
  delivered: number;
  failed: number;
  notInstalled: number;
  cancelled: number;
  total: number;
}

export interface BulletinReport {
  state: BulletinState;
  channels: DeliveryCounts;
  personal: DeliveryCounts;
  channelPosts: { channelId: string; channelName: string; status: string }[];
  readers: number;
  read: number;
  readsInAll: number;
  unreadByTeam: { teamId: string; teamName: string; people: { id: string; name: string }[] }[];
}

export interface Channel {
  id: string;
  name: string;
}

export const stateWords: Record<BulletinState, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  published: "Sent",
  withdrawn: "Withdrawn",
};

/** The compose form: lists are typed one per line. */
export interface BulletinForm {
  title: string;
  summary: string;
  keyMessages: string;
  themes: string;
  links: string;
  reviews: string;
  auditIds: string[];
  /** "<audit id>|workingWell:0": one finding of an audit. */
  findings: string[];
  programmeIds: string[];
  layout: BulletinLayout;
  whyItMatters: string;
  reflectionQuestions: string;
  whatToDo: string;
  channelIds: string[];
  teamIds: string[];
  personalChats: boolean;
}

export const emptyForm: BulletinForm = {
  title: "",
  summary: "",
  keyMessages: "",
  themes: "",
  links: "",
  reviews: "",
  auditIds: [],
  findings: [],
  programmeIds: [],
  layout: "standard",
  whyItMatters: "",
  reflectionQuestions: "",
  whatToDo: "",
  channelIds: [],
  teamIds: [],
  personalChats: false,
};

const lines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** "Title | https://…" per line; a line with only an address uses it as its title. */
function linksFrom(text: string): { title: string; url: string }[] {
  return lines(text).map((line) => {
    const at = line.lastIndexOf("|");
    if (at === -1) return { title: line, url: line };
    return { title: line.slice(0, at).trim(), url: line.slice(at + 1).trim() };
  });
}

export function bodyFrom(form: BulletinForm): BulletinBody {
  return {
    title: form.title,
    summary: form.summary,
    keyMessages: lines(form.keyMessages),
    themes: form.themes.split(/[,\n]/).map((theme) => theme.trim()).filter(Boolean),
    links: linksFrom(form.links),
    drawsOn: [
      ...form.auditIds.map((recordId): BulletinSource => ({ kind: "audit", recordId, reference: "audit" })),
      ...form.findings.map((chosen): BulletinSource => {
        const [recordId = "", findingKey = ""] = chosen.split("|");
        return { kind: "finding", recordId, findingKey, reference: "finding" };
      }),
      ...form.programmeIds.map((recordId): BulletinSource => ({ kind: "audit_programme", recordId, reference: "programme" })),
      ...lines(form.reviews).map((reference): BulletinSource => ({ kind: "review", reference })),
    ],
    layout: form.layout,
    whyItMatters: form.whyItMatters,
    reflectionQuestions: lines(form.reflectionQuestions),
    whatToDo: lines(form.whatToDo),
    audience: { channelIds: form.channelIds, teamIds: form.teamIds, personIds: [], personalChats: form.personalChats },
  };
}

export function formFrom(bulletin: BulletinBody): BulletinForm {
  return {
    title: bulletin.title,
    summary: bulletin.summary,
    keyMessages: bulletin.keyMessages.join("\n"),
    themes: bulletin.themes.join(", "),
    links: bulletin.links.map((link) => `${link.title} | ${link.url}`).join("\n"),
    reviews: bulletin.drawsOn.filter((source) => source.kind === "review").map((source) => source.reference).join("\n"),
    auditIds: bulletin.drawsOn.filter((source) => source.kind === "audit" && source.recordId).map((source) => source.recordId!),
    findings: bulletin.drawsOn.filter((source) => source.kind === "finding" && source.recordId && source.findingKey).map((source) => `${source.recordId!}|${source.findingKey!}`),
    programmeIds: bulletin.drawsOn.filter((source) => source.kind === "audit_programme" && source.recordId).map((source) => source.recordId!),
    layout: bulletin.layout,
    whyItMatters: bulletin.whyItMatters,
    reflectionQuestions: bulletin.reflectionQuestions.join("\n"),
    whatToDo: bulletin.whatToDo.join("\n"),
    channelIds: bulletin.audience.channelIds,
    teamIds: bulletin.audience.teamIds,
    personalChats: bulletin.audience.personalChats,
  };
}

export function canWriteBulletins(roles: readonly string[]): boolean {
  return roles.includes("principal_social_worker") || roles.includes("qa_lead");
}

const when = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

export function formatWhen(iso: string | undefined): string {
  return iso ? when.format(new Date(iso)) : "";
}
