// #/moderation: the moderation queues (one for each kind of work waiting),
// how closely moderators agreed with auditors' grades, and agreement over
// time. The period and "show by" live in the address
// (#/moderation?from=2026-10-01&to=2026-12-31&by=section), so a view can be
// shared; every figure opens the moderations and the pairs of grades behind
// it (…&pairs=<key>); the same figures download as a CSV file (fetched with
// the session's token). #/moderation?compare=<id> shows an external parallel
// audit side by side.
import { Button, Field, Input, Link, makeStyles, Select, Subtitle1, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { saveFile } from "../../api/save-file";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { monthLabel } from "../../dashboard/dashboard-filters";
import { auditHref, hrefFor } from "../../routes";
import { useSession, type Session } from "../../session/session-context";
import { allPages, useApiData } from "../../session/use-api-data";
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
import { AgreementOverTime } from "./AgreementOverTime";
import { GradePairsTable } from "./GradePairsTable";
import { ModerationQueues } from "./ModerationQueues";
import { PanelDialog, ParallelAuditDialog, type StaffMember } from "./ModerationDialogs";
import { ParallelComparisonView } from "./ParallelComparisonView";
import { SamplingRule } from "./SamplingRule";

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
  // A target of its own above the disclosure under it (WCAG 2.5.8).
  pairsLink: { display: "inline-flex", alignItems: "center", minHeight: "24px" },
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
  const compare = query.get("compare");
  const pairs = query.get("pairs");
  const pairsByValue = query.get("pairsBy");
  const pairsBy = isShowBy(pairsByValue) && pairsByValue ? pairsByValue : by;
  const pairsHref = (key: string, sliceBy?: string) => hrefFor("moderation", { from, to, by: by || undefined, pairs: key, pairsBy: sliceBy });
  const waitingHeading = useId();
  const agreementHeading = useId();
  const isQaLead = session.me.roles.includes("qa_lead");
  const [panelFor, setPanelFor] = useState<ModerationSummary | undefined>();
  const [settingUpParallel, setSettingUpParallel] = useState(false);
  const [done, setDone] = useState("");
  // What the QA lead's set-up dialogs choose from.
  const choices = useApiData(
    async (api) => {
      if (!isQaLead) return undefined;
      const tools = (await api.get<{ auditTools: { id: string; name: string; supersededById?: string }[] }>("/api/audit-tools")).body.auditTools.filter((tool) => !tool.supersededById);
      const scale = tools[0] ? (await api.get<{ gradeScale?: { grades: { key: string; label: string }[] } }>(`/api/audit-tools/${encodeURIComponent(tools[0].id)}`)).body.gradeScale : undefined;
      return {
        staff: (await api.get<{ people: StaffMember[] }>("/api/people")).body.people,
        cases: await allPages<{ id: string; reference: string }>(api, "/api/cases", "cases"),
        tools,
        grades: scale?.grades ?? [],
      };
    },
    [isQaLead],
  );
  const setUp = choices.state.kind === "ok" ? choices.state.data : undefined;

  const moderations = useApiData(
    (api) => api.get<{ moderations: ModerationSummary[] }>("/api/moderations").then(({ body }) => body.moderations),
    [],
  );
  const agreement = useApiData((api) => api.get<Agreement>("/api/moderation/agreement", agreementQuery).then(({ body }) => body), [from, to, by]);
  const byMonth = useApiData((api) => api.get<Agreement>("/api/moderation/agreement", { from, to, by: "month" }).then(({ body }) => body), [from, to]);
  const byId = useMemo(
    () => new Map((moderations.state.kind === "ok" ? moderations.state.data : []).map((moderation) => [moderation.id, moderation])),
    [moderations.state],
  );
  const pairsTitle = (() => {
    if (!pairs) return "";
    if (pairs === "all") return "all moderated grades";
    if (pairsBy === "month" && /^\d{4}-\d{2}$/.test(pairs)) return monthLabel(pairs);
    const slices = agreement.state.kind === "ok" ? agreement.state.data.slices : [];
    return slices.find((slice) => slice.key === pairs)?.label ?? pairs;
  })();

  if (compare) return <ParallelComparisonView moderationId={compare} />;

  return (
    <>
      <PageText>Moderation checks that audits grade practice the same way, whoever does the audit.</PageText>

      <section className={styles.section} aria-labelledby={waitingHeading}>
        <Subtitle1 as="h3" id={waitingHeading} className={styles.heading}>
          Moderation queues
        </Subtitle1>
        <PageText>
          Moderators agree with the grades or re-grade from the card in their Teams chat. The auditor accepts a re-grade or disagrees; the QA lead decides a
          disagreement, finally.
        </PageText>
        {moderations.state.kind === "loading" && <Loading label="Finding moderations…" />}
        {moderations.state.kind === "error" && <LoadError message={moderations.state.message} onRetry={moderations.reload} />}
        <SamplingRule api={session.api} canChange={setUp !== undefined} grades={setUp?.grades ?? []} />
        {setUp && (
          <div className={styles.download}>
            <Button onClick={() => setSettingUpParallel(true)}>Set up an external parallel audit</Button>
          </div>
        )}
        <div role="status">{done && <PageText>{done}</PageText>}</div>
        {moderations.state.kind === "ok" && <ModerationQueues moderations={moderations.state.data} onConvenePanel={setUp ? setPanelFor : undefined} />}
        {setUp && (
          <>
            <PanelDialog
              open={panelFor !== undefined}
              api={session.api}
              moderation={panelFor}
              staff={setUp.staff}
              onClose={() => setPanelFor(undefined)}
              onDone={(message) => {
                setPanelFor(undefined);
                setDone(message);
                moderations.reload();
              }}
            />
            <ParallelAuditDialog
              open={settingUpParallel}
              api={session.api}
              staff={setUp.staff}
              cases={setUp.cases}
              tools={setUp.tools}
              onClose={() => setSettingUpParallel(false)}
              onDone={(message) => {
                setSettingUpParallel(false);
                setDone(message);
                moderations.reload();
              }}
            />
          </>
        )}
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

        {pairs && (
          <GradePairsTable
            pairsKey={pairs}
            title={pairsTitle}
            query={{ from, to, by: pairs === "all" ? undefined : pairsBy || undefined }}
            closeHref={hrefFor("moderation", { from, to, by: by || undefined })}
          />
        )}

        {agreement.state.kind === "loading" && <Loading label="Working out agreement…" />}
        {agreement.state.kind === "error" && <LoadError message={agreement.state.message} onRetry={agreement.reload} />}
        {agreement.state.kind === "ok" && (
          <AgreementTable
            agreement={agreement.state.data}
            byId={byId}
            byLabel={showByChoices.find((choice) => choice.value === by)?.label ?? ""}
            pairsHref={(key) => pairsHref(key)}
          />
        )}
      </section>

      <section className={styles.section} aria-label="Agreement over time">
        {byMonth.state.kind === "loading" && <Loading label="Working out agreement by month…" />}
        {byMonth.state.kind === "error" && <LoadError message={byMonth.state.message} onRetry={byMonth.reload} />}
        {byMonth.state.kind === "ok" && <AgreementOverTime months={byMonth.state.data.slices} pairsHref={(key) => pairsHref(key, "month")} />}
      </section>
    </>
  );
}

function AgreementTable({
  agreement,
  byId,
  byLabel,
  pairsHref,
}: {
  agreement: Agreement;
  byId: Map<string, ModerationSummary>;
  byLabel: string;
  pairsHref: (key: string) => string;
}) {
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
          <AgreementRow key={slice === agreement.overall ? "overall" : `slice-${slice.key}`} slice={slice} byId={byId} pairsHref={pairsHref(slice === agreement.overall ? "all" : slice.key)} />
        ))}
      </tbody>
    </table>
  );
}

function AgreementRow({ slice, byId, pairsHref }: { slice: AgreementSlice; byId: Map<string, ModerationSummary>; pairsHref: string }) {
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
        <Link inline className={styles.pairsLink} href={pairsHref} aria-label={`The ${s.n} pairs behind ${slice.label}`}>
          {s.n} {s.n === 1 ? "pair" : "pairs"}
        </Link>
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
