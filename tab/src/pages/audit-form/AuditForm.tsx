// #/audits/<id>: one audit. Its auditor starts or declines it, then grades
// it section by section (saved as they type) and submits it. Everyone else
// who may see it gets a read-only view. The practitioner's reflection sits
// beside the form. People who plan audits assign (or reassign) it and share
// it with external auditors here too.
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Subtitle1, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { ApiProblem, type ApiClient } from "../../api/api-client";
import type { Audit, AuditTool, Me, PersonSummary, Service, Team } from "../../api/types";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { AssessmentFields, gradeGroupId, OVERALL_GRADE_ID } from "./AssessmentFields";
import { canPlanAudits } from "../programmes/shared-parts";
import { AuditModeration } from "../moderation/AuditModeration";
import { AssessmentView } from "./AssessmentView";
import { AuditFacts } from "./AuditFacts";
import { AuditorAndSharing } from "./AuditorAndSharing";
import { ungradedSections } from "./draft";
import { personName } from "./planning-words";
import { ReflectionPanel } from "./ReflectionPanel";
import { CONFLICT_EXPLANATION, saveStatusText, SaveStatusBar } from "./SaveStatus";
import { StartOrDecline } from "./StartOrDecline";
import { UnsavedTextPanel } from "./UnsavedText";
import { useAutosave } from "./use-autosave";

const useStyles = makeStyles({
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalXL,
    marginTop: tokens.spacingVerticalXL,
    "@media (min-width: 860px)": {
      gridTemplateColumns: "minmax(0, 1fr) 280px",
      alignItems: "start",
    },
  },
  form: { minWidth: 0, "@media (min-width: 860px)": { gridColumn: "1", gridRow: "1" } },
  aside: { "@media (min-width: 860px)": { gridColumn: "2", gridRow: "1", position: "sticky", top: tokens.spacingVerticalL } },
  outcome: { marginTop: tokens.spacingVerticalL, ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  submit: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  conflict: { marginTop: tokens.spacingVerticalS },
  declined: { marginTop: tokens.spacingVerticalL },
  declinedText: { overflowWrap: "anywhere" },
  quiet: { color: tokens.colorNeutralForeground2 },
});

interface Loaded {
  audit: Audit;
  tool: AuditTool;
  people: Map<string, PersonSummary>;
  /** Loaded for people who plan audits only (to say where each auditor works). */
  teams: Map<string, Team>;
  services: Map<string, Service>;
}

export function AuditForm({ auditId, focusHeading }: { auditId: string; focusHeading: boolean }) {
  const { me } = useSession();
  const planner = canPlanAudits(me);
  const { state, reload } = useApiData<Loaded>(
    async (api) => {
      const { body, etag } = await api.get<Audit>(`/api/audits/${encodeURIComponent(auditId)}`);
      const [tool, people, teams, services] = await Promise.all([
        api.get<AuditTool>(`/api/audit-tools/${encodeURIComponent(body.toolId)}`),
        api.get<{ people: PersonSummary[] }>("/api/people"),
        planner ? api.get<{ teams: Team[] }>("/api/teams").then(({ body }) => body.teams) : [],
        planner ? api.get<{ services: Service[] }>("/api/services").then(({ body }) => body.services) : [],
      ]);
      return {
        audit: { ...body, etag: etag ?? body.etag },
        tool: tool.body,
        people: new Map(people.body.people.map((person) => [person.id, person])),
        teams: new Map(teams.map((team) => [team.id, team])),
        services: new Map(services.map((service) => [service.id, service])),
      };
    },
    [auditId, planner],
  );

  const title = state.kind === "ok" ? `Audit of case ${state.data.audit.caseReference ?? "(no reference)"}` : "Audit";
  useEffect(() => {
    document.title = `${title} – Golden Thread`;
  }, [title]);

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{title}</PageHeading>
      {state.kind === "loading" && <Loading label="Opening the audit…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={state.status === 404 ? undefined : reload} title="This audit did not open" />}
      {state.kind === "ok" && <LoadedAudit loaded={state.data} />}
    </>
  );
}

type Outcome = { tone: "success" | "info"; text: string };

function LoadedAudit({ loaded }: { loaded: Loaded }) {
  const styles = useStyles();
  const { me, api } = useSession();
  const { tool, people, teams, services } = loaded;
  const canEdit = (audit: Audit) => audit.auditorId === me.id && audit.status === "in_progress";
  const form = useAutosave({ api, initial: loaded.audit, tool, canEdit });
  const { audit } = form;
  const [outcome, setOutcome] = useState<Outcome>();
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<string>();
  const outcomeRef = useRef<HTMLDivElement>(null);

  const isAuditor = audit.auditorId === me.id;
  const editable = canEdit(audit);
  const canStart = isAuditor && (audit.status === "assigned" || audit.status === "reflection_requested");
  const practitionerName = audit.practitionerId ? (people.get(audit.practitionerId)?.displayName ?? "The practitioner") : undefined;
  const lookup = useMemo(() => ({ people, teams, services }), [people, teams, services]);

  // The status bar is sticky: keep fields that take focus from hiding under it.
  useEffect(() => {
    if (!editable) return;
    const root = document.documentElement;
    const previous = root.style.scrollPaddingTop;
    root.style.scrollPaddingTop = "72px";
    return () => {
      root.style.scrollPaddingTop = previous;
    };
  }, [editable]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const reloadAfterConflict = async () => {
    setReloading(true);
    setReloadError(undefined);
    try {
      await form.reload();
    } catch (error) {
      setReloadError(problemMessage(error));
    } finally {
      setReloading(false);
    }
  };

  return (
    <>
      <AuditFacts audit={audit} people={people} me={me} />
      {audit.status === "declined" && (
        <MessageBar intent="warning" layout="multiline" className={styles.declined}>
          <MessageBarBody className={styles.declinedText}>
            <strong>Declined by {personName(audit.auditorId, lookup, me)}</strong>
            {audit.declineReason ? `: ${audit.declineReason}` : "."}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <div ref={outcomeRef} tabIndex={-1} className={styles.outcome}>
          <MessageBar intent={outcome.tone} layout="multiline">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {canStart && (
        <StartOrDecline
          api={api}
          audit={audit}
          etag={form.etag}
          onChanged={(next, etag, what) => {
            form.replaceAudit(next, etag);
            setOutcome(
              what === "started"
                ? { tone: "success", text: "You have started this audit. Your answers and grades save as you type." }
                : { tone: "info", text: "You have declined this audit. It has gone back to the QA lead, who will give it to someone else." },
            );
          }}
        />
      )}
      <Explanation audit={audit} me={me} isAuditor={isAuditor} />
      {canPlanAudits(me) && (
        <AuditorAndSharing
          audit={audit}
          lookup={lookup}
          me={me}
          api={api}
          etag={form.etag}
          prepare={async () => {
            // The planner may be this audit's auditor, part-way through: their answers are saved first.
            if (!editable || (await form.flush())) return { ok: true };
            return form.inConflict()
              ? { ok: false, conflict: true, message: "" }
              : { ok: false, conflict: false, message: "Nothing was changed: your latest answers could not be saved first. Try again in a minute." };
          }}
          reload={form.reload}
          onChanged={({ audit: next, etag }) => form.replaceAudit(next, etag)}
          onOutcome={setOutcome}
        />
      )}
      {reloadError && (
        <div role="alert" className={styles.outcome}>
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>Couldn't reload the audit: {reloadError}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {form.unsaved && <UnsavedTextPanel unsaved={form.unsaved} editable={editable} onRestore={form.restoreMine} onDismiss={form.dismissMine} />}
      <div className={styles.layout}>
        {practitionerName && (
          <div className={styles.aside}>
            <ReflectionPanel audit={audit} tool={tool} practitionerName={practitionerName} />
          </div>
        )}
        <div className={styles.form}>
          {editable ? (
            <EditableAudit form={form} tool={tool} api={api} reloading={reloading} onReload={() => void reloadAfterConflict()} onSubmitted={setOutcome} />
          ) : (
            <>
              <AssessmentView audit={audit} tool={tool} />
              <AuditModeration auditId={audit.id} gradeLabel={(key) => (key ? (tool.gradeScale?.grades.find((grade) => grade.key === key)?.label ?? key) : undefined)} />
            </>
          )}
        </div>
      </div>
    </>
  );
}

/** One sentence on where the audit stands, for who is looking. */
function Explanation({ audit, me, isAuditor }: { audit: Audit; me: Me; isAuditor: boolean }) {
  let text: string | undefined;
  if (audit.practitionerId === me.id && audit.status === "reflection_requested" && !audit.reflection?.finishedAt) {
    text = "Your reflection on this case is asked for. You give it in your Golden Thread chat in Teams: open the chat and choose Carry on with my reflection.";
  } else if (!isAuditor && ["assigned", "reflection_requested", "in_progress"].includes(audit.status)) {
    text = "Only the auditor can change this audit. You are seeing it as it was last saved.";
  } else if (audit.status === "planned") {
    text = "This audit has not been given to an auditor yet.";
  }
  return text ? <PageText>{text}</PageText> : null;
}

function EditableAudit(props: {
  form: ReturnType<typeof useAutosave>;
  tool: AuditTool;
  api: ApiClient;
  reloading: boolean;
  onReload: () => void;
  onSubmitted: (outcome: Outcome) => void;
}) {
  const { form, tool, api, reloading, onReload, onSubmitted } = props;
  const styles = useStyles();
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [submitError, setSubmitError] = useState<{ text: string; missingGrades: boolean }>();
  const [submitting, setSubmitting] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  // A grade chosen after a failed submit clears that section's message.
  const stillMissing = useMemo(() => {
    const next = new Set<string>();
    for (const key of missing) {
      if (key === "overall" ? !form.draft.overallGrade : !form.draft.sectionGrades[key]) next.add(key);
    }
    return next;
  }, [missing, form.draft]);

  const focusFirstMissing = (keys: string[]) => {
    const first = keys[0];
    if (!first) {
      errorRef.current?.focus();
      return;
    }
    const groupId = first === "overall" ? OVERALL_GRADE_ID : gradeGroupId(first);
    const group = document.getElementById(groupId);
    const radio = group?.querySelector<HTMLInputElement>("input[type=radio]:checked") ?? group?.querySelector<HTMLInputElement>("input[type=radio]");
    radio?.focus();
  };

  const submit = async () => {
    setSubmitError(undefined);
    setSubmitting(true);
    try {
      if (!(await form.flush())) {
        setSubmitError({
          text: form.inConflict()
            ? "Not submitted: someone else changed this audit after you opened it. Reload it first."
            : "Not submitted: your latest changes could not be saved. Try again in a minute.",
          missingGrades: false,
        });
        return;
      }
      const { body, etag } = await api.send<Audit & { moderationId: string | null }>("POST", `/api/audits/${encodeURIComponent(form.audit.id)}/submit`, { ifMatch: form.etag() });
      form.replaceAudit(body, etag);
      onSubmitted({
        tone: "success",
        text: body.moderationId
          ? "Submitted. This audit has been picked for moderation: a moderator will agree with your grades or re-grade them, and you will hear the outcome in Teams."
          : "Submitted. This audit was not picked for moderation, so it is now complete. Thank you.",
      });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 422) {
        const keys = ungradedSections(form.draft, tool).map((section) => section.key);
        if (keys.length === 0 && !form.draft.overallGrade) keys.push("overall");
        setMissing(new Set(keys));
        setSubmitError({ text: `Not submitted. ${error.message}`, missingGrades: keys.length > 0 });
        // Let React draw the messages first, so the focused group announces its own.
        setTimeout(() => focusFirstMissing(keys), 0);
      } else if (error instanceof ApiProblem && error.status === 412) {
        setSubmitError({ text: "Not submitted: someone else changed this audit after you opened it. Reload it first.", missingGrades: false });
      } else {
        setSubmitError({ text: `Not submitted. ${problemMessage(error)}`, missingGrades: false });
        setTimeout(() => errorRef.current?.focus(), 0);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form
      aria-label="Grade the audit"
      noValidate
      // Enter in a text box must never submit the audit: only the Submit button does.
      onSubmit={(event) => event.preventDefault()}
    >
      <SaveStatusBar status={form.status} onRetry={() => void form.saveNow()} onReload={onReload} reloading={reloading} />
      {form.status.kind === "conflict" && (
        <MessageBar intent="error" layout="multiline" className={styles.conflict}>
          <MessageBarBody>{CONFLICT_EXPLANATION}</MessageBarBody>
        </MessageBar>
      )}
      <AssessmentFields tool={tool} draft={form.draft} setDraft={form.setDraft} missingGrades={stillMissing} />
      <section className={styles.submit} aria-labelledby="submit-heading">
        <Subtitle1 as="h3" id="submit-heading" className={styles.heading}>
          Submit the audit
        </Subtitle1>
        <Body1 as="p" style={{ margin: 0 }}>
          Grade every section and give an overall grade first. Once submitted, the audit cannot be changed. It may be picked for moderation.
        </Body1>
        <Body1 as="p" className={styles.quiet} style={{ margin: 0 }}>
          {saveStatusText(form.status)}
          {form.status.kind === "conflict" && ` ${CONFLICT_EXPLANATION}`}
        </Body1>
        {/* The "grade every section" refusal goes once every grade it named is chosen. */}
        {submitError && !(submitError.missingGrades && stillMissing.size === 0) && (
          <div ref={errorRef} tabIndex={-1} role="alert">
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{submitError.text}</MessageBarBody>
            </MessageBar>
          </div>
        )}
        <Button type="button" appearance="primary" disabledFocusable={submitting} onClick={() => void submit()}>
          {submitting ? "Submitting…" : "Submit audit"}
        </Button>
      </section>
    </form>
  );
}
