// What a survey's results may show. A group's figures appear only when at
// least `minimumGroupSize` people in it answered; and a group that is big
// enough is hidden too when showing it would let someone work out a hidden
// group's figures by subtraction (complementary suppression): within a
// shown parent, the hidden children together must reach the minimum, or
// none may be hidden. A hidden parent hides all its children, because they
// would add up to it. Pure: no I/O.
import type { Survey, SurveyComment, SurveyQuestion, SurveyTally, SurveyTheme } from "./records/survey.js";

export type GroupLevel = "everyone" | "service" | "team";

/** Why a group's figures are not shown. */
export type HiddenBecause = "too_few" | "protects_smaller_group";

export interface OrganisationNames {
  services: { id: string; name: string }[];
  teams: { id: string; name: string; serviceId: string }[];
}

export interface ScaleResult {
  key: string;
  text: string;
  labels: string[];
  /** How many chose each point, lowest first. */
  counts: number[];
  /** Average on the scale 1..labels.length, to one decimal place. */
  average: number;
  /** Share choosing one of the top two points (or the top point on a 2- or 3-point scale), as a whole percentage. */
  favourablePercent: number;
}

export interface ResultGroup {
  level: GroupLevel;
  id: string;
  name: string;
  parentId?: string;
  /** Null when hidden. */
  respondents: number | null;
  shown: boolean;
  hiddenBecause?: HiddenBecause;
  questions: ScaleResult[];
}

export interface CommentResult {
  id: string;
  questionKey: string;
  text: string;
  /** The team, only when that team's results are shown. */
  teamName: string | null;
  tags: string[];
  /** Themes whose keywords the comment contains. */
  keywordThemes: string[];
}

export interface SurveyResults {
  minimumGroupSize: number;
  respondents: number | null;
  groups: ResultGroup[];
  /** Only when the whole survey reached the minimum. */
  comments: CommentResult[];
}

interface GroupNode {
  level: GroupLevel;
  id: string;
  name: string;
  parentId?: string;
  respondents: number;
  scaleCounts: Record<string, number[]>;
  hiddenBecause?: HiddenBecause;
}

export const everyoneId = "everyone";
const noServiceId = "service:none";
const noTeamId = (serviceId: string) => `team:none:${serviceId}`;

function addCounts(into: Record<string, number[]>, from: Record<string, number[]>): void {
  for (const [key, counts] of Object.entries(from)) {
    const total = into[key] ?? counts.map(() => 0);
    into[key] = total.map((value, index) => value + (counts[index] ?? 0));
  }
}

function groupTree(tallies: readonly SurveyTally[], names: OrganisationNames, audienceTeamIds: readonly string[]): GroupNode[] {
  const serviceName = new Map(names.services.map((service) => [service.id, service.name]));
  const teamOf = new Map(names.teams.map((team) => [team.id, team]));
  const nodes = new Map<string, GroupNode>();
  const node = (level: GroupLevel, id: string, name: string, parentId?: string) => {
    if (!nodes.has(id)) nodes.set(id, { level, id, name, parentId, respondents: 0, scaleCounts: {} });
    return nodes.get(id)!;
  };
  const everyone = node("everyone", everyoneId, "Everyone who answered");
  const placeTeam = (teamId: string | undefined, serviceId: string | undefined) => {
    const team = teamId ? teamOf.get(teamId) : undefined;
    const service = team?.serviceId ?? serviceId ?? noServiceId;
    const serviceNode = node("service", service, serviceName.get(service) ?? "Staff not in a service", everyoneId);
    const teamNode = teamId ? node("team", teamId, team?.name ?? "A team that has closed", service) : node("team", noTeamId(service), "Staff not in a team", service);
    return [serviceNode, teamNode] as const;
  };
  // Teams asked but with no answers are shown as hidden, so nobody reads silence as a figure.
  for (const teamId of audienceTeamIds) placeTeam(teamId, undefined);
  for (const tally of tallies) {
    for (const group of [everyone, ...placeTeam(tally.teamId, tally.serviceId)]) {
      group.respondents += tally.respondents;
      addCounts(group.scaleCounts, tally.scaleCounts);
    }
  }
  return [...nodes.values()];
}

/** Marks which groups must be hidden; see the file comment for the rule. */
export function suppressGroups<T extends { id: string; parentId?: string; level: GroupLevel; respondents: number; hiddenBecause?: HiddenBecause }>(
  groups: T[],
  minimumGroupSize: number,
): T[] {
  for (const group of groups) if (group.respondents < minimumGroupSize) group.hiddenBecause = "too_few";
  const childrenOf = (parentId: string) => groups.filter((group) => group.parentId === parentId);
  const hideDescendants = (parentId: string) => {
    for (const child of childrenOf(parentId)) {
      child.hiddenBecause ??= "protects_smaller_group";
      hideDescendants(child.id);
    }
  };
  const visit = (parent: T) => {
    if (parent.hiddenBecause) {
      hideDescendants(parent.id);
      return;
    }
    const children = childrenOf(parent.id);
    for (;;) {
      const hidden = children.filter((child) => child.hiddenBecause && child.respondents > 0);
      const hiddenTotal = hidden.reduce((sum, child) => sum + child.respondents, 0);
      if (hidden.length === 0 || hiddenTotal >= minimumGroupSize) break;
      const next = children
        .filter((child) => !child.hiddenBecause && child.respondents > 0)
        .sort((a, b) => a.respondents - b.respondents || a.id.localeCompare(b.id))[0];
      if (!next) break; // every child is hidden: the parent's own figure is all that shows
      next.hiddenBecause = "protects_smaller_group";
    }
    for (const child of children) visit(child);
  };
  for (const root of groups.filter((group) => group.parentId === undefined)) visit(root);
  return groups;
}

export function scaleResult(question: Extract<SurveyQuestion, { type: "scale" }>, counts: number[]): ScaleResult {
  const padded = question.labels.map((_, index) => counts[index] ?? 0);
  const answered = padded.reduce((sum, count) => sum + count, 0);
  const weighted = padded.reduce((sum, count, index) => sum + count * (index + 1), 0);
  const topPoints = question.labels.length >= 4 ? 2 : 1;
  const favourable = padded.slice(-topPoints).reduce((sum, count) => sum + count, 0);
  return {
    key: question.key,
    text: question.text,
    labels: question.labels,
    counts: padded,
    average: answered === 0 ? 0 : Math.round((weighted / answered) * 10) / 10,
    favourablePercent: answered === 0 ? 0 : Math.round((favourable / answered) * 100),
  };
}

function wordsOf(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ")} `;
}

/** The themes whose keywords (whole words or phrases, any case) appear in the comment. */
export function keywordThemesOf(comment: string, themes: readonly SurveyTheme[]): string[] {
  const words = wordsOf(comment);
  return themes
    .filter((theme) => theme.keywords.some((keyword) => wordsOf(keyword).trim() !== "" && words.includes(wordsOf(keyword))))
    .map((theme) => theme.name);
}

export interface ResultsInput {
  survey: Pick<Survey, "questions">;
  tallies: readonly SurveyTally[];
  names: OrganisationNames;
  minimumGroupSize: number;
  /** Teams the survey was sent to, so a team with no answers still shows as hidden. */
  audienceTeamIds?: readonly string[];
  themes?: readonly SurveyTheme[];
}

export function surveyResults({ survey, tallies, names, minimumGroupSize, audienceTeamIds = [], themes = [] }: ResultsInput): SurveyResults {
  const groups = suppressGroups(groupTree(tallies, names, audienceTeamIds), minimumGroupSize);
  const scaleQuestions = survey.questions.filter((question) => question.type === "scale");
  const shown = new Set(groups.filter((group) => !group.hiddenBecause).map((group) => group.id));
  const everyone = groups.find((group) => group.id === everyoneId)!;
  const teamName = new Map(groups.filter((group) => group.level === "team").map((group) => [group.id, group.name]));
  const comments: CommentResult[] = shown.has(everyoneId)
    ? tallies
        .flatMap((tally) =>
          tally.comments.map((comment: SurveyComment) => ({
            id: comment.id,
            questionKey: comment.questionKey,
            text: comment.text,
            teamName: tally.teamId && shown.has(tally.teamId) ? (teamName.get(tally.teamId) ?? null) : null,
            tags: comment.tags,
            keywordThemes: keywordThemesOf(comment.text, themes),
          })),
        )
        // Ids are random, so this order says nothing about who answered when.
        .sort((a, b) => a.id.localeCompare(b.id))
    : [];
  // Each service followed by its teams, by name.
  const ordered: GroupNode[] = [];
  const place = (parentId: string | undefined) => {
    for (const group of groups.filter((candidate) => candidate.parentId === parentId).sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(group);
      place(group.id);
    }
  };
  place(undefined);
  return {
    minimumGroupSize,
    respondents: shown.has(everyoneId) ? everyone.respondents : null,
    groups: ordered.map((group) => ({
        level: group.level,
        id: group.id,
        name: group.name,
        ...(group.parentId ? { parentId: group.parentId } : {}),
        respondents: group.hiddenBecause ? null : group.respondents,
        shown: !group.hiddenBecause,
        ...(group.hiddenBecause ? { hiddenBecause: group.hiddenBecause } : {}),
        questions: group.hiddenBecause ? [] : scaleQuestions.map((question) => scaleResult(question, group.scaleCounts[question.key] ?? [])),
      })),
    comments,
  };
}

export interface TrendPoint {
  surveyId: string;
  round: string;
  /** Null when the group's results were hidden in that round. */
  average: number | null;
  favourablePercent: number | null;
  respondents: number | null;
}

export interface QuestionTrend {
  key: string;
  text: string;
  groups: { id: string; name: string; level: GroupLevel; parentId?: string; points: TrendPoint[] }[];
}

export interface TrendRound {
  surveyId: string;
  round: string;
  results: SurveyResults;
}

/**
 * Each scale question of the latest round, across the rounds (oldest first),
 * for every group shown in at least one round; a hidden round stays hidden.
 */
export function surveyTrends(latest: Pick<Survey, "questions">, rounds: readonly TrendRound[]): QuestionTrend[] {
  return latest.questions
    .filter((question) => question.type === "scale")
    .map((question) => {
      const groupIds = new Map<string, { name: string; level: GroupLevel; parentId?: string }>();
      for (const round of rounds) {
        for (const group of round.results.groups) if (group.shown) groupIds.set(group.id, { name: group.name, level: group.level, ...(group.parentId ? { parentId: group.parentId } : {}) });
      }
      return {
        key: question.key,
        text: question.text,
        groups: [...groupIds].map(([id, group]) => ({
          id,
          ...group,
          points: rounds.map((round) => {
            const found = round.results.groups.find((candidate) => candidate.id === id && candidate.shown);
            const figures = found?.questions.find((result) => result.key === question.key);
            return {
              surveyId: round.surveyId,
              round: round.round,
              average: figures?.average ?? null,
              favourablePercent: figures?.favourablePercent ?? null,
              respondents: found?.respondents ?? null,
            };
          }),
        })),
      };
    });
}
