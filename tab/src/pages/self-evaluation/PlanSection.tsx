// The improvement plan: each priority with its owner, RAG status (and why),
// the statements it answers, and its actions from the action tracker.
import { Badge, Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ImprovementPriority, SelfEvaluationAnswer } from "../../api/leadership-types";
import type { PersonSummary } from "../../api/types";
import { PageText } from "../../components/PageText";
import { TrackedActionsTable } from "../../components/TrackedActionsTable";
import { useSession } from "../../session/session-context";
import { problemMessage } from "../../session/use-api-data";
import { SetActionDialog } from "../meetings/MeetingDialogs";
import { PriorityDialog } from "./SefDialogs";
import { ilacsAreaWords, ragBadgeColour, ragWords } from "./sef-words";

const useStyles = makeStyles({
  priority: { marginTop: tokens.spacingVerticalL, padding: tokens.spacingHorizontalM, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  heading: { margin: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
  list: { margin: 0, marginTop: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function PlanSection({ answer, people, editable, onChanged }: { answer: SelfEvaluationAnswer; people: PersonSummary[]; editable: boolean; onChanged: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageText>
        {answer.priorities.length === 0 ? "The plan has no priorities yet." : `${answer.progress.done} of ${answer.progress.actions} actions done across ${answer.priorities.length} ${answer.priorities.length === 1 ? "priority" : "priorities"}.`} RAG is red when an action is
        overdue, amber when one is due within 10 working days and not done, green when all are on track.
      </PageText>
      {editable && (
        <div className={styles.buttons}>
          <Button onClick={() => setAdding(true)}>Add a priority</Button>
        </div>
      )}
      {answer.priorities.map((priority) => (
        <PriorityCard key={priority.id} priority={priority} answer={answer} people={people} editable={editable} onChanged={onChanged} />
      ))}
      <PriorityDialog
        open={adding}
        api={api}
        selfEvaluationId={answer.selfEvaluation.id}
        people={people}
        statements={answer.statements}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          onChanged();
        }}
      />
    </>
  );
}

function PriorityCard({ priority, answer, people, editable, onChanged }: { priority: ImprovementPriority; answer: SelfEvaluationAnswer; people: PersonSummary[]; editable: boolean; onChanged: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [setting, setSetting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const statements = answer.statements.filter((statement) => priority.statementIds.includes(statement.id));
  const active = editable && priority.status === "active";

  const markAchieved = async () => {
    setError(undefined);
    try {
      await api.send("PATCH", `/api/improvement-priorities/${encodeURIComponent(priority.id)}`, { body: { status: "achieved" }, ifMatch: priority.etag });
      onChanged();
    } catch (problem) {
      setError(problemMessage(problem));
    }
  };

  return (
    <section className={styles.priority} aria-label={`Priority: ${priority.title}`}>
      <Subtitle2 as="h4" className={styles.heading}>
        {priority.title}
        <Badge appearance="filled" color={ragBadgeColour[priority.progress.rag]}>
          {ragWords[priority.progress.rag]}
        </Badge>
      </Subtitle2>
      <PageText>
        Owner: {priority.ownerName}. {priority.progress.reason} {priority.progress.done} of {priority.progress.actions} actions done.
        {priority.status === "achieved" && " Marked achieved."}
        {priority.status === "carried_forward" && " Carried forward to next year's plan."}
        {priority.carriedFromId && " Carried forward from last year's plan."}
      </PageText>
      {priority.impactMeasure && <PageText>What will show impact: {priority.impactMeasure}</PageText>}
      {statements.length > 0 && (
        <ul className={styles.list} aria-label="Statements it answers">
          {statements.map((statement) => (
            <li key={statement.id}>
              {ilacsAreaWords[statement.area]}: {statement.text.trim().slice(0, 160) || "(not written yet)"}
            </li>
          ))}
        </ul>
      )}
      {priority.actions.length === 0 ? (
        <PageText>No actions yet.</PageText>
      ) : (
        <TrackedActionsTable caption="Actions (in the action tracker)" actions={priority.actions} />
      )}
      {active && (
        <div className={styles.buttons}>
          <Button onClick={() => setSetting(true)}>Set an action</Button>
          <Button onClick={() => setEditing(true)}>Change the priority</Button>
          <Button onClick={() => void markAchieved()}>Mark achieved</Button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      <PriorityDialog
        key={priority.etag}
        open={editing}
        api={api}
        selfEvaluationId={answer.selfEvaluation.id}
        people={people}
        statements={answer.statements}
        priority={priority}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          onChanged();
        }}
      />
      <SetActionDialog
        open={setting}
        api={api}
        people={people}
        path={`/api/improvement-priorities/${encodeURIComponent(priority.id)}/actions`}
        lead={priority.title}
        onClose={() => setSetting(false)}
        onSet={() => {
          setSetting(false);
          onChanged();
        }}
      />
    </section>
  );
}
