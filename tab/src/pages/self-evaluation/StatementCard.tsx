// One SEF statement: its text (saved as you type), its linked evidence, the
// flags when something is missing, and evidence the app suggests, each with
// the reasons it was suggested. Text and evidence share one ETag, so an
// evidence change never makes the next text save look stale.
import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useCallback, useRef, useState } from "react";
import type { DescribedEvidence, EvidenceSuggestion, SefStatement } from "../../api/leadership-types";
import { AutosavedText } from "../../components/AutosavedText";
import { PageText } from "../../components/PageText";
import { useSession } from "../../session/session-context";
import { problemMessage } from "../../session/use-api-data";
import { flagWords } from "./sef-words";

const useStyles = makeStyles({
  card: { marginTop: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  list: { margin: 0, marginTop: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalXL },
  item: { marginTop: tokens.spacingVerticalXS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  flag: { marginTop: tokens.spacingVerticalS },
});

/** `label` names the text box ("Statement 2"); `context` says where it sits (area and question), for the group around it. */
export function StatementCard({ statement, label, context, editable }: { statement: SefStatement; label: string; context: string; editable: boolean }) {
  const styles = useStyles();
  const { api } = useSession();
  const etagRef = useRef(statement.etag);
  const [evidence, setEvidence] = useState<DescribedEvidence[]>(statement.evidenceDescribed);
  const [suggestions, setSuggestions] = useState<{ kind: "none" | "busy" } | { kind: "shown"; list: EvidenceSuggestion[] } | { kind: "error"; message: string }>({ kind: "none" });
  const [evidenceError, setEvidenceError] = useState<string>();
  const path = `/api/sef-statements/${encodeURIComponent(statement.id)}`;

  const save = useCallback(
    async (text: string) => {
      const result = await api.send<SefStatement>("PATCH", path, { body: { text }, ifMatch: etagRef.current });
      etagRef.current = result.etag ?? result.body.etag;
      return { etag: etagRef.current };
    },
    [api, path],
  );
  const load = useCallback(async () => {
    const { body } = await api.get<{ statements: SefStatement[] }>(`/api/self-evaluations/${encodeURIComponent(statement.selfEvaluationId)}`);
    const latest = body.statements.find((candidate) => candidate.id === statement.id);
    if (latest) {
      etagRef.current = latest.etag;
      setEvidence(latest.evidenceDescribed);
    }
    return { text: latest?.text ?? "", etag: latest?.etag ?? null };
  }, [api, statement.id, statement.selfEvaluationId]);

  const changeEvidence = async (next: DescribedEvidence[]) => {
    setEvidenceError(undefined);
    try {
      const result = await api.send<SefStatement>("PATCH", path, { body: { evidence: next.map(({ kind, id, note }) => ({ kind, id, note })) }, ifMatch: etagRef.current });
      etagRef.current = result.etag ?? result.body.etag;
      setEvidence(next);
      return true;
    } catch (error) {
      setEvidenceError(problemMessage(error));
      return false;
    }
  };

  const suggest = async () => {
    setSuggestions({ kind: "busy" });
    try {
      const { body } = await api.get<{ suggestions: EvidenceSuggestion[] }>(`${path}/suggestions`);
      setSuggestions({ kind: "shown", list: body.suggestions });
    } catch (error) {
      setSuggestions({ kind: "error", message: problemMessage(error) });
    }
  };

  const flags = [...statement.flags.filter((flag) => flag === "not_written"), ...(evidence.length === 0 ? (["no_evidence"] as const) : evidence.some((item) => !item.exists) ? (["missing_evidence"] as const) : [])];
  const linkedKeys = new Set(evidence.map((item) => `${item.kind}:${item.id}`));

  return (
    <div className={styles.card} role="group" aria-label={`${label}: ${context}`}>
      <AutosavedText label={label} initialText={statement.text} initialEtag={statement.etag} save={save} load={load} readOnly={!editable} />
      {flags
        .filter((flag) => flag !== "not_written")
        .map((flag) => (
          <MessageBar key={flag} intent="warning" className={styles.flag}>
            <MessageBarBody>{flagWords[flag]}</MessageBarBody>
          </MessageBar>
        ))}
      {evidence.length > 0 && (
        <>
          <PageText>
            <strong>Evidence</strong>
          </PageText>
          <ul className={styles.list}>
            {evidence.map((item) => (
              <li key={`${item.kind}:${item.id}`} className={styles.item}>
                {item.label}
                {item.note && ` (${item.note})`}{" "}
                {editable && (
                  <Button size="small" onClick={() => void changeEvidence(evidence.filter((other) => other !== item))} aria-label={`Remove evidence: ${item.label}`}>
                    Remove
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {evidenceError && (
        <p role="alert" className={styles.flag}>
          {evidenceError}
        </p>
      )}
      {editable && (
        <div className={styles.buttons}>
          <Button disabledFocusable={suggestions.kind === "busy"} onClick={() => void suggest()}>
            {suggestions.kind === "busy" ? "Looking for evidence…" : "Suggest evidence"}
          </Button>
        </div>
      )}
      {suggestions.kind === "error" && <p role="alert">{suggestions.message}</p>}
      {suggestions.kind === "shown" && (
        <div role="region" aria-label="Suggested evidence">
          {suggestions.list.filter((suggestion) => !linkedKeys.has(`${suggestion.kind}:${suggestion.id}`)).length === 0 ? (
            <PageText>Nothing in the QA records matches this statement's words, theme or practice standards. Write more about what you know, or link evidence another way.</PageText>
          ) : (
            <ul className={styles.list}>
              {suggestions.list
                .filter((suggestion) => !linkedKeys.has(`${suggestion.kind}:${suggestion.id}`))
                .map((suggestion) => (
                  <li key={`${suggestion.kind}:${suggestion.id}`} className={styles.item}>
                    <strong>{suggestion.label}</strong>
                    <ul className={styles.list}>
                      {suggestion.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                    <Button size="small" onClick={() => void changeEvidence([...evidence, { kind: suggestion.kind, id: suggestion.id, note: "", label: suggestion.label, exists: true }])}>
                      Link as evidence
                    </Button>
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
