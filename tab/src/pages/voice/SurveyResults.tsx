// A sent survey's results: each scale question for everyone who answered
// (a chart with its table) and by service and team, where groups too small
// to show, or that would give a small group away, say so instead of a
// figure; trends across rounds; and, for the QA lead only, what people
// wrote, grouped by theme, with no name and no team where the team is small.
import { Badge, Button, Field, Input, makeStyles, Select, Subtitle1, tokens } from "@fluentui/react-components";
import { GroupedVerticalBarChart, ResponsiveContainer, VerticalBarChart, type GroupedVerticalBarChartData, type VerticalBarChartDataPoint } from "@fluentui/react-charts";
import { useId, useMemo, useState } from "react";
import { DataCell } from "../../components/DataCell";
import { FormDialog } from "../../components/FormDialog";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { ChartPanel } from "../../dashboard/ChartPanel";
import { countColour, gradePalette } from "../../dashboard/dashboard-labels";
import { FigureTable } from "../../dashboard/FigureTable";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { Notice, useDocumentTitle, type NoticeText } from "../programmes/shared-parts";
import { hiddenWords, surveyKindWords, surveyStateWords, type QuestionTrend, type ResultGroup, type SurveyComment, type SurveyResultsResponse } from "./voice-words";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  threshold: { marginTop: tokens.spacingVerticalM },
  hidden: { color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  comments: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  comment: { padding: tokens.spacingHorizontalM, borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}` },
  commentText: { margin: 0 },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", marginTop: tokens.spacingVerticalXS },
  filter: { maxWidth: "20rem" },
});

const chartHeight = 240;
const levelWords: Record<ResultGroup["level"], string> = { everyone: "", service: "Service: ", team: "Team: " };

export function SurveyResults({ surveyId, focusHeading }: { surveyId: string; focusHeading: boolean }) {
  const styles = useStyles();
  const { state, reload } = useApiData(
    (api) => api.get<SurveyResultsResponse>(`/api/surveys/${encodeURIComponent(surveyId)}/results`).then(({ body }) => body),
    [surveyId],
  );
  const title = state.kind === "ok" ? `${state.data.survey.title}: ${state.data.survey.round}` : "Survey results";
  useDocumentTitle(title);
  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{title}</PageHeading>
      {state.kind === "loading" && <Loading label="Adding up the answers…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={reload} />}
      {state.kind === "ok" && <ResultsBody data={state.data} onTagged={reload} />}
      {state.kind === "ok" && state.data.trends.length > 0 && state.data.trends[0]!.groups.some((group) => group.points.length > 1) && (
        <section className={styles.section} aria-label="Trends across rounds">
          <Subtitle1 as="h3" className={styles.heading}>
            Trends across rounds
          </Subtitle1>
          <PageText>The average answer in each round, for each group shown in that round. A round where a group was hidden has no bar for it.</PageText>
          {state.data.trends.map((trend) => (
            <TrendPanel key={trend.key} trend={trend} minimumGroupSize={state.data.minimumGroupSize} />
          ))}
        </section>
      )}
    </>
  );
}

function ResultsBody({ data, onTagged }: { data: SurveyResultsResponse; onTagged: () => void }) {
  const styles = useStyles();
  const { survey, results } = data;
  if (!results) {
    return (
      <>
        <PageText>
          {surveyKindWords[survey.kind]}. {surveyStateWords[survey.state]} ({survey.opensOn} to {survey.closesOn}). {data.answered}{" "}
          {data.answered === 1 ? "person has" : "people have"} answered so far.
        </PageText>
        <PageText>
          Results appear when the survey closes on {survey.closesOn}. While it is open, comparing the figures before and after someone answered would show what they
          said, so nothing is shown until no more answers can arrive.
        </PageText>
      </>
    );
  }
  const everyone = results.groups.find((group) => group.level === "everyone");
  const scaleQuestions = data.questions.filter((question) => question.type === "scale");
  return (
    <>
      <PageText>
        {surveyKindWords[survey.kind]}. {surveyStateWords[survey.state]} ({survey.opensOn} to {survey.closesOn}).{" "}
        {results.respondents === null ? `Fewer than ${results.minimumGroupSize} people have answered, so there are no results to show yet.` : `${results.respondents} people answered.`}
      </PageText>
      <div className={styles.threshold}>
        <Notice
          takeFocus={false}
          notice={{
            tone: "info",
            at: 0,
            text: `Results are shown only for groups where at least ${results.minimumGroupSize} people answered, so nobody can be picked out from their answers. A group can also be hidden when showing it would let someone work out a smaller group's answers by subtraction.`,
          }}
        />
      </div>
      {everyone?.shown &&
        scaleQuestions.map((question) => <QuestionPanel key={question.key} questionKey={question.key} groups={results.groups} minimumGroupSize={results.minimumGroupSize} />)}
      {data.canSeeComments && <CommentsSection data={data} onTagged={onTagged} />}
    </>
  );
}

function QuestionPanel({ questionKey, groups, minimumGroupSize }: { questionKey: string; groups: ResultGroup[]; minimumGroupSize: number }) {
  const tableStyles = useTableStyles();
  const styles = useStyles();
  const everyone = groups.find((group) => group.level === "everyone")!;
  const result = everyone.questions.find((question) => question.key === questionKey)!;
  const answered = result.counts.reduce((sum, count) => sum + count, 0);
  const chartData: VerticalBarChartDataPoint[] = result.labels.map((label, index) => ({
    x: label,
    y: result.counts[index] ?? 0,
    legend: label,
    color: countColour,
    barLabel: String(result.counts[index] ?? 0),
    xAxisCalloutData: label,
    yAxisCalloutData: `${result.counts[index] ?? 0} of ${answered}`,
  }));
  const table = (
    <table className={tableStyles.table}>
      <caption className={tableStyles.caption}>{result.text}: by group</caption>
      <thead className={tableStyles.head}>
        <tr>
          {["Group", "Answered", "Average", "Agree or better", "Answers, lowest first"].map((column) => (
            <th key={column} scope="col" className={tableStyles.headerCell}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={tableStyles.body}>
        {groups.map((group) => {
          const figures = group.questions.find((question) => question.key === questionKey);
          return (
            <tr key={group.id} className={tableStyles.row}>
              <DataCell label="Group" header>
                {levelWords[group.level]}{group.name}
              </DataCell>
              {group.shown && figures ? (
                <>
                  <DataCell label="Answered">{group.respondents}</DataCell>
                  <DataCell label="Average">
                    {figures.average.toFixed(1)} of {figures.labels.length}
                  </DataCell>
                  <DataCell label="Agree or better">{figures.favourablePercent}%</DataCell>
                  <DataCell label="Answers, lowest first">{figures.counts.map((count, index) => `${figures.labels[index]} ${count}`).join(" · ")}</DataCell>
                </>
              ) : (
                <td colSpan={4} data-label="Results" className={tableStyles.cell}>
                  <span className={styles.hidden}>{hiddenWords(group, minimumGroupSize)}</span>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  const distribution = (
    <FigureTable
      caption={`${result.text}: everyone who answered`}
      columns={["Answer", "People"]}
      rows={[
        ...result.labels.map((label, index) => ({ header: label, cells: [{ count: result.counts[index] ?? 0, note: `${answered ? Math.round(((result.counts[index] ?? 0) / answered) * 100) : 0}%` }] })),
        { header: "Answered", total: true, cells: [{ count: answered }] },
      ]}
    />
  );
  return (
    <div>
      <ChartPanel
        title={result.text}
        description={`Everyone who answered: average ${result.average.toFixed(1)} of ${result.labels.length}; ${result.favourablePercent}% chose one of the top answers.`}
        chart={
          <ResponsiveContainer height={chartHeight}>
            <VerticalBarChart data={chartData} hideLegend wrapXAxisLables barWidth="auto" maxBarWidth={60} yAxisTickCount={4} roundedTicks svgProps={{ "aria-label": `Bar chart of answers to: ${result.text}` }} />
          </ResponsiveContainer>
        }
        table={distribution}
      />
      {table}
    </div>
  );
}

function TrendPanel({ trend, minimumGroupSize }: { trend: QuestionTrend; minimumGroupSize: number }) {
  const tableStyles = useTableStyles();
  const styles = useStyles();
  const rounds = trend.groups[0]?.points.map((point) => point.round) ?? [];
  const chartData: GroupedVerticalBarChartData[] = rounds.map((round, roundIndex) => ({
    name: round,
    series: trend.groups.flatMap((group, groupIndex) => {
      const point = group.points[roundIndex];
      return point?.average === null || point === undefined
        ? []
        : [{ key: `${group.id}-${round}`, data: point.average, legend: group.name, color: gradePalette[groupIndex % gradePalette.length], yAxisCalloutData: `${point.average.toFixed(1)} (${point.respondents} answered)` }];
    }),
  }));
  const table = (
    <table className={tableStyles.table}>
      <caption className={tableStyles.caption}>{trend.text}: average answer by round</caption>
      <thead className={tableStyles.head}>
        <tr>
          <th scope="col" className={tableStyles.headerCell}>
            Group
          </th>
          {rounds.map((round) => (
            <th key={round} scope="col" className={tableStyles.headerCell}>
              {round}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={tableStyles.body}>
        {trend.groups.map((group) => (
          <tr key={group.id} className={tableStyles.row}>
            <DataCell label="Group" header>
              {levelWords[group.level]}{group.name}
            </DataCell>
            {group.points.map((point) => (
              <DataCell key={point.surveyId} label={point.round}>
                {point.average === null ? <span className={styles.hidden}>Hidden (fewer than {minimumGroupSize}, or protecting a smaller group)</span> : `${point.average.toFixed(1)} (${point.respondents} answered)`}
              </DataCell>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartPanel
      title={trend.text}
      description="Average answer by round."
      chart={
        <ResponsiveContainer height={chartHeight}>
          <GroupedVerticalBarChart data={chartData} yAxisTickCount={4} roundedTicks barWidth="auto" svgProps={{ "aria-label": `Grouped bar chart of the average answer to: ${trend.text}, by round` }} />
        </ResponsiveContainer>
      }
      table={table}
    />
  );
}

function themesOf(comment: SurveyComment): string[] {
  return [...new Set([...comment.tags, ...comment.keywordThemes])];
}

function CommentsSection({ data, onTagged }: { data: SurveyResultsResponse; onTagged: () => void }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const headingId = useId();
  const { api } = useSession();
  const [theme, setTheme] = useState("");
  const [tagging, setTagging] = useState<SurveyComment | undefined>();
  const [tagText, setTagText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<NoticeText | undefined>();
  const comments = data.results?.comments ?? [];
  const questionText = new Map(data.questions.map((question) => [question.key, question.text]));
  const counts = useMemo(() => {
    const byTheme = new Map<string, number>();
    for (const comment of comments) for (const name of themesOf(comment).length ? themesOf(comment) : ["No theme"]) byTheme.set(name, (byTheme.get(name) ?? 0) + 1);
    return [...byTheme].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [comments]);
  const shown = theme ? comments.filter((comment) => (themesOf(comment).length ? themesOf(comment) : ["No theme"]).includes(theme)) : comments;

  async function saveTags() {
    if (!tagging) return;
    setBusy(true);
    setError(undefined);
    try {
      const tags = tagText.split(",").map((tag) => tag.trim()).filter(Boolean);
      await api.send("POST", `/api/surveys/${encodeURIComponent(data.survey.id)}/comments/${encodeURIComponent(tagging.id)}/tags`, { body: { tags } });
      setTagging(undefined);
      setNotice({ text: "Themes saved.", tone: "success", at: Date.now() });
      onTagged();
    } catch (caught) {
      setError(problemMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        What people wrote
      </Subtitle1>
      <PageText>
        Only you, as QA lead, see these. They carry no name, and a team only where that team's results are shown. Themes come from the keywords in Staff voice settings
        ("matched") or from you ("tagged"); keywords miss things, so read them all.
      </PageText>
      {notice && <Notice notice={notice} />}
      {comments.length === 0 ? (
        <PageText>{data.results?.respondents == null ? "Comments appear once enough people have answered." : "Nobody wrote anything."}</PageText>
      ) : (
        <>
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Comments by theme (a comment can be in more than one)</caption>
            <thead className={tableStyles.head}>
              <tr>
                <th scope="col" className={tableStyles.headerCell}>
                  Theme
                </th>
                <th scope="col" className={tableStyles.headerCell}>
                  Comments
                </th>
              </tr>
            </thead>
            <tbody className={tableStyles.body}>
              {counts.map(([name, count]) => (
                <tr key={name} className={tableStyles.row}>
                  <DataCell label="Theme" header>
                    {name}
                  </DataCell>
                  <DataCell label="Comments">{count}</DataCell>
                </tr>
              ))}
            </tbody>
          </table>
          <Field label="Show comments" className={styles.filter}>
            <Select value={theme} onChange={(_, selected) => setTheme(selected.value)}>
              <option value="">All {comments.length} comments</option>
              {counts.map(([name]) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <ul className={styles.comments} aria-label="Comments">
            {shown.map((comment) => (
              <li key={comment.id} className={styles.comment}>
                <p className={styles.commentText}>{comment.text}</p>
                <div className={styles.badges}>
                  <span>
                    {questionText.get(comment.questionKey) ?? "A question"} · {comment.teamName ?? "Team not shown (small group)"}
                  </span>
                  {comment.keywordThemes.map((name) => (
                    <Badge key={`k-${name}`} appearance="outline">
                      {name} (matched)
                    </Badge>
                  ))}
                  {comment.tags.map((name) => (
                    <Badge key={`t-${name}`} appearance="tint">
                      {name} (tagged)
                    </Badge>
                  ))}
                  <Button
                    size="small"
                    onClick={() => {
                      setTagging(comment);
                      setTagText(comment.tags.join(", "));
                      setError(undefined);
                    }}
                  >
                    Tag themes
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <FormDialog
        open={tagging !== undefined}
        title="Tag this comment"
        busy={busy}
        submitLabel="Save themes"
        busyLabel="Saving…"
        formError={error}
        onClose={() => setTagging(undefined)}
        onSubmit={() => void saveTags()}
        lead={tagging?.text}
      >
        <Field label="Themes" hint="Separate themes with commas. Leave empty to remove your tags.">
          <Input value={tagText} onChange={(_, changed) => setTagText(changed.value)} />
        </Field>
      </FormDialog>
    </section>
  );
}
