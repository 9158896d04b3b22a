// Agreement over time: Cohen's kappa and Gwet's AC1 for each month, each
// with its 95% interval drawn as a line through the point, and the same
// figures as a table. A month's point (and its row) leads to the pairs of
// grades behind it. Months with too few pairs are drawn hollow and say so.
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { ChartPanel } from "../../dashboard/ChartPanel";
import { monthLabel } from "../../dashboard/dashboard-filters";
import { DataCell } from "../../components/DataCell";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { coefficientText, intervalText, percentText, type AgreementSlice, type Coefficient } from "./moderation-words";

const useStyles = makeStyles({
  svg: { display: "block", width: "100%", maxWidth: "720px", height: "auto", overflow: "visible" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, listStyleType: "none", margin: 0, padding: 0, fontSize: tokens.fontSizeBase200 },
  legendItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  // A target of its own above the note under it (WCAG 2.5.8).
  pairsLink: { display: "inline-flex", alignItems: "center", minHeight: "24px" },
  swatch: { display: "inline-block", width: "12px", height: "12px", borderRadius: "50%", forcedColorAdjust: "none" },
});

const series = [
  { name: "Cohen's kappa", colour: tokens.colorPaletteBlueForeground2, pick: (slice: AgreementSlice) => slice.statistics.cohensKappa, offset: -6 },
  { name: "Gwet's AC1", colour: tokens.colorPaletteDarkOrangeForeground2, pick: (slice: AgreementSlice) => slice.statistics.gwetsAc1, offset: 6 },
] as const;

const width = 640;
const height = 240;
const margin = { top: 12, right: 16, bottom: 36, left: 40 };

export interface AgreementOverTimeProps {
  months: AgreementSlice[];
  /** Where a month's pairs are listed. */
  pairsHref: (monthKey: string) => string;
}

export function AgreementOverTime({ months, pairsHref }: AgreementOverTimeProps) {
  const styles = useStyles();
  const ordered = [...months].sort((a, b) => a.key.localeCompare(b.key));
  if (ordered.length === 0) return <PageText>No moderations were completed in this period.</PageText>;
  return (
    <ChartPanel
      title="Agreement over time"
      description="Each month's kappa and AC1 with its 95% interval (the line through each point). Hollow points have too few pairs to say. Select a month to see the pairs behind it."
      chart={
        <>
          <Chart months={ordered} pairsHref={pairsHref} />
          <ul className={styles.legend} aria-label="Figures">
            {series.map((line) => (
              <li key={line.name} className={styles.legendItem}>
                <span className={styles.swatch} style={{ backgroundColor: line.colour }} aria-hidden="true" />
                {line.name}
              </li>
            ))}
          </ul>
        </>
      }
      table={<MonthTable months={ordered} pairsHref={pairsHref} />}
    />
  );
}

function Chart({ months, pairsHref }: AgreementOverTimeProps) {
  const styles = useStyles();
  const lows = months.flatMap((month) => series.map((line) => line.pick(month)?.ci95[0] ?? 0));
  const bottom = Math.min(0, Math.floor(Math.min(...lows) * 2) / 2);
  const y = (value: number) => margin.top + ((1 - value) / (1 - bottom)) * (height - margin.top - margin.bottom);
  const step = (width - margin.left - margin.right) / months.length;
  const x = (index: number) => margin.left + step * (index + 0.5);
  const ticks = [bottom, ...[0, 0.2, 0.4, 0.6, 0.8, 1].filter((tick) => tick > bottom)];
  const summary = months
    .map((month) => `${monthLabel(month.key)}: kappa ${month.statistics.verdict === "ok" ? coefficientText(month.statistics.cohensKappa) : "too few to say"}`)
    .join("; ");
  return (
    <svg className={styles.svg} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={`Agreement by month. ${summary}`}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke={tokens.colorNeutralStroke2} strokeDasharray={tick === 0 ? undefined : "2 4"} />
          <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill={tokens.colorNeutralForeground2}>
            {tick.toFixed(1)}
          </text>
        </g>
      ))}
      {months.map((month, index) => {
        const enough = month.statistics.verdict === "ok";
        return (
          <a key={month.key} href={pairsHref(month.key)} aria-label={`${monthLabel(month.key)}: the ${month.statistics.n} pairs behind these figures`}>
            <rect x={x(index) - step / 2} y={margin.top} width={step} height={height - margin.top - margin.bottom} fill="transparent" />
            {series.map((line) => {
              const estimate: Coefficient | null = line.pick(month);
              if (!estimate) return null;
              const cx = x(index) + line.offset;
              return (
                <g key={line.name}>
                  <line x1={cx} x2={cx} y1={y(estimate.ci95[0])} y2={y(estimate.ci95[1])} stroke={line.colour} strokeWidth={2} />
                  <circle cx={cx} cy={y(estimate.value)} r={5} fill={enough ? line.colour : tokens.colorNeutralBackground1} stroke={line.colour} strokeWidth={2} />
                </g>
              );
            })}
            <text x={x(index)} y={height - margin.bottom + 16} textAnchor="middle" fontSize="11" fill={tokens.colorNeutralForeground1}>
              {monthLabel(month.key, true)}
            </text>
            {!enough && (
              <text x={x(index)} y={height - margin.bottom + 30} textAnchor="middle" fontSize="10" fill={tokens.colorNeutralForeground2}>
                too few to say
              </text>
            )}
          </a>
        );
      })}
    </svg>
  );
}

function MonthTable({ months, pairsHref }: AgreementOverTimeProps) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  return (
    <table className={tableStyles.table}>
      <caption className={tableStyles.caption}>Agreement by month, with 95% intervals</caption>
      <thead className={tableStyles.head}>
        <tr>
          {["Month", "Pairs", "Exact agreement", "Cohen's kappa (95% interval)", "Gwet's AC1 (95% interval)"].map((column) => (
            <th key={column} scope="col" className={tableStyles.headerCell}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={tableStyles.body}>
        {months.map((month) => {
          const s = month.statistics;
          const tooFew = s.verdict === "too_few_to_say";
          return (
            <tr key={month.key} className={tableStyles.row}>
              <DataCell label="Month" header>
                {monthLabel(month.key)}
              </DataCell>
              <DataCell label="Pairs">
                <Link inline className={styles.pairsLink} href={pairsHref(month.key)} aria-label={`${s.n} pairs in ${monthLabel(month.key)}`}>
                  {s.n} {s.n === 1 ? "pair" : "pairs"}
                </Link>
                {tooFew && <span className={tableStyles.secondary}>Too few to say</span>}
              </DataCell>
              <DataCell label="Exact agreement">{percentText(s.exactAgreement)}</DataCell>
              <DataCell label="Cohen's kappa (95% interval)">
                {coefficientText(s.cohensKappa)}
                <span className={tableStyles.secondary}>{intervalText(s.cohensKappa)}</span>
              </DataCell>
              <DataCell label="Gwet's AC1 (95% interval)">
                {coefficientText(s.gwetsAc1)}
                <span className={tableStyles.secondary}>{intervalText(s.gwetsAc1)}</span>
              </DataCell>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
