// Workforce voice in the tab: the shapes the API sends, and the words the
// pages use for them.
export type SurveyKind = "pulse" | "health_check" | "reflective";
export type SurveyState = "draft" | "scheduled" | "open" | "closed";

export type SurveyQuestion =
  | { key: string; type: "scale"; text: string; labels: string[] }
  | { key: string; type: "free_text"; text: string };

export type SurveyAudience = { scope: "everyone" } | { scope: "services"; serviceIds: string[] } | { scope: "teams"; teamIds: string[] };

export interface SurveySummary {
  id: string;
  title: string;
  kind: SurveyKind;
  round: string;
  seriesId: string | null;
  opensOn: string;
  closesOn: string;
  status: "draft" | "sent";
  state: SurveyState;
  audience: SurveyAudience;
}

export interface SurveyDefinition {
  id: string;
  title: string;
  kind: SurveyKind;
  introduction?: string;
  questions: SurveyQuestion[];
  audience: SurveyAudience;
  round: string;
  seriesId?: string;
  opensOn: string;
  closesOn: string;
  status: "draft" | "sent";
  state: SurveyState;
  minimumGroupSize: number;
}

export interface ScaleResult {
  key: string;
  text: string;
  labels: string[];
  counts: number[];
  average: number;
  favourablePercent: number;
}

export interface ResultGroup {
  level: "everyone" | "service" | "team";
  id: string;
  name: string;
  parentId?: string;
  respondents: number | null;
  shown: boolean;
  hiddenBecause?: "too_few" | "protects_smaller_group";
  questions: ScaleResult[];
}

export interface SurveyComment {
  id: string;
  questionKey: string;
  text: string;
  teamName: string | null;
  tags: string[];
  keywordThemes: string[];
}

export interface TrendPoint {
  surveyId: string;
  round: string;
  average: number | null;
  favourablePercent: number | null;
  respondents: number | null;
}

export interface QuestionTrend {
  key: string;
  text: string;
  groups: { id: string; name: string; level: ResultGroup["level"]; points: TrendPoint[] }[];
}

export interface SurveyTheme {
  name: string;
  keywords: string[];
}

export interface SurveyResultsResponse {
  survey: SurveySummary;
  questions: SurveyQuestion[];
  /** Null until the survey has closed. */
  results: { minimumGroupSize: number; respondents: number | null; groups: ResultGroup[]; comments: SurveyComment[] } | null;
  /** How many people have answered so far. */
  answered: number;
  minimumGroupSize: number;
  trends: QuestionTrend[];
  themes: SurveyTheme[];
  canSeeComments: boolean;
}

export interface SurveySettings {
  minimumGroupSize: number;
  themes: SurveyTheme[];
}

export const surveyKindWords: Record<SurveyKind, string> = {
  pulse: "Pulse survey",
  health_check: "Annual health check",
  reflective: "Reflective feedback after audits",
};

export const surveyStateWords: Record<SurveyState, string> = {
  draft: "Draft: not sent",
  scheduled: "Sent, opens later",
  open: "Open for answers",
  closed: "Closed",
};

export const agreementLabels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"];

export const reflectiveQuestions: SurveyQuestion[] = [
  { key: "went_well", type: "free_text", text: "What went well?" },
  { key: "did_not_go_well", type: "free_text", text: "What didn't go well?" },
  { key: "would_help", type: "free_text", text: "What would help next time?" },
];

/** Why a group shows no figures, in words. */
export function hiddenWords(group: Pick<ResultGroup, "hiddenBecause">, minimumGroupSize: number): string {
  return group.hiddenBecause === "protects_smaller_group"
    ? "Hidden so that a smaller group's answers cannot be worked out"
    : `Fewer than ${minimumGroupSize} people answered`;
}

/** A question key from its text: stable, so later rounds can be compared with this one. */
export function questionKeyFrom(text: string, taken: readonly string[]): string {
  const base = text.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 32) || "question";
  let key = base;
  for (let suffix = 2; taken.includes(key); suffix += 1) key = `${base}_${suffix}`;
  return key;
}

/** "Workload: caseload, admin" lines to themes, and back. */
export function themesFromText(text: string): SurveyTheme[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = "", keywords = ""] = line.split(":", 2);
      return { name: name.trim(), keywords: keywords.split(",").map((keyword) => keyword.trim()).filter(Boolean) };
    });
}

export function themesToText(themes: readonly SurveyTheme[]): string {
  return themes.map((theme) => `${theme.name}: ${theme.keywords.join(", ")}`).join("\n");
}
