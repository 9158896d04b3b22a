// Workforce voice (component ix): the QA lead composes a pulse survey or
// health check and sends it as cards; staff answer on the card, once each;
// reflective feedback is asked of an audit's practitioner and auditor when
// the audit is submitted. Answers are anonymous: the answer and the fact of
// answering are written to separate records, the answer added to the team's
// tally by a system actor, so no record or audit-log entry ties them
// together (docs/workforce-voice.md explains the reasoning).
import { randomInt, randomUUID } from "node:crypto";
import { dayOf } from "../domain/calendar.js";
import { DomainError } from "../domain/errors.js";
import type { RecordInput } from "../domain/records/index.js";
import { tallyGroupKey, type Survey, type SurveyAudience, type SurveyTheme } from "../domain/records/survey.js";
import { readAnswers, surveyState, tallyWithAnswers, type Shuffle } from "../domain/survey-answers.js";
import { surveyResults, surveyTrends, type OrganisationNames, type SurveyResults, type TrendRound } from "../domain/survey-results.js";
import { allRecords } from "../store/all-records.js";
import type { Actor, RecordOperations, Saved, Store } from "../store/port.js";
import { enqueueNotification } from "./notify.js";
import { forbidden, hasRole, requireRecord, staleRecord, type Person } from "./people.js";

export type SavedSurvey = Saved<"survey">;

/** Who adds answers to a tally: never the person answering. */
export const tallyActor: Actor = { id: "system:workforce-voice" };

const randomShuffle: Shuffle = { newId: () => randomUUID(), position: (below) => randomInt(below) };

export function canRunSurveys(person: Person): boolean {
  return hasRole(person, "qa_lead", "principal_social_worker");
}

/** Whether the person is one of the staff a survey asks (reflective feedback asks per audit instead). */
export function isInAudience(audience: SurveyAudience, person: Person, teamServiceIds: ReadonlyMap<string, string>): boolean {
  if (person.roles.every((role) => role === "external_auditor")) return false;
  switch (audience.scope) {
    case "everyone":
      return true;
    case "teams":
      return person.teamId !== undefined && audience.teamIds.includes(person.teamId);
    case "services": {
      const serviceId = person.serviceId ?? (person.teamId ? teamServiceIds.get(person.teamId) : undefined);
      return serviceId !== undefined && audience.serviceIds.includes(serviceId);
    }
  }
}

async function teamServiceIds(store: RecordOperations): Promise<Map<string, string>> {
  return new Map((await allRecords(store, "team")).map((team) => [team.id, team.serviceId]));
}

export async function organisationNames(store: RecordOperations): Promise<OrganisationNames> {
  return {
    services: (await allRecords(store, "service")).map(({ id, name }) => ({ id, name })),
    teams: (await allRecords(store, "team")).map(({ id, name, serviceId }) => ({ id, name, serviceId })),
  };
}

export interface WorkforceVoiceSettings {
  minimumGroupSize: number;
  themes: SurveyTheme[];
  etag: string;
}

// The defaults, before the QA lead first saves settings, count as version 0.
const defaultSettingsEtag = '"0"';

export async function surveySettings(store: RecordOperations): Promise<WorkforceVoiceSettings> {
  const saved = (await store.query("surveySettings", { limit: 1 })).records[0];
  return saved ? { minimumGroupSize: saved.minimumGroupSize, themes: saved.themes, etag: saved.etag } : { minimumGroupSize: 5, themes: [], etag: defaultSettingsEtag };
}

/**
 * Asks the audit's practitioner and auditor for reflective feedback, inside
 * the submit transaction, when a reflective feedback survey is open today.
 */
export async function requestReflectiveFeedback(tx: RecordOperations, audit: Saved<"audit">, actor: Actor, today: string): Promise<number> {
  const open = (await tx.query("survey", { where: { kind: "reflective", status: "sent", opensOn: { lte: today } }, limit: 100 })).records
    .filter((survey) => survey.closesOn >= today)
    .sort((a, b) => b.opensOn.localeCompare(a.opensOn));
  const survey = open[0];
  if (!survey) return 0;
  let queued = 0;
  for (const recipientId of new Set([audit.practitionerId, audit.auditorId].filter((id): id is string => Boolean(id)))) {
    if (await enqueueNotification(tx, recipientId, { kind: "reflective_feedback_requested", surveyId: survey.id, auditId: audit.id }, actor)) queued += 1;
  }
  return queued;
}

export interface AnswerStatus {
  state: ReturnType<typeof surveyState>;
  asked: boolean;
  answered: boolean;
}

async function isAsked(store: RecordOperations, survey: Survey, person: Person, occasion: string): Promise<boolean> {
  if (survey.kind === "reflective") {
    if (!occasion) return false;
    const audit = await store.get("audit", occasion);
    // Only audits submitted while the survey was open: one answer per audit, not per audit ever done.
    const submittedOn = audit?.submittedAt?.slice(0, 10);
    const inWindow = submittedOn !== undefined && submittedOn >= survey.opensOn && submittedOn <= survey.closesOn;
    return audit !== undefined && inWindow && (audit.practitionerId === person.id || audit.auditorId === person.id);
  }
  return occasion === "" && isInAudience(survey.audience, person, await teamServiceIds(store));
}

/** Whether the person is asked, and has answered (per audit for reflective feedback). */
export async function answerStatus(store: RecordOperations, survey: SavedSurvey, person: Person, occasion: string, today: string): Promise<AnswerStatus> {
  const asked = await isAsked(store, survey, person, occasion);
  const answered = (await store.query("surveyParticipation", { where: { surveyId: survey.id, personId: person.id, occasion }, limit: 1 })).records.length > 0;
  return { state: surveyState(survey, today), asked, answered };
}

export class WorkforceVoice {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
    private readonly shuffle: Shuffle = randomShuffle,
  ) {}

  async compose(input: Omit<RecordInput<"survey">, "status" | "sentAt" | "ownerId">, actor: Person): Promise<SavedSurvey> {
    if (!canRunSurveys(actor)) throw forbidden("Only the QA lead or the principal social worker can write surveys.");
    return this.store.transaction(async (tx) => {
      await this.checkSeries(tx, input.seriesId);
      return tx.create("survey", { ...input, status: "draft", ownerId: actor.id }, actor);
    });
  }

  async revise(surveyId: string, changes: Partial<RecordInput<"survey">>, ifMatch: string, actor: Person): Promise<SavedSurvey> {
    if (!canRunSurveys(actor)) throw forbidden("Only the QA lead or the principal social worker can change surveys.");
    return this.store.transaction(async (tx) => {
      const survey = requireRecord(await tx.get("survey", surveyId), "survey", surveyId);
      if (survey.etag !== ifMatch) throw staleRecord("survey");
      if (survey.status !== "draft") {
        throw new DomainError("illegal_transition", "This survey has been sent, so its questions cannot change: people may already have answered them.");
      }
      const { status: _status, sentAt: _sentAt, ownerId: _ownerId, ...allowed } = changes;
      if (allowed.seriesId !== undefined) await this.checkSeries(tx, allowed.seriesId, surveyId);
      return tx.update("survey", surveyId, allowed, ifMatch, actor);
    });
  }

  /** Sends the survey as a card to everyone it asks; returns how many cards were queued. */
  async send(surveyId: string, ifMatch: string, actor: Person): Promise<{ survey: SavedSurvey; queued: number }> {
    if (!canRunSurveys(actor)) throw forbidden("Only the QA lead or the principal social worker can send surveys.");
    return this.store.transaction(async (tx) => {
      const survey = requireRecord(await tx.get("survey", surveyId), "survey", surveyId);
      if (survey.etag !== ifMatch) throw staleRecord("survey");
      if (survey.status !== "draft") throw new DomainError("illegal_transition", "This survey has already been sent.");
      const today = dayOf(this.now());
      if (survey.closesOn < today) throw new DomainError("invalid_record", "This survey's closing date has passed. Choose a later date, then send it.", { field: "closesOn" });
      const saved = await tx.update("survey", surveyId, { status: "sent", sentAt: this.now().toISOString() }, ifMatch, actor);
      if (survey.kind === "reflective") return { survey: saved, queued: 0 }; // asked after each audit instead
      const services = await teamServiceIds(tx);
      let queued = 0;
      for (const person of await allRecords(tx, "person")) {
        if (!isInAudience(survey.audience, person, services)) continue;
        if (await enqueueNotification(tx, person.id, { kind: "survey_sent", surveyId }, actor)) queued += 1;
      }
      return { survey: saved, queued };
    });
  }

  /**
   * Records one person's answers. In one transaction: the participation
   * (person and survey, nothing else) and the team's tally (answers, no
   * person), the tally written by the system actor. A second answer is refused.
   */
  async answer(surveyId: string, occasion: string, inputs: Record<string, unknown>, person: Person): Promise<void> {
    await this.store.transaction(async (tx) => {
      const survey = requireRecord(await tx.get("survey", surveyId), "survey", surveyId);
      const state = surveyState(survey, dayOf(this.now()));
      if (state === "draft" || state === "scheduled") throw new DomainError("illegal_transition", `This survey opens on ${survey.opensOn}.`);
      if (state === "closed") throw new DomainError("illegal_transition", `This survey closed on ${survey.closesOn}. Thank you all the same.`);
      if (!(await isAsked(tx, survey, person, occasion))) throw forbidden("This survey was not sent to you.");
      const done = await tx.query("surveyParticipation", { where: { surveyId, personId: person.id, occasion }, limit: 1 });
      if (done.records.length > 0) {
        throw new DomainError("conflict", "You have already answered. Answers are anonymous, so they cannot be looked up or changed.", { field: "survey" });
      }
      const answers = readAnswers(survey, inputs);
      await tx.create("surveyParticipation", { surveyId, personId: person.id, occasion }, person);
      const groupKey = tallyGroupKey(person.teamId, person.serviceId);
      const tally = (await tx.query("surveyTally", { where: { surveyId, groupKey }, limit: 1 })).records[0];
      const empty = { respondents: 0, scaleCounts: {}, comments: [] };
      const added = tallyWithAnswers(tally ?? empty, survey, answers, this.shuffle);
      if (tally) await tx.update("surveyTally", tally.id, added, tally.etag, tallyActor);
      else await tx.create("surveyTally", { surveyId, groupKey, teamId: person.teamId, serviceId: person.serviceId, ...added }, tallyActor);
    });
  }

  async saveSettings(changes: { minimumGroupSize?: number; themes?: SurveyTheme[] }, ifMatch: string, actor: Person): Promise<WorkforceVoiceSettings> {
    if (!hasRole(actor, "qa_lead")) throw forbidden("Only the QA lead can change workforce voice settings.");
    return this.store.transaction(async (tx) => {
      const saved = (await tx.query("surveySettings", { limit: 1 })).records[0];
      if (saved) {
        if (saved.etag !== ifMatch) throw staleRecord("workforce voice settings");
        const updated = await tx.update("surveySettings", saved.id, changes, ifMatch, actor);
        return { minimumGroupSize: updated.minimumGroupSize, themes: updated.themes, etag: updated.etag };
      }
      if (ifMatch !== defaultSettingsEtag) throw staleRecord("workforce voice settings");
      const [authority] = (await tx.query("authority", { limit: 1 })).records;
      if (!authority) throw new DomainError("not_found", "Set up the authority before its survey settings.");
      const created = await tx.create("surveySettings", { authorityId: authority.id, ...changes }, actor);
      return { minimumGroupSize: created.minimumGroupSize, themes: created.themes, etag: created.etag };
    });
  }

  /** The QA lead's own themes on one comment (replacing earlier ones). */
  async tagComment(surveyId: string, commentId: string, tags: string[], actor: Person): Promise<void> {
    if (!hasRole(actor, "qa_lead")) throw forbidden("Only the QA lead sees and tags comments.");
    await this.store.transaction(async (tx) => {
      for (const tally of await allRecords(tx, "surveyTally", { where: { surveyId } })) {
        const at = tally.comments.findIndex((comment) => comment.id === commentId);
        if (at === -1) continue;
        const comments = tally.comments.map((comment, index) => (index === at ? { ...comment, tags: [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))] } : comment));
        await tx.update("surveyTally", tally.id, { comments }, tally.etag, actor);
        return;
      }
      throw new DomainError("not_found", "That comment is not in this survey.");
    });
  }

  /**
   * Results once the survey has closed; undefined before. While it is open,
   * comparing the figures before and after a known colleague answered would
   * single out their answer, so nothing is shown until no more can arrive.
   */
  async results(survey: SavedSurvey): Promise<SurveyResults | undefined> {
    if (surveyState(survey, dayOf(this.now())) !== "closed") return undefined;
    const settings = await surveySettings(this.store);
    return surveyResults({
      survey,
      tallies: await allRecords(this.store, "surveyTally", { where: { surveyId: survey.id } }),
      names: await organisationNames(this.store),
      minimumGroupSize: settings.minimumGroupSize,
      audienceTeamIds: await this.audienceTeamIds(survey),
      themes: settings.themes,
    });
  }

  /** Every closed round of the survey's series up to this one, oldest first, with its results. */
  async rounds(survey: SavedSurvey): Promise<TrendRound[]> {
    const seriesId = survey.seriesId ?? survey.id;
    const members = [
      ...(await allRecords(this.store, "survey", { where: { seriesId } })),
      ...[await this.store.get("survey", seriesId)].filter((first): first is SavedSurvey => first !== undefined),
    ];
    const unique = [...new Map(members.map((member) => [member.id, member])).values()]
      .filter((member) => member.status === "sent" && member.opensOn <= survey.opensOn)
      .sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.id.localeCompare(b.id));
    const rounds: TrendRound[] = [];
    for (const round of unique) {
      const results = await this.results(round);
      if (results) rounds.push({ surveyId: round.id, round: round.round, results });
    }
    return rounds;
  }

  /**
   * Open surveys that ask this person and that they have not answered. Only
   * the participation record (person and survey) is read, never an answer.
   * Reflective feedback is asked per audit on its own card, so it is not listed.
   */
  async unansweredBy(person: Person): Promise<SavedSurvey[]> {
    const today = dayOf(this.now());
    const sent = await allRecords(this.store, "survey", { where: { status: "sent" } });
    const waiting: SavedSurvey[] = [];
    for (const survey of sent) {
      if (survey.kind === "reflective") continue;
      const status = await answerStatus(this.store, survey, person, "", today);
      if (status.state === "open" && status.asked && !status.answered) waiting.push(survey);
    }
    return waiting.sort((a, b) => a.closesOn.localeCompare(b.closesOn));
  }

  /** How many have answered: a response rate says nothing about what anyone said. */
  async answeredCount(survey: SavedSurvey): Promise<number> {
    return (await allRecords(this.store, "surveyParticipation", { where: { surveyId: survey.id } })).length;
  }

  async trends(survey: SavedSurvey) {
    return surveyTrends(survey, await this.rounds(survey));
  }

  private async audienceTeamIds(survey: Survey): Promise<string[]> {
    if (survey.kind === "reflective") return [];
    const teams = await allRecords(this.store, "team");
    const audience = survey.audience;
    if (audience.scope === "everyone") return teams.map((team) => team.id);
    if (audience.scope === "teams") return audience.teamIds;
    return teams.filter((team) => audience.serviceIds.includes(team.serviceId)).map((team) => team.id);
  }

  private async checkSeries(store: RecordOperations, seriesId: string | undefined, selfId?: string): Promise<void> {
    if (seriesId === undefined || seriesId === selfId) return;
    if (!(await store.get("survey", seriesId))) throw new DomainError("invalid_record", "The earlier round this survey follows no longer exists.", { field: "seriesId" });
  }
}
