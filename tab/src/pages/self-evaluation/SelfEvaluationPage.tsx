// #/self-evaluation: the SEF workspace and the improvement plan. Statements
// sit under the ILACS judgement areas and Ofsted's three questions, each with
// its evidence (and a flag when it has none); the plan's priorities carry
// RAG from their actions. Both download as Word documents. The year is kept
// in the address (#/self-evaluation?year=<id>).
import { Button, makeStyles, MessageBar, MessageBarBody, Select, Field, Subtitle1, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { SelfEvaluation, SelfEvaluationAnswer } from "../../api/leadership-types";
import { saveFile } from "../../api/save-file";
import type { PersonSummary } from "../../api/types";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { useHashQuery } from "../../use-hash-route";
import { PlanSection } from "./PlanSection";
import { NextYearDialog, StartYearDialog } from "./SefDialogs";
import { StatementCard } from "./StatementCard";
import { ilacsAreaOrder, ilacsAreaWords, ofstedQuestionOrder, ofstedQuestionWords } from "./sef-words";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalL },
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  area: { marginTop: tokens.spacingVerticalXL, paddingTop: tokens.spacingVerticalM, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  question: { marginTop: tokens.spacingVerticalL },
  field: { minWidth: "min(200px, 100%)", maxWidth: "100%", marginTop: tokens.spacingVerticalL },
  notice: { marginTop: tokens.spacingVerticalL },
});

export function SelfEvaluationPage() {
  const styles = useStyles();
  const { api } = useSession();
  const query = useHashQuery();
  const [starting, setStarting] = useState(false);
  const years = useApiData((client) => client.get<{ selfEvaluations: SelfEvaluation[]; canEdit: boolean }>("/api/self-evaluations").then(({ body }) => body), []);

  if (years.state.kind === "loading") return <Loading label="Opening the self-evaluation…" />;
  if (years.state.kind === "error") return <LoadError message={years.state.message} onRetry={years.reload} />;
  const { selfEvaluations, canEdit } = years.state.data;
  const chosen = selfEvaluations.find((sef) => sef.id === query.get("year")) ?? selfEvaluations.find((sef) => sef.status === "open") ?? selfEvaluations[0];

  return (
    <>
      <PageText>What leaders know about the quality and impact of practice, how they know it, and what they will do: with the evidence behind every statement.</PageText>
      {!chosen && (
        <>
          <PageText>There is no self-evaluation yet.</PageText>
          {canEdit && (
            <div className={styles.buttons}>
              <Button appearance="primary" onClick={() => setStarting(true)}>
                Start the self-evaluation
              </Button>
            </div>
          )}
        </>
      )}
      {selfEvaluations.length > 1 && chosen && (
        <Field label="Year" className={styles.field}>
          <Select value={chosen.id} onChange={(_, data) => query.update({ year: data.value })}>
            {selfEvaluations.map((sef) => (
              <option key={sef.id} value={sef.id}>
                {sef.year}
                {sef.status === "closed" ? " (closed)" : ""}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {chosen && (
        <YearWorkspace
          key={chosen.id}
          selfEvaluationId={chosen.id}
          onYearStarted={(next) => {
            years.reload();
            query.update({ year: next.id });
          }}
        />
      )}
      <StartYearDialog
        open={starting}
        api={api}
        onClose={() => setStarting(false)}
        onStarted={(sef) => {
          setStarting(false);
          years.reload();
          query.update({ year: sef.id });
        }}
      />
    </>
  );
}

function YearWorkspace({ selfEvaluationId, onYearStarted }: { selfEvaluationId: string; onYearStarted: (next: SelfEvaluation) => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const sefHeading = useId();
  const planHeading = useId();
  const [nextYear, setNextYear] = useState(false);
  const [adding, setAdding] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [download, setDownload] = useState<{ kind: "idle" | "busy" } | { kind: "error"; message: string }>({ kind: "idle" });
  const path = `/api/self-evaluations/${encodeURIComponent(selfEvaluationId)}`;
  const view = useApiData((client) => client.get<SelfEvaluationAnswer>(path).then(({ body }) => body), [selfEvaluationId]);
  const people = useApiData((client) => client.get<{ people: PersonSummary[] }>("/api/people").then(({ body }) => body.people), []);

  if (view.state.kind === "loading") return <Loading label="Opening the year…" />;
  if (view.state.kind === "error") return <LoadError message={view.state.message} onRetry={view.reload} />;
  const answer = view.state.data;
  const editable = answer.canEdit && answer.selfEvaluation.status === "open";
  // Refresh in place, so statements being written stay on the page.
  const refresh = () => void api.get<SelfEvaluationAnswer>(path).then(({ body }) => view.update(() => body), (error: unknown) => setProblem(problemMessage(error)));
  const flagged = answer.statements.filter((statement) => statement.flags.includes("no_evidence")).length;

  const addStatement = async (area: string, question: string) => {
    setAdding(`${area}:${question}`);
    setProblem(undefined);
    try {
      await api.send("POST", `${path}/statements`, { body: { area, question, text: "" } });
      refresh();
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setAdding(undefined);
    }
  };
  const downloadWord = async (file: "self-evaluation" | "improvement-plan") => {
    setDownload({ kind: "busy" });
    try {
      await saveFile(api, `${path}/${file}.docx`);
      setDownload({ kind: "idle" });
    } catch {
      setDownload({ kind: "error", message: "The Word document did not download. Try again in a minute." });
    }
  };

  return (
    <>
      <div className={styles.buttons}>
        <Button disabledFocusable={download.kind === "busy"} onClick={() => void downloadWord("self-evaluation")}>
          Download the self-evaluation (Word)
        </Button>
        <Button disabledFocusable={download.kind === "busy"} onClick={() => void downloadWord("improvement-plan")}>
          Download the improvement plan (Word)
        </Button>
        {editable && <Button onClick={() => setNextYear(true)}>Start next year</Button>}
        {download.kind === "error" && <span role="alert">{download.message}</span>}
      </div>
      {answer.selfEvaluation.status === "closed" && (
        <MessageBar intent="info" className={styles.notice}>
          <MessageBarBody>The {answer.selfEvaluation.year} self-evaluation is closed: it is kept as it was when next year's started.</MessageBarBody>
        </MessageBar>
      )}
      {!answer.canEdit && <PageText>You can read the self-evaluation. The QA lead and senior leaders write it.</PageText>}
      {problem && <p role="alert">{problem}</p>}

      <section className={styles.section} aria-labelledby={sefHeading}>
        <Subtitle1 as="h3" id={sefHeading} className={styles.heading}>
          Self-evaluation {answer.selfEvaluation.year}
        </Subtitle1>
        <PageText>
          {answer.statements.length} statements; {flagged === 0 ? "every one has evidence linked." : `${flagged} without evidence.`}
        </PageText>
        {ilacsAreaOrder.map((area) => (
          <div key={area} className={styles.area}>
            <Subtitle2 as="h4" className={styles.heading}>
              {ilacsAreaWords[area]}
            </Subtitle2>
            {ofstedQuestionOrder.map((question) => {
              const statements = answer.statements.filter((statement) => statement.area === area && statement.question === question);
              return (
                <div key={question} className={styles.question}>
                  <h5 className={styles.heading}>{ofstedQuestionWords[question]}</h5>
                  {statements.length === 0 && <PageText>Nothing written yet.</PageText>}
                  {statements.map((statement, index) => (
                    <StatementCard key={statement.id} statement={statement} editable={editable} label={`Statement ${index + 1}`} context={`${ilacsAreaWords[area]}. ${ofstedQuestionWords[question]}`} />
                  ))}
                  {editable && (
                    <div className={styles.buttons}>
                      <Button size="small" disabledFocusable={adding !== undefined} onClick={() => void addStatement(area, question)} aria-label={`Add a statement: ${ilacsAreaWords[area]}, ${ofstedQuestionWords[question]}`}>
                        {adding === `${area}:${question}` ? "Adding…" : "Add a statement"}
                      </Button>
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </section>

      <section className={styles.section} aria-labelledby={planHeading}>
        <Subtitle1 as="h3" id={planHeading} className={styles.heading}>
          Improvement plan {answer.selfEvaluation.year}
        </Subtitle1>
        <PlanSection answer={answer} people={people.state.kind === "ok" ? people.state.data : []} editable={editable} onChanged={refresh} />
      </section>

      <NextYearDialog
        open={nextYear}
        api={api}
        current={answer.selfEvaluation}
        onClose={() => setNextYear(false)}
        onStarted={(next) => {
          setNextYear(false);
          onYearStarted(next);
        }}
      />
    </>
  );
}
