// The QA dashboard: filters (kept in the address), headline numbers, and the
// charts with their tables. It knows nothing of routing or sign-in: the page
// gives it an API client, the address's query, a way to change the query,
// and the address of the audit list for drill-down.
import { Body1, Button, makeStyles, mergeClasses, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Subtitle1, tokens } from "@fluentui/react-components";
import { useCallback, useId, useMemo } from "react";
import type { ApiClient } from "../api/api-client";
import type { DashboardFigures, Service, Team } from "../api/types";
import { DashboardCharts } from "./DashboardCharts";
import { DashboardFilterForm } from "./DashboardFilterForm";
import { filtersFromQuery, localToday, periodLabel, queryFromFilters, type DashboardFilters, type QueryReader } from "./dashboard-filters";
import { formatCount, typeLabel } from "./dashboard-labels";
import { auditListHash, drillDownQuery, type AuditListQuery } from "./drill-down";
import { HeadlineFigures, moderationHeadline, type Headline } from "./HeadlineFigures";
import { useDashboardFigures, useFilterOptions } from "./use-dashboard-data";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalM, backgroundColor: "transparent" },
  intro: { margin: 0, maxWidth: "70ch" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  summary: { margin: 0, color: tokens.colorNeutralForeground2 },
  status: { minHeight: "32px" },
  charts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  chartsSection: { marginTop: tokens.spacingVerticalXXL },
  stale: { opacity: 0.6 },
});

export interface DashboardViewProps {
  api: ApiClient;
  /** The address's query (#/dashboard?…). */
  query: QueryReader;
  /** Write new filters into the address (every dashboard parameter; undefined removes one). */
  onQueryChange(next: Record<string, string | undefined>): void;
  /** The address of the audit list for a drill-down query. */
  auditListHref?(query: AuditListQuery): string;
  /** Today's date (YYYY-MM-DD) where the person is; for the period presets. */
  today?: string;
}

function describeView(filters: DashboardFilters, services: Service[], teams: Team[]): string {
  const parts: string[] = [];
  if (filters.teamId) parts.push(teams.find((team) => team.id === filters.teamId)?.name ?? filters.teamId);
  else if (filters.serviceId) parts.push(services.find((service) => service.id === filters.serviceId)?.name ?? filters.serviceId);
  else parts.push("All the audits you can see");
  if (filters.type) parts.push(typeLabel(filters.type).toLowerCase());
  if (filters.theme) parts.push(`theme “${filters.theme}”`);
  const period = filters.from || filters.to ? `submitted ${periodLabel(filters)} (and any not yet submitted)` : "any time";
  return `${parts.join(", ")}; ${period}.`;
}

function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

export function headlinesFor(figures: DashboardFigures, filters: DashboardFilters, href: (query: AuditListQuery) => string, serverToday = utcToday()): Headline[] {
  const link = (query: AuditListQuery | undefined) => (query ? href(query) : undefined);
  return [
    {
      label: "Audits",
      value: formatCount(figures.audits),
      note: filters.from || filters.to ? "In this view, submitted in the period or still open" : "In this view",
      href: link(drillDownQuery(filters, { kind: "all" })),
    },
    { label: "Graded", value: formatCount(figures.graded), note: "Submitted with a grade", href: link(drillDownQuery(filters, { kind: "graded" })) },
    {
      label: "Overdue audits",
      value: formatCount(figures.overdueAudits),
      note: "Not submitted by the due date",
      href: link(drillDownQuery(filters, { kind: "overdue", today: serverToday })),
    },
    { label: "Overdue actions", value: formatCount(figures.overdueActions), note: "Open actions past their due date" },
    { label: "Moderation agreement", ...moderationHeadline(figures.moderation) },
  ];
}

export function DashboardView({ api, query, onQueryChange, auditListHref = auditListHash, today = localToday() }: DashboardViewProps) {
  const styles = useStyles();
  const filtersHeadingId = useId();
  const headlinesHeadingId = useId();
  const chartsHeadingId = useId();
  const filterKey = ["serviceId", "teamId", "type", "theme", "from", "to"].map((name) => query.get(name) ?? "").join("\u0000");
  // `filterKey` stands for `query`, which may be a new object on every render.
  const filters = useMemo(() => filtersFromQuery(query), [filterKey]);
  const { options, problem: optionsProblem } = useFilterOptions(api);
  const { state, retry } = useDashboardFigures(api, filters);
  const changeFilters = useCallback((next: DashboardFilters) => onQueryChange(queryFromFilters(next)), [onQueryChange]);

  const figures = state.kind === "ok" ? state.value : state.previous;
  return (
    <div className={styles.page}>
      <Body1 as="p" className={styles.intro}>
        How audits graded practice, and what is open or overdue, for the audits you can see. The filters are kept in this page’s address, so you can share the view in a channel.
      </Body1>

      <section className={styles.section} aria-labelledby={filtersHeadingId}>
        <Subtitle1 as="h3" id={filtersHeadingId} className={styles.heading}>
          Filters
        </Subtitle1>
        <DashboardFilterForm filters={filters} options={options} today={today} labelledBy={filtersHeadingId} onChange={changeFilters} />
        {optionsProblem && (
          <MessageBar intent="warning">
            <MessageBarBody>{optionsProblem}</MessageBarBody>
          </MessageBar>
        )}
        <Body1 as="p" className={styles.summary}>
          Showing: {describeView(filters, options.services, options.teams)}
        </Body1>
      </section>

      <div className={styles.status} aria-live="polite">
        {state.kind === "loading" && <Spinner size="small" labelPosition="after" label={figures ? "Updating the dashboard for these filters…" : "Loading the dashboard…"} />}
        {state.kind === "error" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>The dashboard did not load</MessageBarTitle>
              {state.message}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={retry}>Try again</Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>

      {figures && (
        <div className={state.kind === "ok" ? undefined : styles.stale} aria-busy={state.kind === "loading"}>
          <section className={styles.section} aria-labelledby={headlinesHeadingId}>
            <Subtitle1 as="h3" id={headlinesHeadingId} className={styles.heading}>
              Headlines
            </Subtitle1>
            <HeadlineFigures headlines={headlinesFor(figures, filters, auditListHref)} />
          </section>
          <section className={mergeClasses(styles.section, styles.chartsSection)} aria-labelledby={chartsHeadingId}>
            <Subtitle1 as="h3" id={chartsHeadingId} className={styles.heading}>
              Grades and audits
            </Subtitle1>
            <div className={styles.charts}>
              <DashboardCharts figures={figures} filters={filters} auditListHref={auditListHref} />
            </div>
          </section>
        </div>
      )}
    </div>
  );
}
