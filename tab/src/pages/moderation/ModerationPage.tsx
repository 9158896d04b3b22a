// #/moderation: the audits waiting for a moderator, and how closely
// moderators agreed with auditors' grades. The period and "show by" live in
// the address (#/moderation?from=2026-10-01&to=2026-12-31&by=section), so a
// view can be shared; every figure opens the moderations behind it; the same
// figures download as a CSV file (fetched with the session's token).
import { Button, Field, Input, Link, makeStyles, Select, Subtitle1, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { saveFile } from "../../api/save-file";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { auditHref } from "../../routes";
import { useSession, type Session } from "../../session/session-context";
import { useApiData } from "../../session/use-api-data";
import { useHashQuery } from "../../use-hash-route";
import {
  coefficientText,
  figureExplanations,
  intervalText,
  isoDateOrUndefined,
  isShowBy,
  percentText,
  showByChoices,
  type Agreement,
  type AgreementSlice,
  type ModerationSummary,
} from "./moderation-words";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
    padding: 0,
    border: "none",
    minWidth: 0,
  },
  legend: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  field: { minWidth: "min(200px, 100%)", maxWidth: "100%" },
  explanations: { margin: 0, marginTop: tokens.spacingVerticalM, paddingInlineStart: tokens.spacingHorizontalXL },
  download: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalM },
  summary: { cursor: "pointer", color: tokens.colorBrandForegroundLink },
  // Case references side by side, spaced so each link is a target of its own (WCAG 2.5.8).
  list: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    listStyleType: "none",
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    padding: 0,
  },
});

export function ModerationPage() {
  const styles = useStyles();
  const session = useSession();
  const query = useHashQuery();
  const from = isoDateOrUndefined(query.get("from"));
  const to = isoDateOrUndefined(query.get("to"));
  const byValue = query.get("by");
  const by = isShowBy(byValue) ? byValue : "";
  const agreementQuery = { from, to, by: by || undefined };
  const waitingHeading = useId();
  const agreementHeading = useId();

  const moderations = useApiData(
    (api) => api.get<{ moderations: ModerationSummary[] }>("/api/moderations").then(({ body }) => body.moderations),
    [],
  );
  const agreement = useApiData((api) => api.get<Agreement>("/api/moderation/agreement", agreementQuery).then(({ body }) => body), [from, to, by]);
  const byId = useMemo(
    () => new Map((moderations.state.kind === "ok" ? moderations.state.data : []).map((moderation) => [moderation.id, moderation])),
    [moderations.state],
  );
  const waiting = moderations.state.kind === "ok" ? moderations.state.data.filter((moderation) => moderation.status === "requested") : [];

  return (
    <>
      <PageText>Moderation checks that audits grade practice the same way, whoever does the audit.</PageText>

      <section className={styles.section} aria-labelledby={waitingHeading}>
        <Subtitle1 as="h3" id={waitingHeading} className={styles.heading}>
          Waiting for moderation
        </Subtitle1>
        <PageText>Moderators agree with the grades or re-grade from the card in their Teams chat.</PageText>
        {moderations.state.kind === "loading" && <Loading label="Finding moderations…" />}
        {moderations.state.kind === "error" && <LoadError message={moderations.state.message} onRetry={moderations.reload} />}
        {moderations.state.kind === "ok" && <WaitingTable waiting={waiting} />}
      </section>

      <section className={styles.section} aria-labelledby={agreementHeading}>
        <Subtitle1 as="h3" id={agreementHeading} className={styles.heading}>
          Agreement
        </Subtitle1>
        <PageText>How often moderators gave the same grade as the auditor, for moderations completed in the period.</PageText>
        <fieldset className={styles.filters}>
          <legend className={styles.legend}>Show agreement</legend>
          <Field label="From" className={styles.field}>
            <Input type="date" value={from ?? ""} onChange={(_, data) => query.update({ from: isoDateOrUndefined(data.value) })} />
          </Field>
          <Field label="To" className={styles.field}>
            <Input type="date" value={to ?? ""} onChange={(_, data) => query.update({ to: isoDateOrUndefined(data.value) })} />
          </Field>
          <Field label="Show by" className={styles.field}>
            <Select value={by} onChange={(_, data) => query.update({ by: data.value || undefined })}>
              {showByChoices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          </Field>
        </fieldset>

        <ul className={styles.explanations} aria-label="What the figures mean">
          {figureExplanations.map(({ term, meaning }) => (
            <li key={term}>
              <strong>{term}</strong>: {meaning}
            </li>
          ))}
        </ul>

        <CsvDownload session={session} query={agreementQuery} />

        {agreement.state.kind === "loading" && <Loading label="Working out agreement…" />}
        {agreement.state.kind === "error" && <LoadError message={agreement.state.message} onRetry={agreement.reload} />}
        {agreement.state.kind === "ok" && (
          <AgreementTable agreement={agreement.state.data} byId={byId} byLabel={showByChoices.find((choice) => choice.value === by)?.label ?? ""} />
        )}
      </section>
    </>
  );
}

function WaitingTable({ waiting }: { waiting: ModerationSummary[] }) {
  const tableStyles = useTableStyles();
  if (waiting.length === 0) return <PageText>No audits are waiting for moderation.</PageText>;
  return (
    <table className={tableStyles.table}>
      <caption className={tableStyles.caption}>Audits waiting for a moderator, newest first</caption>
      <thead className={tableStyles.head}>
        <tr>
          {["Case", "Auditor", "Moderator", "Why it was sampled"].map((column) => (
            <th key={column} scope="col" className={tableStyles.headerCell}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={tableStyles.body}>
        {waiting.map((moderation) => (
          <tr key={moderation.id} className={tableStyles.row}>
            <DataCell label="Case" header>
              <Link inline href={auditHref(moderation.auditId)}>
                {moderation.caseReference ?? "Case not recorded"}
              </Link>
            </DataCell>
            <DataCell label="Auditor">{moderation.auditorName ?? "Not recorded"}</DataCell>
            <DataCell label="Moderator">{moderation.moderatorName ?? "Not recorded"}</DataCell>
            <DataCell label="Why it was sampled">{moderation.sampledBecause || "Not recorded"}</DataCell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AgreementTable({ agreement, byId, byLabel }: { agreement: Agreement; byId: Map<string, ModerationSummary>; byLabel: string }) {
  const tableStyles = useTableStyles();
  const rows = [agreement.overall, ...agreement.slices];
  if (agreement.overall.statistics.n === 0) return <PageText>No moderations were completed in this period.</PageText>;
  return (
    <table className={tableStyles.table}>
      <caption className={tableStyles.caption}>{agreement.by ? `Agreement overall and by ${byLabel.toLowerCase()}` : "Agreement overall"}</caption>
      <thead className={tableStyles.head}>
        <tr>
          {["Grades", "Pairs", "Exact agreement", "Within one grade", "Cohen's kappa (95% interval)", "Weighted kappas", "Gwet's AC1", "Moderator graded"].map((column) => (
            <th key={column} scope="col" className={tableStyles.headerCell}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={tableStyles.body}>
        {rows.map((slice) => (
          <AgreementRow key={slice === agreement.overall ? "overall" : `slice-${slice.key}`} slice={slice} byId={byId} />
        ))}
      </tbody>
    </table>
  );
}

function AgreementRow({ slice, byId }: { slice: AgreementSlice; byId: Map<string, ModerationSummary> }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { statistics: s, shift } = slice;
  const tooFew = s.verdict === "too_few_to_say";
  const figure = (text: string) => (tooFew ? "Too few to say" : text);
  const count = slice.moderationIds.length;
  return (
    <tr className={tableStyles.row}>
      <DataCell label="Grades" header>
        <strong>{slice.label}</strong>
        <details>
          <summary className={styles.summary}>The {count === 1 ? "moderation" : `${count} moderations`} behind this figure</summary>
          <ul className={styles.list}>
            {slice.moderationIds.map((id) => {
              const moderation = byId.get(id);
              return (
                <li key={id}>
                  {moderation ? <Link inline href={auditHref(moderation.auditId)}>{moderation.caseReference ?? "Case not recorded"}</Link> : "A moderation you cannot open"}
                </li>
              );
            })}
          </ul>
        </details>
      </DataCell>
      <DataCell label="Pairs">
        {s.n}
        {tooFew && (
          <details>
            <summary className={styles.summary}>Too few to say: the numbers anyway</summary>
            <span className={tableStyles.secondary}>
              Fewer than {s.minimumPairs} pairs. Exact agreement {percentText(s.exactAgreement)}, within one grade {percentText(s.withinOneAgreement)}, Cohen's kappa{" "}
              {coefficientText(s.cohensKappa)} {s.cohensKappa && `(${intervalText(s.cohensKappa)})`}, linear weighted {coefficientText(s.linearWeightedKappa)}, quadratic
              weighted {coefficientText(s.quadraticWeightedKappa)}, AC1 {coefficientText(s.gwetsAc1)}.
            </span>
          </details>
        )}
      </DataCell>
      <DataCell label="Exact agreement">{figure(percentText(s.exactAgreement))}</DataCell>
      <DataCell label="Within one grade">{figure(percentText(s.withinOneAgreement))}</DataCell>
      <DataCell label="Cohen's kappa (95% interval)">
        {figure(coefficientText(s.cohensKappa))}
        {!tooFew && s.cohensKappa && <span className={tableStyles.secondary}>{intervalText(s.cohensKappa)}</span>}
      </DataCell>
      <DataCell label="Weighted kappas">
        {tooFew ? (
          "Too few to say"
        ) : (
          <>
            Linear {coefficientText(s.linearWeightedKappa)}
            <span className={tableStyles.secondary}>Quadratic {coefficientText(s.quadraticWeightedKappa)}</span>
          </>
        )}
      </DataCell>
      <DataCell label="Gwet's AC1">{figure(coefficientText(s.gwetsAc1))}</DataCell>
      <DataCell label="Moderator graded">
        {shift.up} up, {shift.down} down
        <span className={tableStyles.secondary}>{shift.same} the same</span>
      </DataCell>
    </tr>
  );
}

/** The CSV needs the bearer token, so it is fetched through the API client and saved from a Blob URL. */
function CsvDownload({ session, query }: { session: Session; query: Record<string, string | undefined> }) {
  const styles = useStyles();
  const [state, setState] = useState<{ kind: "idle" | "busy" } | { kind: "error"; message: string }>({ kind: "idle" });

  const download = async () => {
    setState({ kind: "busy" });
    try {
      await saveFile(session.api, "/api/moderation/agreement.csv", query);
      setState({ kind: "idle" });
    } catch {
      setState({ kind: "error", message: "The CSV file did not download. Try again in a minute." });
    }
  };

  return (
    <div className={styles.download}>
      <Button disabledFocusable={state.kind === "busy"} onClick={() => void download()}>
        {state.kind === "busy" ? "Preparing the file…" : "Download as CSV"}
      </Button>
      {state.kind === "error" && <span role="alert">{state.message}</span>}
    </div>
  );
}
