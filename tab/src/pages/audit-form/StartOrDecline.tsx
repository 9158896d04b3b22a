// For the auditor of an audit not started yet: Start, or Decline with a reason.
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Subtitle1, Textarea, tokens } from "@fluentui/react-components";
import { useRef, useState, type FormEvent } from "react";
import { ApiProblem, type ApiClient } from "../../api/api-client";
import type { Audit } from "../../api/types";
import { PageText } from "../../components/PageText";
import { problemMessage } from "../../session/use-api-data";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  heading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

export function StartOrDecline(props: { api: ApiClient; audit: Audit; etag: () => string; onChanged: (audit: Audit, etag: string | undefined, outcome: "started" | "declined") => void }) {
  const { api, audit, etag, onChanged } = props;
  const styles = useStyles();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const path = `/api/audits/${encodeURIComponent(audit.id)}`;

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.send<Audit>("POST", `${path}/start`, { ifMatch: etag() });
      onChanged(result.body, result.etag, "started");
    } catch (failure) {
      setError(failure instanceof ApiProblem && failure.status === 412 ? "Someone else changed this audit after you opened it. Reload the page, then try again." : problemMessage(failure));
      setBusy(false);
    }
  };

  const decline = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError("Give a reason for declining the audit.");
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    setReasonError(undefined);
    setError(undefined);
    try {
      const result = await api.send<Audit>("POST", `${path}/decline`, { body: { reason: reason.trim() }, ifMatch: etag() });
      onChanged(result.body, result.etag, "declined");
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.status === 422) {
        setReasonError(failure.message);
        reasonRef.current?.focus();
      } else {
        setError(failure instanceof ApiProblem && failure.status === 412 ? "Someone else changed this audit after you opened it. Reload the page, then try again." : problemMessage(failure));
      }
      setBusy(false);
    }
  };

  return (
    <section className={styles.box} aria-labelledby="start-heading">
      <Subtitle1 as="h3" id="start-heading" className={styles.heading}>
        This audit is yours
      </Subtitle1>
      <PageText>Start it when you are ready to read the case. If you cannot do it, decline it and say why: it goes back to the QA lead.</PageText>
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!declining ? (
        <div className={styles.buttons}>
          <Button appearance="primary" disabledFocusable={busy} onClick={() => void start()}>
            Start audit
          </Button>
          <Button disabledFocusable={busy} onClick={() => setDeclining(true)}>
            Decline
          </Button>
        </div>
      ) : (
        <form onSubmit={(event) => void decline(event)} noValidate className={styles.box} style={{ marginTop: 0 }}>
          <Field label="Why are you declining this audit?" required validationState={reasonError ? "error" : "none"} validationMessage={reasonError}>
            <Textarea ref={reasonRef} resize="vertical" maxLength={1000} value={reason} onChange={(_, data) => setReason(data.value)} autoFocus />
          </Field>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabledFocusable={busy}>
              Decline audit
            </Button>
            <Button
              disabledFocusable={busy}
              onClick={() => {
                setDeclining(false);
                setReasonError(undefined);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
