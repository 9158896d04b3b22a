// #/reports: the monthly QA report pack. Choose the month and the scope (the
// whole authority, a service, or an audit theme; kept in the address), read
// each section's figures, write the narrative for each (saved as you type),
// preview the printable page, and download the Word document.
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Subtitle1, tokens } from "@fluentui/react-components";
import { useCallback, useId, useState } from "react";
import type { QueryValue } from "../../api/api-client";
import type { ReportPackAnswer, ReportSection, ReportSectionKey } from "../../api/leadership-types";
import { saveFile } from "../../api/save-file";
import type { Service } from "../../api/types";
import { AutosavedText } from "../../components/AutosavedText";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { useSession } from "../../session/session-context";
import { useApiData } from "../../session/use-api-data";
import { useHashQuery } from "../../use-hash-route";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalL, padding: 0, border: "none", minWidth: 0 },
  legend: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  field: { minWidth: "min(200px, 100%)", maxWidth: "100%" },
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalL },
  section: { marginTop: tokens.spacingVerticalXXL, paddingTop: tokens.spacingVerticalM, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0 },
  figures: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, margin: 0, marginTop: tokens.spacingVerticalM },
  figure: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, minWidth: "140px" },
  figureValue: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  narrative: { marginTop: tokens.spacingVerticalL },
  preview: { width: "100%", height: "640px", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, marginTop: tokens.spacingVerticalM, backgroundColor: "#ffffff" },
  notice: { marginTop: tokens.spacingVerticalL },
});

const sectionWords: Record<ReportSectionKey, string> = {
  summary: "the summary",
  kpis: "headline KPIs with comparators",
  grades: "audit grades",
  moderation: "moderation agreement",
  themes: "themes from audit findings",
  actions: "actions overdue",
  feedback: "feedback and \"you said, we did\"",
  workforce: "workforce voice",
  improvement_plan: "improvement plan progress",
};

function lastMonth(): string {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)).toISOString().slice(0, 7);
}

export function ReportsPage() {
  const styles = useStyles();
  const { api } = useSession();
  const query = useHashQuery();
  const period = /^\d{4}-(0[1-9]|1[0-2])$/.test(query.get("period") ?? "") ? query.get("period")! : lastMonth();
  const scope = (["authority", "service", "theme"] as const).find((value) => value === query.get("scope")) ?? "authority";
  const serviceId = query.get("serviceId");
  const theme = query.get("theme");
  const [themeDraft, setThemeDraft] = useState(theme ?? "");
  const ready = scope === "authority" || (scope === "service" && Boolean(serviceId)) || (scope === "theme" && Boolean(theme));
  const packQuery: Record<string, QueryValue> = { period, scope, serviceId: scope === "service" ? serviceId : undefined, theme: scope === "theme" ? theme : undefined };

  const services = useApiData((client) => client.get<{ services: Service[] }>("/api/services").then(({ body }) => body.services), []);
  const pack = useApiData(
    (client) => (ready ? client.get<ReportPackAnswer>("/api/reports/pack", packQuery).then(({ body }) => body) : Promise.resolve(undefined)),
    [period, scope, serviceId, theme],
  );
  const [preview, setPreview] = useState<{ kind: "none" | "busy" } | { kind: "shown"; html: string } | { kind: "error"; message: string }>({ kind: "none" });
  const [download, setDownload] = useState<{ kind: "idle" | "busy" } | { kind: "error"; message: string }>({ kind: "idle" });

  const showPreview = async () => {
    setPreview({ kind: "busy" });
    try {
      const { blob } = await api.getFile("/api/reports/pack.html", packQuery);
      setPreview({ kind: "shown", html: await blob.text() });
    } catch {
      setPreview({ kind: "error", message: "The printable page did not load. Try again in a minute." });
    }
  };
  const downloadWord = async () => {
    setDownload({ kind: "busy" });
    try {
      await saveFile(api, "/api/reports/pack.docx", packQuery);
      setDownload({ kind: "idle" });
    } catch {
      setDownload({ kind: "error", message: "The Word document did not download. Try again in a minute." });
    }
  };
  const printPreview = () => {
    if (preview.kind !== "shown") return;
    const url = URL.createObjectURL(new Blob([preview.html], { type: "text/html" }));
    window.open(url, "_blank", "noopener");
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <>
      <PageText>The month's QA evidence for the performance meeting: figures from audits, moderation and actions, with your narrative for each section.</PageText>
      <fieldset className={styles.filters}>
        <legend className={styles.legend}>Choose the report</legend>
        <Field label="Month" className={styles.field}>
          <Input type="month" value={period} onChange={(_, data) => /^\d{4}-\d{2}$/.test(data.value) && query.update({ period: data.value })} />
        </Field>
        <Field label="Report for" className={styles.field}>
          <Select value={scope} onChange={(_, data) => query.update({ scope: data.value === "authority" ? undefined : data.value })}>
            <option value="authority">The whole authority</option>
            <option value="service">One service</option>
            <option value="theme">One audit theme</option>
          </Select>
        </Field>
        {scope === "service" && (
          <Field label="Service" className={styles.field}>
            <Select value={serviceId ?? ""} onChange={(_, data) => query.update({ serviceId: data.value || undefined })}>
              <option value="">Choose a service</option>
              {(services.state.kind === "ok" ? services.state.data : []).map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {scope === "theme" && (
          <Field label="Theme" className={styles.field} hint="As written on the audits, e.g. Neglect">
            <Input value={themeDraft} onChange={(_, data) => setThemeDraft(data.value)} onBlur={() => query.update({ theme: themeDraft.trim() || undefined })} onKeyDown={(event) => event.key === "Enter" && query.update({ theme: themeDraft.trim() || undefined })} />
          </Field>
        )}
      </fieldset>

      {!ready && <PageText>{scope === "service" ? "Choose the service the report is for." : "Write the theme the report is for, then press Enter."}</PageText>}
      {ready && pack.state.kind === "loading" && <Loading label="Putting the report pack together…" />}
      {ready && pack.state.kind === "error" && <LoadError message={pack.state.message} onRetry={pack.reload} />}
      {ready && pack.state.kind === "ok" && pack.state.data && (
        <>
          <div className={styles.buttons}>
            <Button appearance="primary" disabledFocusable={download.kind === "busy"} onClick={() => void downloadWord()}>
              {download.kind === "busy" ? "Preparing the document…" : "Download as Word"}
            </Button>
            <Button disabledFocusable={preview.kind === "busy"} onClick={() => void showPreview()}>
              {preview.kind === "busy" ? "Preparing the page…" : preview.kind === "shown" ? "Refresh the printable page" : "Preview the printable page"}
            </Button>
            {preview.kind === "shown" && <Button onClick={printPreview}>Open it to print or save as PDF</Button>}
            {download.kind === "error" && <span role="alert">{download.message}</span>}
            {preview.kind === "error" && <span role="alert">{preview.message}</span>}
          </div>
          {pack.state.data.leftOut.length > 0 && (
            <MessageBar intent="info" layout="multiline" className={styles.notice}>
              <MessageBarBody>
                Not in this pack: {pack.state.data.leftOut.map((left) => `${sectionWords[left.sectionKey]} (${left.reason})`).join("; ")}
              </MessageBarBody>
            </MessageBar>
          )}
          {preview.kind === "shown" && <iframe className={styles.preview} title="Printable report pack" sandbox="" srcDoc={preview.html} />}
          <PackSections answer={pack.state.data} packQuery={packQuery} />
        </>
      )}
    </>
  );
}

function PackSections({ answer, packQuery }: { answer: ReportPackAnswer; packQuery: Record<string, QueryValue> }) {
  return (
    <>
      {answer.pack.sections.map((section) => (
        <PackSection
          key={`${answer.scopeKey}:${answer.pack.period.month}:${section.key}`}
          section={section}
          narrative={answer.narratives.find((narrative) => narrative.sectionKey === section.key)!}
          canWrite={answer.canWriteNarratives}
          packQuery={packQuery}
        />
      ))}
    </>
  );
}

function PackSection({ section, narrative, canWrite, packQuery }: { section: ReportSection; narrative: { id: string; text: string; etag: string | null }; canWrite: boolean; packQuery: Record<string, QueryValue> }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { api } = useSession();
  const headingId = useId();
  const save = useCallback(
    async (text: string, etag: string | null) => {
      // The first save creates the narrative; later ones change it, with its ETag.
      const result =
        etag === null
          ? await api.send<{ etag: string }>("POST", "/api/reports/narratives", { body: { ...packQuery, sectionKey: section.key, text } })
          : await api.send<{ etag: string }>("PATCH", `/api/reports/narratives/${encodeURIComponent(narrative.id)}`, { body: { text }, ifMatch: etag });
      return { etag: result.etag ?? result.body.etag };
    },
    // packQuery is rebuilt each render; the section is remounted (keyed) when the report changes.
    [api, section.key, narrative.id],
  );
  const load = useCallback(async () => {
    const { body } = await api.get<ReportPackAnswer>("/api/reports/pack", packQuery);
    const latest = body.narratives.find((candidate) => candidate.sectionKey === section.key);
    return { text: latest?.text ?? "", etag: latest?.etag ?? null };
  }, [api, section.key]);

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {section.heading}
      </Subtitle1>
      <PageText>{section.intro}</PageText>
      {section.figures.length > 0 && (
        <dl className={styles.figures}>
          {section.figures.map((figure) => (
            <div key={figure.label} className={styles.figure}>
              <dt>{figure.label}</dt>
              <dd className={styles.figureValue}>{figure.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {section.chart && <PageText>Chart in the document: {section.chart.altText}</PageText>}
      {section.tables.map((table) =>
        table.rows.length === 0 ? (
          <PageText key={table.caption}>
            <strong>{table.caption}:</strong> {table.emptyText}
          </PageText>
        ) : (
          <table key={table.caption} className={tableStyles.table}>
            <caption className={tableStyles.caption}>{table.caption}</caption>
            <thead className={tableStyles.head}>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col" className={tableStyles.headerCell}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className={tableStyles.body}>
              {table.rows.map((row, rowIndex) => (
                <tr key={rowIndex} className={tableStyles.row}>
                  {row.map((value, index) => (
                    <DataCell key={index} label={table.columns[index] ?? ""}>
                      {value}
                    </DataCell>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ),
      )}
      <div className={styles.narrative}>
        {canWrite ? (
          <AutosavedText
            label={`Narrative: ${section.heading}`}
            hint="What the figures mean, and what is being done about them. It goes into the report pack."
            initialText={narrative.text}
            initialEtag={narrative.etag}
            save={save}
            load={load}
          />
        ) : (
          <PageText>
            <strong>QA lead's narrative:</strong> {narrative.text.trim() || "Not written yet."}
          </PageText>
        )}
      </div>
    </section>
  );
}
