// #/triangulation: for a team, a service or a theme and a period, the KPIs
// beside the audit grades and findings, the moderation results, and feedback
// and observations, because "not everything that counts can be counted".
// The choice lives in the address (?teamId=…&from=…&to=…) so a view can be shared.
import { Body1, Field, Input, makeStyles, Select, Subtitle1, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { auditHref } from "../../routes";
import { useApiData } from "../../session/use-api-data";
import { useHashQuery } from "../../use-hash-route";
import { confidenceWords, formatValue, ragWords, shortMonth, type ConfidenceRating, type KpiMonthValue, type Rag, type Unit } from "./performance-words";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalL },
  // A select is as wide as its longest option unless held to the page's width.
  field: { minWidth: "min(200px, 100%)", maxWidth: "100%", "& .fui-Select, & select": { maxWidth: "100%", minWidth: 0 } },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(280px, 100%), 1fr))",
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
  },
  column: { padding: tokens.spacingHorizontalL, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusLarge, minWidth: 0 },
  heading: { margin: 0 },
  list: { margin: 0, marginTop: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalXL },
  text: { display: "block", margin: 0, marginTop: tokens.spacingVerticalS },
});

interface Triangulation {
  focus: { kind: string; name: string };
  kpis: { kpiId: string; code: string; name: string; unit: Unit; ragRule: string; confidence: ConfidenceRating; values: KpiMonthValue[] }[];
  audits: { count: number; grades: { grade: string; label: string; count: number }[]; findings: { auditId: string; caseReference: string | null; kind: "working_well" | "needs_to_be_better"; text: string }[] };
  moderation: { completed: number; agreed: number; regradedUp: number; regradedDown: number; regraded: number; waiting: number };
  feedback: { id: string; type: "compliment" | "complaint"; from: string; theme: string; receivedOn: string; caseReference: string | null; summary: string }[];
  observations: { id: string; setting: string; observedOn: string; caseReference: string | null; strengths: string; areasToDevelop: string }[];
  notRecorded: string[];
}

interface Place {
  id: string;
  name: string;
}

/** "12 Nov 2026". */
function dayText(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

function defaultFrom(): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - 6, 1);
  return date.toISOString().slice(0, 10);
}

export function TriangulationPage() {
  const styles = useStyles();
  const table = useTableStyles();
  const query = useHashQuery();
  const focus = query.get("teamId") ? `team:${query.get("teamId")}` : query.get("serviceId") ? `service:${query.get("serviceId")}` : query.get("theme") ? `theme:${query.get("theme")}` : "";
  const from = query.get("from") ?? defaultFrom();
  const to = query.get("to") ?? new Date().toISOString().slice(0, 10);
  const ids = { kpis: useId(), audits: useId(), moderation: useId(), voices: useId() };

  const places = useApiData(
    async (api) => ({
      teams: (await api.get<{ teams: Place[] }>("/api/teams")).body.teams,
      services: (await api.get<{ services: Place[] }>("/api/services")).body.services,
    }),
    [],
  );
  const result = useApiData(
    async (api) =>
      (
        await api.get<Triangulation>("/api/triangulation", {
          teamId: query.get("teamId") ?? undefined,
          serviceId: query.get("serviceId") ?? undefined,
          theme: query.get("theme") ?? undefined,
          from,
          to,
        })
      ).body,
    [focus, from, to],
  );

  function choose(value: string) {
    const [kind, ...rest] = value.split(":");
    const id = rest.join(":");
    query.update({ teamId: kind === "team" ? id : undefined, serviceId: kind === "service" ? id : undefined, theme: kind === "theme" ? id : undefined });
  }

  return (
    <>
      <PageText>The numbers beside the practice: KPIs, what audits found, how moderation went, and what children, families and observers told us, for one team, service or theme.</PageText>
      <div className={styles.filters}>
        <Field label="Team, service or theme" className={styles.field}>
          <Select value={focus} onChange={(_, data) => choose(data.value)}>
            <option value="">Whole authority</option>
            {places.state.kind === "ok" && (
              <>
                <optgroup label="Services">
                  {places.state.data.services.map((service) => (
                    <option key={service.id} value={`service:${service.id}`}>
                      {service.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Teams">
                  {places.state.data.teams.map((team) => (
                    <option key={team.id} value={`team:${team.id}`}>
                      {team.name}
                    </option>
                  ))}
                </optgroup>
              </>
            )}
          </Select>
        </Field>
        <Field label="Theme (instead)" className={styles.field}>
          <Input defaultValue={query.get("theme") ?? ""} onBlur={(event) => event.target.value.trim() && choose(`theme:${event.target.value.trim()}`)} />
        </Field>
        <Field label="From" className={styles.field}>
          <Input type="date" value={from} onChange={(_, data) => data.value && query.update({ from: data.value })} />
        </Field>
        <Field label="To" className={styles.field}>
          <Input type="date" value={to} onChange={(_, data) => data.value && query.update({ to: data.value })} />
        </Field>
      </div>
      {result.state.kind === "loading" && <Loading label="Bringing the evidence together…" />}
      {result.state.kind === "error" && <LoadError message={result.state.message} onRetry={result.reload} />}
      {result.state.kind === "ok" && (
        <div className={styles.columns}>
          <section className={styles.column} aria-labelledby={ids.kpis}>
            <Subtitle1 as="h3" id={ids.kpis} className={styles.heading}>
              KPIs: {result.state.data.focus.name}
            </Subtitle1>
            {result.state.data.kpis.filter((kpi) => kpi.values.length > 0).length === 0 && <Body1 as="p" className={styles.text}>No KPI figures for this choice and period.</Body1>}
            {result.state.data.kpis
              .filter((kpi) => kpi.values.length > 0)
              .map((kpi) => {
                const latest = kpi.values[kpi.values.length - 1]!;
                const count = (rag: Rag) => kpi.values.filter((value) => value.rag === rag).length;
                return (
                  <Body1 as="p" key={kpi.kpiId} className={styles.text}>
                    <strong>{kpi.name}</strong>: {formatValue(kpi.unit, latest.value)} in {shortMonth(latest.month)} ({ragWords[latest.rag]}
                    {latest.level !== "authority" ? `, ${latest.placeName}` : ""}). {kpi.ragRule} In the period: {count("green")} green, {count("amber")} amber and {count("red")} red months. Data confidence: {confidenceWords[kpi.confidence]}.
                  </Body1>
                );
              })}
          </section>
          <section className={styles.column} aria-labelledby={ids.audits}>
            <Subtitle1 as="h3" id={ids.audits} className={styles.heading}>
              Audits ({result.state.data.audits.count})
            </Subtitle1>
            <table className={table.table}>
              <caption className={table.caption}>Overall grades</caption>
              <tbody className={table.body}>
                {result.state.data.audits.grades.map((grade) => (
                  <tr key={grade.grade} className={table.row}>
                    <DataCell label="Grade" header>
                      {grade.label}
                    </DataCell>
                    <DataCell label="Audits">{grade.count}</DataCell>
                  </tr>
                ))}
              </tbody>
            </table>
            {result.state.data.audits.findings.length > 0 && (
              <ul className={styles.list} aria-label="Findings">
                {result.state.data.audits.findings.map((finding, index) => (
                  <li key={index}>
                    {finding.kind === "working_well" ? "Working well" : "Needs to be better"}: {finding.text} (<a href={auditHref(finding.auditId)}>{finding.caseReference ?? "audit"}</a>)
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={styles.column} aria-labelledby={ids.moderation}>
            <Subtitle1 as="h3" id={ids.moderation} className={styles.heading}>
              Moderation
            </Subtitle1>
            {result.state.data.moderation.completed === 0 && (
              <Body1 as="p" className={styles.text}>
                No moderations of these audits were completed. {result.state.data.moderation.waiting} waiting.
              </Body1>
            )}
            {result.state.data.moderation.completed > 0 && (
              <Body1 as="p" className={styles.text}>
                {result.state.data.moderation.completed} completed: {result.state.data.moderation.agreed} agreed with the auditor, {result.state.data.moderation.regradedUp} graded up,{" "}
                {result.state.data.moderation.regradedDown} graded down{result.state.data.moderation.regraded > 0 ? `, ${result.state.data.moderation.regraded} re-graded` : ""}. {result.state.data.moderation.waiting} waiting.
              </Body1>
            )}
          </section>
          <section className={styles.column} aria-labelledby={ids.voices}>
            <Subtitle1 as="h3" id={ids.voices} className={styles.heading}>
              Feedback and observations
            </Subtitle1>
            {result.state.data.feedback.length > 0 && (
              <ul className={styles.list} aria-label="Compliments and complaints">
                {result.state.data.feedback.map((entry) => (
                  <li key={entry.id}>
                    {entry.type === "complaint" ? "Complaint" : "Compliment"} from {entry.from.toLowerCase()}, {dayText(entry.receivedOn)}: <strong>{entry.theme}</strong>
                    {entry.summary ? `. “${entry.summary}”` : ""}
                    {entry.caseReference ? ` (${entry.caseReference})` : ""}
                  </li>
                ))}
              </ul>
            )}
            {result.state.data.observations.length > 0 && (
              <ul className={styles.list} aria-label="Practice observations">
                {result.state.data.observations.map((entry) => (
                  <li key={entry.id}>
                    Observation: {entry.setting.toLowerCase()}, {dayText(entry.observedOn)}
                    {entry.caseReference ? ` (${entry.caseReference})` : ""}. Went well: {entry.strengths}
                    {entry.areasToDevelop ? ` To develop: ${entry.areasToDevelop}` : ""}
                  </li>
                ))}
              </ul>
            )}
            {result.state.data.feedback.length === 0 && result.state.data.observations.length === 0 && (
              <Body1 as="p" className={styles.text}>
                No compliments, complaints or observations in this period.
              </Body1>
            )}
            {result.state.data.notRecorded.map((missing) => (
              <Body1 as="p" key={missing} className={styles.text}>
                Not shown: {missing}.
              </Body1>
            ))}
          </section>
        </div>
      )}
    </>
  );
}
