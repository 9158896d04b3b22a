// Focused audits the KPI rules propose: the rule, the teams and the figures
// behind it. The QA lead accepts one into the audit programmes (a focused
// audit programme is planned for those teams) or dismisses it with a reason.
import { Body1, Button, Field, Link, makeStyles, Subtitle1, Textarea, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { FormDialog } from "../../components/FormDialog";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { programmeHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { shortMonth, type Proposal } from "./performance-words";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  proposal: { marginTop: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusLarge },
  text: { display: "block", margin: 0, marginTop: tokens.spacingVerticalXS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
});

export function FocusedAuditProposals({ canDecide }: { canDecide: boolean }) {
  const styles = useStyles();
  const headingId = useId();
  const { api } = useSession();
  const proposals = useApiData(async (client) => (await client.get<{ proposals: Proposal[] }>("/api/performance/proposals")).body.proposals, []);
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<string>();
  const [dismissing, setDismissing] = useState<Proposal>();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function checkNow() {
    setChecking(true);
    setMessage(undefined);
    try {
      const { body } = await api.send<{ checks: { code: string; fired: boolean; outcome: string }[] }>("POST", "/api/performance/proposals/check");
      setMessage(body.checks.map((check) => `${check.code}: ${check.fired ? "proposes a focused audit." : check.outcome}`).join(" "));
      proposals.reload();
    } catch (failure) {
      setMessage(problemMessage(failure));
    } finally {
      setChecking(false);
    }
  }

  async function accept(proposal: Proposal) {
    setError(undefined);
    try {
      const { body } = await api.send<{ programme: { id: string } }>("POST", `/api/performance/proposals/${encodeURIComponent(proposal.id)}/accept`, { body: {}, ifMatch: proposal.etag });
      window.location.hash = programmeHref(body.programme.id).slice(1);
    } catch (failure) {
      setMessage(problemMessage(failure));
    }
  }

  async function dismiss() {
    if (!dismissing) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.send("POST", `/api/performance/proposals/${encodeURIComponent(dismissing.id)}/dismiss`, { body: { reason }, ifMatch: dismissing.etag });
      setDismissing(undefined);
      setReason("");
      proposals.reload();
    } catch (failure) {
      setError(problemMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const waiting = proposals.state.kind === "ok" ? proposals.state.data.filter((proposal) => proposal.status === "proposed") : [];
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        Focused audits the figures suggest
      </Subtitle1>
      <PageText>When a KPI's rule fires, the teams concerned are proposed for a focused audit of their cases.</PageText>
      {canDecide && (
        <div className={styles.actions}>
          <Button onClick={() => void checkNow()} disabled={checking}>
            {checking ? "Checking…" : "Check the rules now"}
          </Button>
        </div>
      )}
      {message && (
        <Body1 as="p" role="status" className={styles.text}>
          {message}
        </Body1>
      )}
      {proposals.state.kind === "loading" && <Loading label="Finding proposals…" />}
      {proposals.state.kind === "error" && <LoadError message={proposals.state.message} onRetry={proposals.reload} />}
      {proposals.state.kind === "ok" && waiting.length === 0 && <PageText>No focused audits are waiting for a decision.</PageText>}
      {waiting.map((proposal) => (
        <article key={proposal.id} className={styles.proposal} aria-label={`Proposed focused audit: ${proposal.kpiName}`}>
          <Body1 as="p" className={styles.text}>
            <strong>{proposal.kpiName}</strong> for {proposal.teams.map((team) => team.name).join(", ")}
          </Body1>
          <Body1 as="p" className={styles.text}>
            {proposal.rule} Compared with {proposal.benchmarkLabel}.
          </Body1>
          <Body1 as="p" className={styles.text}>
            Figures:{" "}
            {proposal.evidence
              .map((entry) => `${proposal.teams.find((team) => team.id === entry.teamId)?.name ?? "a team"} ${shortMonth(entry.month)}: ${entry.value}`)
              .join("; ")}
          </Body1>
          {canDecide && (
            <div className={styles.actions}>
              <Button appearance="primary" onClick={() => void accept(proposal)}>
                Accept into the audit programmes
              </Button>
              <Button onClick={() => setDismissing(proposal)}>Dismiss…</Button>
            </div>
          )}
        </article>
      ))}
      {proposals.state.kind === "ok" &&
        proposals.state.data
          .filter((proposal) => proposal.status === "accepted" && proposal.programmeId)
          .slice(0, 3)
          .map((proposal) => (
            <Body1 as="p" key={proposal.id} className={styles.text}>
              Accepted: <Link href={programmeHref(proposal.programmeId!)}>focused audit of {proposal.kpiName}</Link>
            </Body1>
          ))}
      {proposals.state.kind === "ok" &&
        proposals.state.data
          .filter((proposal) => proposal.status === "dismissed")
          .slice(0, 3)
          .map((proposal) => (
            <Body1 as="p" key={proposal.id} className={styles.text}>
              Dismissed: {proposal.kpiName} for {proposal.teams.map((team) => team.name).join(", ")}, because {proposal.dismissedReason}
            </Body1>
          ))}
      <FormDialog
        open={dismissing !== undefined}
        title="Dismiss this proposal"
        lead={dismissing ? `${dismissing.kpiName} for ${dismissing.teams.map((team) => team.name).join(", ")}` : undefined}
        busy={busy}
        submitLabel="Dismiss proposal"
        busyLabel="Dismissing…"
        formError={error}
        onClose={() => setDismissing(undefined)}
        onSubmit={() => void dismiss()}
      >
        <Field label="Why is no focused audit needed?" required>
          <Textarea value={reason} onChange={(_, data) => setReason(data.value)} resize="vertical" />
        </Field>
      </FormDialog>
    </section>
  );
}
