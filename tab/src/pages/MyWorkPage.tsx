// #/my-work, the personal tab's home: audits you are doing, reflections
// asked of you, actions you own, and what other features wait on you for
// (observations, 360 feedback, surveys, bulletins). Overdue work comes first and says so.
import { Body1, Link, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Action, Audit, WaitingEntry } from "../api/types";
import { Loading, LoadError } from "../components/LoadState";
import { OverdueMarker } from "../components/OverdueMarker";
import { PageText } from "../components/PageText";
import { actionStatusWords, auditStatusWords, auditTypeWords, byUrgency, isOverdue, longDateText, todayIso } from "../components/words";
import { auditHref, hrefFor } from "../routes";
import { useSession } from "../session/session-context";
import { allPages, useApiData } from "../session/use-api-data";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  list: { listStyleType: "none", margin: 0, marginTop: tokens.spacingVerticalS, padding: 0 },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  facts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0, color: tokens.colorNeutralForeground2 },
  more: { display: "block", marginTop: tokens.spacingVerticalS },
});

const openAudit = (audit: Audit) => !["submitted", "in_moderation", "completed", "declined", "cancelled"].includes(audit.status);
const openAction = (action: Action) => action.status === "open" || action.status === "in_progress";

interface MyWork {
  toDo: Audit[];
  reflections: Audit[];
  actions: Action[];
  waiting: WaitingEntry[];
}

export function MyWorkPage() {
  const { me } = useSession();
  const { state, reload } = useApiData<MyWork>(
    async (api) => {
      const today = todayIso();
      const [toDo, reflections, actions, waiting] = await Promise.all([
        allPages<Audit>(api, "/api/audits", "audits", { auditorId: me.id, status: ["assigned", "reflection_requested", "in_progress"] }),
        allPages<Audit>(api, "/api/audits", "audits", { practitionerId: me.id, status: "reflection_requested" }),
        allPages<Action>(api, "/api/actions", "actions", { ownerId: me.id, status: ["open", "in_progress"] }),
        api.get<{ waiting: WaitingEntry[] }>("/api/my-work/waiting").then(({ body }) => body.waiting),
      ]);
      return {
        toDo: toDo.sort(byUrgency(openAudit, today)),
        reflections: reflections.filter((audit) => !audit.reflection?.finishedAt).sort(byUrgency(openAudit, today)),
        actions: actions.sort(byUrgency(openAction, today)),
        waiting,
      };
    },
    [me.id],
  );

  if (state.kind === "loading") return <Loading label="Finding your work…" />;
  if (state.kind === "error") return <LoadError message={state.message} onRetry={reload} />;
  const { toDo, reflections, actions, waiting } = state.data;

  return (
    <>
      <PageText>What is waiting for you, with anything overdue first.</PageText>
      <WorkSection id="audits-to-do" title="Audits to do" count={toDo.length} empty="No audits are waiting for you.">
        {toDo.map((audit) => (
          <AuditItem key={audit.id} audit={audit} />
        ))}
      </WorkSection>
      <WorkSection
        id="reflections"
        title="Reflections asked of you"
        count={reflections.length}
        empty="Nobody has asked for your reflection on a case."
        intro="You give your reflection in your Golden Thread chat in Teams: open the chat and choose Carry on with my reflection. The auditor reads it beside their audit."
      >
        {reflections.map((audit) => (
          <AuditItem key={audit.id} audit={audit} reflection />
        ))}
      </WorkSection>
      <WorkSection id="your-actions" title="Your actions" count={actions.length} empty="You have no open actions." footer={<ActionsLink ownerId={me.id} />}>
        {actions.map((action) => (
          <ActionItem key={action.id} action={action} />
        ))}
      </WorkSection>
      <WorkSection id="waiting-for-you" title="Waiting for you" count={waiting.length} empty="Nothing else is waiting for you: no observations to reflect on, feedback or surveys to answer, or bulletins to read.">
        {waiting.map((entry) => (
          <WaitingItem key={`${entry.kind}-${entry.id}`} entry={entry} />
        ))}
      </WorkSection>
    </>
  );
}

function WorkSection(props: { id: string; title: string; count: number; empty: string; intro?: string; footer?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  const headingId = `${props.id}-heading`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {props.title} ({props.count})
      </Subtitle1>
      {props.intro && props.count > 0 && <PageText>{props.intro}</PageText>}
      {props.count === 0 ? <PageText>{props.empty}</PageText> : <ul className={styles.list}>{props.children}</ul>}
      {props.footer}
    </section>
  );
}

function AuditItem({ audit, reflection = false }: { audit: Audit; reflection?: boolean }) {
  const styles = useStyles();
  const overdue = openAudit(audit) && isOverdue(audit.dueDate);
  const reference = audit.caseReference ?? "(no case reference)";
  return (
    <li className={styles.item}>
      <Link inline href={auditHref(audit.id)} className={styles.title}>
        {reflection ? `Your reflection on case ${reference}` : `Audit of case ${reference}`}
      </Link>
      <Body1 as="p" className={styles.facts}>
        {overdue && <OverdueMarker />}
        <span>{auditTypeWords[audit.type]}</span>
        <span>{audit.dueDate ? `Due ${longDateText(audit.dueDate)}` : "No due date"}</span>
        <span>Status: {reflection ? reflectionWords(audit) : auditStatusWords[audit.status]}</span>
      </Body1>
    </li>
  );
}

function reflectionWords(audit: Audit): string {
  const answered = audit.reflection?.answers.length ?? 0;
  if (answered === 0) return "not started";
  return `${answered} ${answered === 1 ? "question" : "questions"} answered, not finished`;
}

function ActionItem({ action }: { action: Action }) {
  const styles = useStyles();
  const overdue = isOverdue(action.dueDate);
  return (
    <li className={styles.item}>
      <span className={styles.title}>{action.title}</span>
      <Body1 as="p" className={styles.facts}>
        {overdue && <OverdueMarker />}
        <span>Due {longDateText(action.dueDate)}</span>
        <span>Status: {actionStatusWords[action.status]}</span>
      </Body1>
    </li>
  );
}

const waitingKindWords: Record<WaitingEntry["kind"], string> = {
  observation_reflection: "Observation",
  feedback_360: "360-degree feedback",
  survey: "Survey",
  bulletin: "Learning bulletin",
};

function WaitingItem({ entry }: { entry: WaitingEntry }) {
  const styles = useStyles();
  const overdue = entry.dueDate !== null && isOverdue(entry.dueDate);
  return (
    <li className={styles.item}>
      {entry.link ? (
        <Link inline href={entry.link} className={styles.title}>
          {entry.title}
        </Link>
      ) : (
        <span className={styles.title}>{entry.title}</span>
      )}
      <Body1 as="p" className={styles.facts}>
        {overdue && <OverdueMarker />}
        <span>{waitingKindWords[entry.kind]}</span>
        {entry.dueDate && <span>{entry.kind === "survey" ? `Closes ${longDateText(entry.dueDate)}` : `Due ${longDateText(entry.dueDate)}`}</span>}
        <span>{entry.where}</span>
      </Body1>
    </li>
  );
}

function ActionsLink({ ownerId }: { ownerId: string }) {
  const styles = useStyles();
  return (
    <Link inline href={hrefFor("actions", { ownerId })} className={styles.more}>
      Mark your actions done, or ask for more time, in the action tracker
    </Link>
  );
}
