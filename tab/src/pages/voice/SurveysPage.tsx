// #/voice: pulse surveys, health checks and reflective feedback, newest
// first, each leading to its results (or, for a draft, its editor). The QA
// lead also sets the smallest group whose results are shown and the themes
// comments are grouped by.
import { Button, Field, Input, Link, makeStyles, Subtitle1, Textarea, tokens } from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { ApiProblem } from "../../api/api-client";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { hrefFor, surveyHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { Notice, useDocumentTitle, type NoticeText } from "../programmes/shared-parts";
import { surveyKindWords, surveyStateWords, themesFromText, themesToText, type SurveySettings, type SurveySummary } from "./voice-words";

const useStyles = makeStyles({
  write: { marginTop: tokens.spacingVerticalL },
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "40rem", marginTop: tokens.spacingVerticalM },
  save: { alignSelf: "flex-start" },
});

const TITLE = "Staff voice";

export function SurveysPage({ focusHeading }: { focusHeading: boolean }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { me } = useSession();
  useDocumentTitle(TITLE);
  const { state, reload } = useApiData(
    (api) => api.get<{ surveys: SurveySummary[]; canRunSurveys: boolean }>("/api/surveys").then(({ body }) => body),
    [],
  );

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{TITLE}</PageHeading>
      <PageText>
        Pulse surveys, annual health checks and reflective feedback after audits. Answers are anonymous: Golden Thread keeps who answered, so nobody is asked twice,
        but never beside what they said. Results are shown only for groups where enough people answered.
      </PageText>
      {state.kind === "ok" && state.data.canRunSurveys && (
        <Button as="a" href={hrefFor("compose-survey")} appearance="primary" className={styles.write}>
          Write a survey
        </Button>
      )}
      {state.kind === "loading" && <Loading label="Finding surveys…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={reload} />}
      {state.kind === "ok" &&
        (state.data.surveys.length === 0 ? (
          <PageText>No surveys yet.</PageText>
        ) : (
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Surveys, newest first</caption>
            <thead className={tableStyles.head}>
              <tr>
                {["Survey", "Kind", "Round", "Open", "Status"].map((column) => (
                  <th key={column} scope="col" className={tableStyles.headerCell}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className={tableStyles.body}>
              {state.data.surveys.map((survey) => (
                <tr key={survey.id} className={tableStyles.row}>
                  <DataCell label="Survey" header>
                    {/* Practitioners read no results; their list only says what was asked. */}
                    {me.scope === "own" && survey.status === "sent" ? (
                      survey.title
                    ) : (
                      <Link inline href={surveyHref(survey.id)}>
                        {survey.title}
                      </Link>
                    )}
                  </DataCell>
                  <DataCell label="Kind">{surveyKindWords[survey.kind]}</DataCell>
                  <DataCell label="Round">{survey.round}</DataCell>
                  <DataCell label="Open">
                    {survey.opensOn} to {survey.closesOn}
                  </DataCell>
                  <DataCell label="Status">{surveyStateWords[survey.state]}</DataCell>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {me.roles.includes("qa_lead") && <SettingsForm />}
      {!me.roles.includes("qa_lead") && me.scope !== "own" && (
        <PageText>You see results for the groups you manage. Only the QA lead reads what people wrote.</PageText>
      )}
      {me.scope === "own" && <PageText>Results are for managers and the QA lead. When a survey is sent to you, answer it on the card in your Teams chat.</PageText>}
    </>
  );
}

function SettingsForm() {
  const styles = useStyles();
  const headingId = useId();
  const { api } = useSession();
  const loaded = useApiData((client) => client.get<SurveySettings>("/api/survey-settings"), []);
  const [minimum, setMinimum] = useState("");
  const [themes, setThemes] = useState("");
  const [etag, setEtag] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<{ minimumGroupSize?: string; themes?: string }>({});
  const [notice, setNotice] = useState<NoticeText | undefined>();

  useEffect(() => {
    if (loaded.state.kind !== "ok") return;
    setMinimum(String(loaded.state.data.body.minimumGroupSize));
    setThemes(themesToText(loaded.state.data.body.themes));
    setEtag(loaded.state.data.etag);
  }, [loaded.state]);

  async function save() {
    setBusy(true);
    setFieldError({});
    try {
      const { body, etag: next } = await api.send<SurveySettings>("PATCH", "/api/survey-settings", {
        body: { minimumGroupSize: Number(minimum), themes: themesFromText(themes) },
        ifMatch: etag,
      });
      setEtag(next);
      setMinimum(String(body.minimumGroupSize));
      setNotice({ text: "Settings saved.", tone: "success", at: Date.now() });
    } catch (error) {
      if (error instanceof ApiProblem && error.problems.length > 0) {
        const byField: { minimumGroupSize?: string; themes?: string } = {};
        for (const problem of error.problems) {
          if (problem.field.startsWith("minimumGroupSize")) byField.minimumGroupSize = problem.message;
          else byField.themes = problem.message;
        }
        setFieldError(byField);
      }
      setNotice({ text: problemMessage(error), tone: "error", at: Date.now() });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        Settings
      </Subtitle1>
      {loaded.state.kind === "loading" && <Loading label="Reading settings…" />}
      {loaded.state.kind === "error" && <LoadError message={loaded.state.message} onRetry={loaded.reload} />}
      {loaded.state.kind === "ok" && (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Field
            label="Smallest group whose results are shown"
            hint="At least 3. Fewer people than this in a team or service, and its results stay hidden."
            validationMessage={fieldError.minimumGroupSize}
          >
            <Input type="number" value={minimum} onChange={(_, data) => setMinimum(data.value)} />
          </Field>
          <Field
            label="Comment themes"
            hint='One theme a line: its name, a colon, then the words that put a comment in it. For example "Workload: caseload, admin".'
            validationMessage={fieldError.themes}
          >
            <Textarea value={themes} onChange={(_, data) => setThemes(data.value)} rows={5} resize="vertical" />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy} className={styles.save}>
            {busy ? "Saving…" : "Save settings"}
          </Button>
          {notice && <Notice notice={notice} />}
        </form>
      )}
    </section>
  );
}
