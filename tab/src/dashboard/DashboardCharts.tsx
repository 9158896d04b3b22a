// The dashboard's charts (Fluent UI charts), each with its table: overall
// grades, grades by section, grades by month, audits by status and by type.
// A bar, or its number in the table, leads to the audits behind it.
import type { ComponentProps } from "react";
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import {
  HorizontalBarChart,
  ResponsiveContainer,
  VerticalBarChart,
  VerticalStackedBarChart,
  type ChartProps,
  type VerticalBarChartDataPoint,
  type VerticalStackedChartProps,
  type VSChartDataPoint,
} from "@fluentui/react-charts";
import type { DashboardFigures, GradeCount } from "../api/types";
import { ChartPanel } from "./ChartPanel";
import { monthLabel, type DashboardFilters } from "./dashboard-filters";
import { auditStatusOrder, countColour, formatCount, formatShare, gradeColour, statusLabel, typeLabel } from "./dashboard-labels";
import { drillDownQuery, type AuditListQuery, type DrillDownTarget } from "./drill-down";
import { FigureTable, type FigureRow } from "./FigureTable";

const useStyles = makeStyles({
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "center",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    listStyleType: "none",
    margin: 0,
    marginTop: tokens.spacingVerticalM,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  legendItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  swatch: { display: "inline-block", width: "12px", height: "12px", forcedColorAdjust: "none" },
});

export interface DashboardChartsProps {
  figures: DashboardFigures;
  filters: DashboardFilters;
  /** The address of the audit list for a query. */
  auditListHref(query: AuditListQuery): string;
}

function go(href: string): void {
  window.location.hash = href.replace(/^#/, "");
}

const chartHeight = 260;

/** The grades and their colours, in words. */
function GradeLegend({ grades }: { grades: GradeCount[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.legend} aria-label="Grades">
      {grades.map((grade, index) => (
        <li key={grade.grade} className={styles.legendItem}>
          <span className={styles.swatch} style={{ backgroundColor: gradeColour(index) }} aria-hidden="true" />
          {grade.label}
        </li>
      ))}
    </ul>
  );
}

/** Counts of audits as single-colour bars (status, type): one look for every count chart. */
function CountBarChart({ data, label }: { data: ComponentProps<typeof VerticalBarChart>["data"]; label: string }) {
  return (
    <ResponsiveContainer height={chartHeight}>
      <VerticalBarChart
        data={data}
        hideLegend
        useSingleColor
        colors={[countColour]}
        wrapXAxisLables
        barWidth="auto"
        maxBarWidth={56}
        yAxisTickCount={4}
        roundedTicks
        svgProps={{ "aria-label": label }}
      />
    </ResponsiveContainer>
  );
}

function Empty({ children }: { children: string }) {
  const styles = useStyles();
  return (
    <Body1 as="p" className={styles.empty}>
      {children}
    </Body1>
  );
}

export function DashboardCharts({ figures, filters, auditListHref }: DashboardChartsProps) {
  const link = (target: DrillDownTarget): string | undefined => {
    const query = drillDownQuery(filters, target);
    return query ? auditListHref(query) : undefined;
  };
  const onClickFor = (target: DrillDownTarget): (() => void) | undefined => {
    const href = link(target);
    return href ? () => go(href) : undefined;
  };
  const graded = figures.graded;
  const gradeIndex = new Map(figures.grades.map((grade, index) => [grade.grade, index]));
  const gradeColumns = figures.grades.map((grade) => grade.label);
  const noGrades = "No audit in this view has been graded yet.";

  // ---- Overall grades ----
  const overallData: VerticalBarChartDataPoint[] = figures.grades.map((grade, index) => ({
    x: grade.label,
    y: grade.count,
    legend: grade.label,
    color: gradeColour(index),
    barLabel: formatCount(grade.count),
    xAxisCalloutData: grade.label,
    yAxisCalloutData: `${formatCount(grade.count)} of ${formatCount(graded)} graded audits`,
    onClick: onClickFor({ kind: "grade", grade: grade.grade }),
  }));
  const overallTable = (
    <FigureTable
      caption={`Overall grades of ${formatCount(graded)} graded audits`}
      columns={["Overall grade", "Audits"]}
      rows={[
        ...figures.grades.map((grade) => ({
          header: grade.label,
          cells: [{ count: grade.count, note: formatShare(grade.count, graded), href: link({ kind: "grade", grade: grade.grade }) }],
        })),
        { header: "Graded", total: true, cells: [{ count: graded, href: link({ kind: "graded" }) }] },
      ]}
    />
  );

  // ---- Grades by section ----
  const sectionData: ChartProps[] = figures.sections.map((section) => {
    const total = section.grades.reduce((sum, grade) => sum + grade.count, 0);
    return {
      chartTitle: section.title,
      chartData: section.grades.map((grade) => ({
        legend: grade.label,
        horizontalBarChartdata: { x: grade.count, total },
        color: gradeColour(gradeIndex.get(grade.grade) ?? 0),
        xAxisCalloutData: `${section.title}: ${grade.label}`,
        yAxisCalloutData: `${formatCount(grade.count)} (${formatShare(grade.count, total)})`,
      })),
    };
  });
  const sectionTable = (
    <FigureTable
      caption="Section grades of the graded audits"
      columns={["Section", ...gradeColumns, "Graded"]}
      rows={figures.sections.map((section) => {
        const total = section.grades.reduce((sum, grade) => sum + grade.count, 0);
        return {
          header: section.title,
          cells: [...section.grades.map((grade) => ({ count: grade.count, note: formatShare(grade.count, total) })), { count: total }],
        };
      })}
    />
  );

  // ---- Grades by month ----
  const trendData: VerticalStackedChartProps[] = figures.trend.map((month) => {
    return {
      xAxisPoint: monthLabel(month.month, true),
      xAxisCalloutData: monthLabel(month.month),
      chartData: month.grades.map(
        (grade): VSChartDataPoint => ({
          legend: grade.label,
          data: grade.count,
          color: gradeColour(gradeIndex.get(grade.grade) ?? 0),
          xAxisCalloutData: monthLabel(month.month),
        }),
      ),
    };
  });
  const gradeByLabel = new Map(figures.grades.map((grade) => [grade.label, grade.grade]));
  const onTrendClick = (_event: unknown, data: VerticalStackedChartProps | VSChartDataPoint) => {
    if (!("legend" in data) || !data.xAxisCalloutData) return;
    const month = figures.trend.find((candidate) => monthLabel(candidate.month) === data.xAxisCalloutData)?.month;
    const grade = gradeByLabel.get(data.legend);
    const href = month && grade ? link({ kind: "month", month, grade }) : undefined;
    if (href) go(href);
  };
  const monthTotal = (grades: GradeCount[]) => grades.reduce((sum, grade) => sum + grade.count, 0);
  const trendTable = (
    <FigureTable
      caption="Overall grades of audits submitted each month"
      columns={["Month", ...gradeColumns, "Graded"]}
      rows={figures.trend.map(
        (month): FigureRow => ({
          header: monthLabel(month.month),
          cells: [
            ...month.grades.map((grade) => ({ count: grade.count, href: link({ kind: "month", month: month.month, grade: grade.grade }) })),
            { count: monthTotal(month.grades), href: link({ kind: "month", month: month.month }) },
          ],
        }),
      )}
    />
  );

  // ---- Audits by status and by type ----
  const statuses = [...figures.byStatus].sort((a, b) => auditStatusOrder.indexOf(a.status) - auditStatusOrder.indexOf(b.status));
  const statusData: VerticalBarChartDataPoint[] = statuses.map((entry) => ({
    x: statusLabel(entry.status),
    y: entry.count,
    legend: statusLabel(entry.status),
    color: countColour,
    barLabel: formatCount(entry.count),
    onClick: onClickFor({ kind: "status", status: entry.status }),
  }));
  const statusTable = (
    <FigureTable
      caption={`Audits by status (${formatCount(figures.audits)} in all)`}
      columns={["Status", "Audits"]}
      rows={[
        ...statuses.map((entry) => ({ header: statusLabel(entry.status), cells: [{ count: entry.count, href: link({ kind: "status", status: entry.status }) }] })),
        { header: "All audits", total: true, cells: [{ count: figures.audits, href: link({ kind: "all" }) }] },
      ]}
    />
  );
  const typeData: VerticalBarChartDataPoint[] = figures.byType.map((entry) => ({
    x: typeLabel(entry.type),
    y: entry.count,
    legend: typeLabel(entry.type),
    color: countColour,
    barLabel: formatCount(entry.count),
    onClick: onClickFor({ kind: "type", type: entry.type }),
  }));
  const typeLinks = figures.byType.some((entry) => link({ kind: "type", type: entry.type }) !== undefined);
  const typeTable = (
    <FigureTable
      caption={`Audits by type (${formatCount(figures.audits)} in all)`}
      columns={["Audit type", "Audits"]}
      rows={figures.byType.map((entry) => ({ header: typeLabel(entry.type), cells: [{ count: entry.count, href: link({ kind: "type", type: entry.type }) }] }))}
    />
  );

  const hasTrend = figures.trend.length > 0;
  return (
    <>
      <ChartPanel
        title="Overall grades"
        description={graded > 0 ? "How the graded audits in this view were graded overall. Select a bar, or a number in the table, to see its audits." : undefined}
        drillDown
        chart={
          graded > 0 ? (
            <ResponsiveContainer height={chartHeight}>
              <VerticalBarChart
                data={overallData}
                hideLegend
                useSingleColor={false}
                wrapXAxisLables
                barWidth="auto"
                maxBarWidth={80}
                yAxisTickCount={4}
                roundedTicks
                svgProps={{ "aria-label": `Bar chart of overall grades of ${formatCount(graded)} graded audits` }}
              />
            </ResponsiveContainer>
          ) : (
            <Empty>{noGrades}</Empty>
          )
        }
        table={overallTable}
      />
      <ChartPanel
        title="Grades by section"
        description={graded > 0 ? "How each section of the audit tool was graded in the same audits." : undefined}
        chart={
          graded > 0 && sectionData.length > 0 ? (
            <>
              {/* The chart's own legend repeats every grade once per section: one legend for all instead. */}
              <HorizontalBarChart data={sectionData} chartDataMode="hidden" barHeight={20} showLegendForSinglePointBar legendProps={{ legends: [] }} />
              <GradeLegend grades={figures.grades} />
            </>
          ) : (
            <Empty>{noGrades}</Empty>
          )
        }
        table={sectionTable}
      />
      <ChartPanel
        title="Grades by month"
        description={hasTrend ? "Overall grades of the audits submitted each month. Select a part of a bar, or a number in the table, to see its audits." : undefined}
        drillDown
        chart={
          hasTrend ? (
            <>
              <ResponsiveContainer height={chartHeight + 40}>
                <VerticalStackedBarChart
                  data={trendData}
                  onBarClick={onTrendClick}
                  hideLegend
                  barWidth="auto"
                  maxBarWidth={48}
                  yAxisTickCount={4}
                  roundedTicks
                  svgProps={{ "aria-label": "Stacked bar chart of overall grades by month submitted" }}
                />
              </ResponsiveContainer>
              <GradeLegend grades={figures.grades} />
            </>
          ) : (
            <Empty>No audit in this view was submitted with a grade.</Empty>
          )
        }
        table={trendTable}
      />
      <ChartPanel
        title="Audits by status"
        description={figures.audits > 0 ? "Where the audits in this view are in their lifecycle. Select a bar, or a number in the table, to see its audits." : undefined}
        drillDown
        chart={
          figures.audits > 0 ? (
            <CountBarChart data={statusData} label="Bar chart of audits by status" />
          ) : (
            <Empty>There are no audits in this view.</Empty>
          )
        }
        table={statusTable}
      />
      <ChartPanel
        title="Audits by type"
        description={
          figures.audits > 0
            ? typeLinks
              ? "The kinds of audit in this view. Select a bar, or a number in the table, to see its audits."
              : "The kinds of audit in this view. With a period chosen, use the bars by status to see the audits."
            : undefined
        }
        drillDown={typeLinks}
        chart={
          figures.audits > 0 ? (
            <CountBarChart data={typeData} label="Bar chart of audits by type" />
          ) : (
            <Empty>There are no audits in this view.</Empty>
          )
        }
        table={typeTable}
      />
    </>
  );
}
