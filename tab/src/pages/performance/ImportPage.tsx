// #/performance/import: the QA lead imports a month of KPI values from CSV.
// The template lists every KPI for each team, service and the whole
// authority; the file is checked row by row on the server and either every
// value is imported or none is, with each rejected row named and why. The
// page polls the import and shows its progress while it runs.
import { Body1, Button, Field, Label, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Subtitle1, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import { DataCell } from "../../components/DataCell";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { hrefFor } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import type { KpiImport } from "./performance-words";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalM },
  result: { marginTop: tokens.spacingVerticalL },
  code: { fontFamily: tokens.fontFamilyMonospace },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxWidth: "100%" },
  fileInput: { maxWidth: "100%" },
});

const pollMs = 500;
const finished = new Set(["imported", "rejected", "failed"]);

function progressText(job: KpiImport): string {
  if (job.progress) return job.progress.phase === "checking" ? `Checking row ${job.progress.done} of ${job.progress.total}…` : `Saving value ${job.progress.done} of ${job.progress.total}…`;
  return job.status === "writing" ? "Saving the values…" : `Checking row ${job.checkedCount} of ${job.rowCount}…`;
}

export function ImportPage() {
  const styles = useStyles();
  const table = useTableStyles();
  const { api } = useSession();
  const fileInputId = useId();
  const historyHeading = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [job, setJob] = useState<KpiImport>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const history = useApiData(async (client) => (await client.get<{ imports: (KpiImport & { rejectedRowCount: number })[] }>("/api/performance/imports")).body.imports, []);

  // Poll a running import until it finishes.
  useEffect(() => {
    if (!job || finished.has(job.status)) return;
    let live = true;
    const timer = setTimeout(() => {
      api.get<KpiImport>(`/api/performance/imports/${encodeURIComponent(job.id)}`).then(
        ({ body }) => {
          if (!live) return;
          setJob(body);
          if (finished.has(body.status)) history.reload();
        },
        (failure: unknown) => live && setError(problemMessage(failure)),
      );
    }, pollMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, job, history]);

  async function downloadTemplate() {
    try {
      const file = await api.getFile("/api/performance/import-template.csv");
      const url = URL.createObjectURL(file.blob);
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = file.filename;
      anchor.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      setError(problemMessage(failure));
    }
  }

  async function upload() {
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError("Choose the CSV file to import first.");
      return;
    }
    setBusy(true);
    setError(undefined);
    setJob(undefined);
    try {
      const { body } = await api.send<KpiImport>("POST", "/api/performance/imports", { body: { fileName: file.name, csv: await file.text() } });
      setJob(body);
    } catch (failure) {
      setError(problemMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageText>
        Import a month of KPI values from a CSV file. Every row is checked first: if any row has a problem, nothing is imported and each problem is listed, so you can correct the file and import it again. Importing a month again replaces that month's values for the KPIs in the file, and the change is recorded in the audit log.
      </PageText>
      <PageText>
        The columns are <span className={styles.code}>kpi_code, month, team, service, value, note</span>. Leave team and service empty for the whole authority's figure. The easiest way is to start from the template.
      </PageText>
      <div className={styles.row}>
        <Button onClick={() => void downloadTemplate()}>Download the template for last month</Button>
      </div>
      <div className={styles.row}>
        <div className={styles.file}>
          <Label htmlFor={fileInputId}>CSV file of KPI values</Label>
          <input id={fileInputId} ref={fileInput} type="file" accept=".csv,text/csv" className={styles.fileInput} />
        </div>
        <Button appearance="primary" disabled={busy || (job !== undefined && !finished.has(job.status))} onClick={() => void upload()}>
          {busy ? "Sending…" : "Import"}
        </Button>
      </div>
      {error && (
        <div role="alert" className={styles.result}>
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {job && !finished.has(job.status) && (
        <div className={styles.result} role="status">
          <Field label={progressText(job)} validationState="none">
            <ProgressBar value={job.progress ? job.progress.done / Math.max(job.progress.total, 1) : undefined} />
          </Field>
        </div>
      )}
      {job && finished.has(job.status) && (
        <div className={styles.result} role={job.status === "imported" ? "status" : "alert"}>
          <MessageBar intent={job.status === "imported" ? "success" : "error"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{job.status === "imported" ? "Imported" : "Not imported"}</MessageBarTitle>
              {job.message} {job.status === "imported" && <Link href={hrefFor("performance")}>See the figures</Link>}
            </MessageBarBody>
          </MessageBar>
          {job.rejectedRows.length > 0 && (
            <table className={table.table}>
              <caption className={table.caption}>Rows that could not be imported ({job.rejectedRows.length})</caption>
              <thead className={table.head}>
                <tr>
                  <th className={table.headerCell}>Row</th>
                  <th className={table.headerCell}>Problem</th>
                </tr>
              </thead>
              <tbody className={table.body}>
                {job.rejectedRows.map((rejected) => (
                  <tr key={rejected.row} className={table.row}>
                    <DataCell label="Row" header>
                      {rejected.row}
                    </DataCell>
                    <DataCell label="Problem">{rejected.reason}</DataCell>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <section className={styles.section} aria-labelledby={historyHeading}>
        <Subtitle1 as="h3" id={historyHeading} className={styles.heading}>
          Recent imports
        </Subtitle1>
        {history.state.kind === "ok" && history.state.data.length === 0 && <Body1>No imports yet.</Body1>}
        {history.state.kind === "ok" && history.state.data.length > 0 && (
          <table className={table.table}>
            <thead className={table.head}>
              <tr>
                <th className={table.headerCell}>When</th>
                <th className={table.headerCell}>File</th>
                <th className={table.headerCell}>Outcome</th>
              </tr>
            </thead>
            <tbody className={table.body}>
              {history.state.data.map((entry) => (
                <tr key={entry.id} className={table.row}>
                  <DataCell label="When" header>
                    {new Date(entry.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
                  </DataCell>
                  <DataCell label="File">{entry.fileName}</DataCell>
                  <DataCell label="Outcome">{entry.message || entry.status}</DataCell>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
