// The programme's two steps for people who plan audits: draw the sample of
// cases (a planned audit for each, with the seed recorded), then assign
// auditors and send them their cards in Teams. Both send the programme's
// ETag; if someone else changed it meanwhile, the page offers Reload.
import { Button, makeStyles, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ApiProblem } from "../../api/api-client";
import type { Audit } from "../../api/types";
import { PageText } from "../../components/PageText";
import { listText } from "../../components/words";
import { useSession } from "../../session/session-context";
import { problemMessage } from "../../session/use-api-data";
import type { ProgrammeLookup } from "./ProgrammePage";
import type { Programme, ProgrammeWithAudits } from "./programme-words";
import { ConflictMessage, Notice, PageSection, usePartStyles, type NoticeText } from "./shared-parts";

const useStyles = makeStyles({
  step: {
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  stepHeading: { margin: 0 },
  progress: { marginTop: tokens.spacingVerticalS, minHeight: "1px" },
  list: { margin: 0, marginTop: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalXL },
});

type Outcome = { step: "sample" | "assign"; notice: NoticeText; details: string[]; warning?: NoticeText };

export function SampleAndAssign(props: {
  programme: ProgrammeWithAudits;
  lookup: ProgrammeLookup;
  onChanged: (programme: ProgrammeWithAudits) => void;
  onReload: () => void;
}) {
  const { programme, lookup, onChanged, onReload } = props;
  const styles = useStyles();
  const parts = usePartStyles();
  const { api, me } = useSession();
  const [busy, setBusy] = useState<"sample" | "assign">();
  const [outcome, setOutcome] = useState<Outcome>();
  const [failure, setFailure] = useState<{ conflict: boolean; text: string; at: number }>();

  const path = `/api/audit-programmes/${encodeURIComponent(programme.id)}`;
  const teamName = (id: string | undefined) => (id ? (lookup.teams.get(id)?.name ?? "a team you cannot see") : "no team");
  const personName = (id: string | undefined) =>
    !id ? "nobody" : id === me.id ? `${me.displayName} (you)` : (lookup.people.get(id)?.displayName ?? "someone you cannot see");
  const drawn = programme.audits.length;
  const stillToDraw = Math.max(programme.caseCount - drawn, 0);
  const planned = programme.audits.filter((audit) => audit.status === "planned");

  const run = async (step: "sample" | "assign") => {
    setBusy(step);
    setFailure(undefined);
    setOutcome(undefined);
    try {
      if (step === "sample") {
        const { body, etag } = await api.send<{ programme: Programme; audits: Audit[] }>("POST", `${path}/sample`, { ifMatch: programme.etag });
        onChanged({ ...programme, ...body.programme, etag: etag ?? body.programme.etag, audits: [...programme.audits, ...body.audits] });
        const seed = body.programme.samplingSeed ?? "";
        setOutcome({
          step,
          notice: {
            tone: body.audits.length > 0 ? "success" : "info",
            text:
              body.audits.length > 0
                ? `Drew ${body.audits.length} ${body.audits.length === 1 ? "case" : "cases"}. The seed “${seed}” is recorded: drawing with it again gives the same cases.`
                : "No more cases to draw: every case in these teams is already in this programme.",
            at: Date.now(),
          },
          details: body.audits.map((audit) => `${audit.caseReference ?? "No reference"} (${teamName(audit.teamId)})`),
        });
      } else {
        const { body } = await api.send<{ assigned: Audit[]; unassigned: (string | null)[] }>("POST", `${path}/assign`, { body: {}, ifMatch: programme.etag });
        const byId = new Map(body.assigned.map((audit) => [audit.id, audit]));
        onChanged({ ...programme, audits: programme.audits.map((audit) => byId.get(audit.id) ?? audit) });
        const missed = body.unassigned.map((reference) => reference ?? "a case with no reference");
        setOutcome({
          step,
          notice: {
            tone: body.assigned.length > 0 ? "success" : "info",
            text:
              body.assigned.length > 0
                ? `Assigned ${body.assigned.length} ${body.assigned.length === 1 ? "audit" : "audits"}. Each auditor gets a card in Teams with the case reference and due date.`
                : "No audit was assigned.",
            at: Date.now(),
          },
          details: body.assigned.map((audit) => `${audit.caseReference ?? "No reference"} (${teamName(audit.teamId)}): ${personName(audit.auditorId)}`),
          warning:
            missed.length > 0
              ? {
                  tone: "warning",
                  text: `No one could audit ${listText(missed)}: every auditor either works in that case's team${programme.allowOwnTeamAuditors ? "" : " (not allowed in this programme)"} or is the case's practitioner. ${missed.length === 1 ? "It stays" : "They stay"} planned until an auditor from another team can take ${missed.length === 1 ? "it" : "them"}.`,
                  at: Date.now(),
                }
              : undefined,
        });
      }
    } catch (error) {
      setFailure({ conflict: error instanceof ApiProblem && error.status === 412, text: problemMessage(error), at: Date.now() });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <PageSection id="programme-steps-heading" title="Draw the sample and assign auditors">
      {failure?.conflict && <ConflictMessage what="programme" onReload={onReload} />}
      {failure && !failure.conflict && <Notice notice={{ tone: "error", text: `Nothing was changed. ${failure.text}`, at: failure.at }} />}

      <div className={styles.step}>
        <Subtitle2 as="h4" className={styles.stepHeading}>
          1. Draw the sample
        </Subtitle2>
        {programme.teamIds.length === 0 ? (
          <PageText>This programme names no teams, so there are no cases to draw from.</PageText>
        ) : stillToDraw === 0 ? (
          <PageText>
            All {programme.caseCount} cases have been drawn{programme.samplingSeed ? `, with the seed “${programme.samplingSeed}”` : ""}.
          </PageText>
        ) : (
          <>
            <PageText>
              {drawn === 0
                ? `Picks ${programme.caseCount} ${programme.caseCount === 1 ? "case" : "cases"} from the chosen teams and adds a planned audit for each.`
                : `${drawn} of ${programme.caseCount} cases drawn so far. Drawing again adds up to ${stillToDraw} more.`}
            </PageText>
            <div className={parts.buttons}>
              <Button appearance="primary" disabledFocusable={busy !== undefined} onClick={() => void run("sample")}>
                Draw the sample
              </Button>
            </div>
          </>
        )}
        <div role="status" className={styles.progress}>
          {busy === "sample" && <Spinner size="tiny" labelPosition="after" label="Drawing the sample of cases…" />}
        </div>
        {outcome?.step === "sample" && <Result outcome={outcome} listLabel="Cases drawn" />}
      </div>

      <div className={styles.step}>
        <Subtitle2 as="h4" className={styles.stepHeading}>
          2. Assign auditors and send
        </Subtitle2>
        <PageText>
          Each audit still to assign gets an auditor who is not the case's practitioner
          {programme.allowOwnTeamAuditors ? "" : " and does not work in the case's team"}, spreading the work evenly. Each auditor gets their audit as a card
          in Teams.
        </PageText>
        {planned.length === 0 ? (
          <PageText>{drawn === 0 ? "Draw the sample first." : "Every audit in this programme has an auditor."}</PageText>
        ) : (
          <div className={parts.buttons}>
            <Button appearance="primary" disabledFocusable={busy !== undefined} onClick={() => void run("assign")}>
              Assign auditors and send
            </Button>
            <span>
              {planned.length} {planned.length === 1 ? "audit" : "audits"} to assign.
            </span>
          </div>
        )}
        <div role="status" className={styles.progress}>
          {busy === "assign" && <Spinner size="tiny" labelPosition="after" label="Assigning auditors and sending their cards…" />}
        </div>
        {outcome?.step === "assign" && <Result outcome={outcome} listLabel="Who got what" />}
      </div>
    </PageSection>
  );
}

function Result({ outcome, listLabel }: { outcome: Outcome; listLabel: string }) {
  const styles = useStyles();
  return (
    <>
      <Notice notice={outcome.notice}>
        {outcome.details.length > 0 && (
          <ul className={styles.list} aria-label={listLabel}>
            {outcome.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </Notice>
      {outcome.warning && <Notice notice={outcome.warning} takeFocus={false} />}
    </>
  );
}
