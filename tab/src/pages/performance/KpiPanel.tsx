// One KPI on the performance page: its latest figure with RAG status and the
// rule behind it, the trend with the target band and the DfE comparators
// (a chart with its table), the comparators year by year with the
// statistical neighbours listed, and the data confidence panel beside it.
import { Badge, Body1, makeStyles, mergeClasses, Subtitle1, tokens } from "@fluentui/react-components";
import { LineChart, ResponsiveContainer, type LineChartPoints } from "@fluentui/react-charts";
import { useId } from "react";
import { DataCell } from "../../components/DataCell";
import { useTableStyles } from "../../components/table-styles";
import { ChartPanel } from "../../dashboard/ChartPanel";
import { DataConfidencePanel } from "./DataConfidencePanel";
import { KpiDefinitionDialog } from "./KpiDefinitionDialog";
import { TargetDialog } from "./TargetDialog";
import { comparatorText, formatValue, monthDate, ragWords, shortMonth, type ComparatorPeriod, type Kpi, type KpiMonthValue, type KpiReport, type Rag } from "./performance-words";

const useStyles = makeStyles({
  kpi: { marginTop: tokens.spacingVerticalXXL, paddingTop: tokens.spacingVerticalL, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  heading: { margin: 0 },
  text: { display: "block", margin: 0, marginTop: tokens.spacingVerticalS, maxWidth: "70ch" },
  headline: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalM },
  figure: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700 },
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(220px, 1fr)",
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalM,
    "@media (max-width: 720px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  summary: { cursor: "pointer", color: tokens.colorBrandForegroundLink, marginTop: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
  // DfE file names are long single words: let them wrap on a phone.
  wrap: { overflowWrap: "anywhere" },
});

const ragColour: Record<Rag, "success" | "warning" | "danger"> = { green: "success", amber: "warning", red: "danger" };

export function RagBadge({ rag }: { rag: Rag }) {
  return (
    <Badge appearance="filled" color={ragColour[rag]} shape="rounded">
      {ragWords[rag]}
    </Badge>
  );
}

/** The latest period with figures, for the comparator lines on the chart. */
function latestPeriod(report: KpiReport): ComparatorPeriod | undefined {
  return report.comparators.available ? report.comparators.periods[report.comparators.periods.length - 1] : undefined;
}

function chartLines(report: KpiReport, values: KpiMonthValue[], placeName: string): LineChartPoints[] {
  const { kpi } = report;
  const months = values.map((value) => value.month);
  if (months.length === 0) return [];
  const flat = (legend: string, y: number, color: string, dashed = true): LineChartPoints => ({
    legend,
    color,
    data: months.map((month) => ({ x: monthDate(month), y })),
    lineOptions: dashed ? { strokeDasharray: "6 4" } : undefined,
    hideNonActiveDots: true,
  });
  const limit = kpi.polarity === "lower_is_better" ? kpi.target + kpi.tolerance : kpi.target - kpi.tolerance;
  const lines: LineChartPoints[] = [
    { legend: placeName, color: tokens.colorBrandBackground, data: values.map((value) => ({ x: monthDate(value.month), y: value.value })) },
    flat(`Target (${formatValue(kpi.unit, kpi.target)})`, kpi.target, tokens.colorPaletteGreenForeground1),
  ];
  if (kpi.tolerance > 0) lines.push(flat(`Edge of tolerance (${formatValue(kpi.unit, limit)})`, limit, tokens.colorPaletteMarigoldForeground1));
  const period = latestPeriod(report);
  if (period) {
    if (period.neighbourAverage.published) lines.push(flat(`Statistical neighbours ${period.timePeriod}`, period.neighbourAverage.value, tokens.colorPaletteBerryForeground1));
    if (period.region.published) lines.push(flat(`${period.region.name} ${period.timePeriod}`, period.region.value, tokens.colorPaletteDarkOrangeForeground1));
    if (period.england.published) lines.push(flat(`England ${period.timePeriod}`, period.england.value, tokens.colorNeutralForeground3));
  }
  return lines;
}

function TrendTable({ report, values, placeName }: { report: KpiReport; values: KpiMonthValue[]; placeName: string }) {
  const table = useTableStyles();
  const { kpi } = report;
  return (
    <table className={table.table}>
      <caption className={table.caption}>
        {kpi.name}: {placeName}, month by month
      </caption>
      <thead className={table.head}>
        <tr>
          <th className={table.headerCell}>Month</th>
          <th className={table.headerCell}>Figure</th>
          <th className={table.headerCell}>Status</th>
          <th className={table.headerCell}>Target</th>
        </tr>
      </thead>
      <tbody className={table.body}>
        {values.map((value) => (
          <tr key={`${value.month}-${value.placeName}`} className={table.row}>
            <DataCell label="Month" header>
              {shortMonth(value.month)}
            </DataCell>
            <DataCell label="Figure">{formatValue(kpi.unit, value.value)}</DataCell>
            <DataCell label="Status">{ragWords[value.rag]}</DataCell>
            <DataCell label="Target">{formatValue(kpi.unit, kpi.target)}</DataCell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ComparatorTable({ report }: { report: KpiReport }) {
  const table = useTableStyles();
  const styles = useStyles();
  const { comparators, kpi } = report;
  if (!comparators.available) {
    return <Body1 as="p" className={styles.text}>{comparators.reason}</Body1>;
  }
  const periods = comparators.periods.slice(-5);
  const latest = periods[periods.length - 1];
  return (
    <>
      <table className={table.table}>
        <caption className={mergeClasses(table.caption, styles.wrap)}>
          {comparators.label}: published by the Department for Education ({comparators.file})
        </caption>
        <thead className={table.head}>
          <tr>
            <th className={table.headerCell}>Year</th>
            <th className={table.headerCell}>{comparators.authorityName}</th>
            <th className={table.headerCell}>{comparators.regionName} region</th>
            <th className={table.headerCell}>England</th>
            <th className={table.headerCell}>Statistical neighbours (average)</th>
          </tr>
        </thead>
        <tbody className={table.body}>
          {periods.map((period) => (
            <tr key={period.timePeriod} className={table.row}>
              <DataCell label="Year" header>
                {period.timePeriod}
              </DataCell>
              <DataCell label={comparators.authorityName}>{comparatorText(kpi.unit, period.authority)}</DataCell>
              <DataCell label="Region">{comparatorText(kpi.unit, period.region)}</DataCell>
              <DataCell label="England">{comparatorText(kpi.unit, period.england)}</DataCell>
              <DataCell label="Statistical neighbours">
                {comparatorText(kpi.unit, period.neighbourAverage)}
                {period.neighbourAverage.published && <span className={table.secondary}>average of the {period.neighboursPublished} that published</span>}
              </DataCell>
            </tr>
          ))}
        </tbody>
      </table>
      {latest && latest.neighbours.length > 0 && (
        <details>
          <summary className={styles.summary}>
            {comparators.authorityName}'s {latest.neighbours.length} statistical neighbours in {latest.timePeriod}
          </summary>
          <table className={table.table}>
            <caption className={table.caption}>Statistical neighbours, closest first ({latest.timePeriod})</caption>
            <thead className={table.head}>
              <tr>
                <th className={table.headerCell}>Neighbour</th>
                <th className={table.headerCell}>How close</th>
                <th className={table.headerCell}>Figure</th>
              </tr>
            </thead>
            <tbody className={table.body}>
              {latest.neighbours.map((neighbour) => (
                <tr key={neighbour.rank} className={table.row}>
                  <DataCell label="Neighbour" header>
                    {neighbour.rank}. {neighbour.name}
                  </DataCell>
                  <DataCell label="How close">{neighbour.closeness}</DataCell>
                  <DataCell label="Figure">{comparatorText(kpi.unit, neighbour.value)}</DataCell>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}

export interface KpiPanelProps {
  report: KpiReport;
  /** Whose figures the chart shows; the report may hold the teams' and services' too. */
  placeLevel: KpiMonthValue["level"];
  placeName: string;
  canRate: boolean;
  onRated: (kpi: Kpi) => void;
  onTargetChanged: () => void;
}

/** The latest month's figures for each service and team, beside the authority's. */
function PlacesTable({ kpi, values }: { kpi: Kpi; values: KpiMonthValue[] }) {
  const table = useTableStyles();
  if (values.length === 0) return null;
  const month = values[0]!.month;
  return (
    <table className={table.table}>
      <caption className={table.caption}>
        {kpi.name} by service and team, {shortMonth(month)}
      </caption>
      <thead className={table.head}>
        <tr>
          <th className={table.headerCell}>Service or team</th>
          <th className={table.headerCell}>Figure</th>
          <th className={table.headerCell}>Status</th>
        </tr>
      </thead>
      <tbody className={table.body}>
        {values.map((value) => (
          <tr key={`${value.level}-${value.teamId ?? value.serviceId}`} className={table.row}>
            <DataCell label="Service or team" header>
              {value.placeName}
              {value.level === "service" ? " (whole service)" : ""}
            </DataCell>
            <DataCell label="Figure">{formatValue(kpi.unit, value.value)}</DataCell>
            <DataCell label="Status">{ragWords[value.rag]}</DataCell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function KpiPanel({ report, placeLevel, placeName, canRate, onRated, onTargetChanged }: KpiPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const { kpi } = report;
  const values = report.values.filter((value) => value.level === placeLevel);
  const latest = values[values.length - 1];
  const places = placeLevel === "authority" && latest ? report.values.filter((value) => value.level !== "authority" && value.month === latest.month) : [];
  const lines = chartLines(report, values, placeName);
  return (
    <section className={styles.kpi} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {kpi.name}
      </Subtitle1>
      <Body1 as="p" className={styles.text}>
        {kpi.measures} {kpi.purpose}
      </Body1>
      <div className={styles.headline}>
        {latest ? (
          <>
            <span className={styles.figure}>{formatValue(kpi.unit, latest.value)}</span>
            <RagBadge rag={latest.rag} />
            <Body1>
              {placeName}, {shortMonth(latest.month)}. {kpi.polarity === "lower_is_better" ? "Lower is better." : "Higher is better."}
            </Body1>
          </>
        ) : (
          <Body1>No figures for {placeName} yet.</Body1>
        )}
      </div>
      <Body1 as="p" className={styles.text}>
        <strong>RAG rule:</strong> {kpi.ragRule}
      </Body1>
      {canRate && (
        <div className={styles.actions}>
          <TargetDialog kpi={kpi} onChanged={onTargetChanged} />
          <KpiDefinitionDialog kpi={kpi} onSaved={onTargetChanged} />
        </div>
      )}
      {kpi.focusedAuditRuleText && (
        <Body1 as="p" className={styles.text}>
          <strong>Focused audit rule:</strong> {kpi.focusedAuditRuleText}
        </Body1>
      )}
      <div className={styles.layout}>
        <ChartPanel
          title={`${kpi.name}: trend, target and comparators`}
          description="Dashed lines: the target, the edge of its tolerance, and the latest published DfE figures."
          chart={
            lines.length === 0 ? (
              <Body1>No figures to draw yet.</Body1>
            ) : (
              <ResponsiveContainer height={300}>
                <LineChart data={{ chartTitle: `${kpi.name}, ${placeName}`, lineChartData: lines }} yMinValue={0} />
              </ResponsiveContainer>
            )
          }
          table={<TrendTable report={report} values={values} placeName={placeName} />}
        />
        <DataConfidencePanel kpi={kpi} canRate={canRate} onRated={onRated} />
      </div>
      <PlacesTable kpi={kpi} values={places} />
      <ComparatorTable report={report} />
    </section>
  );
}
