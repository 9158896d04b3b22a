// The dashboard's filters: service, team (narrowed by service), audit type,
// theme, and the period (a preset or two dates). Every change goes straight
// into the address, so the view can be shared; the theme waits until you
// pause typing.
import { Button, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import {
  auditTypeOrder,
  isIsoDate,
  periodChoice,
  periodPresets,
  periodProblem,
  type DashboardFilters,
  type PeriodPresetId,
} from "./dashboard-filters";
import { auditTypeLabels } from "./dashboard-labels";
import type { FilterOptions } from "./use-dashboard-data";

const useStyles = makeStyles({
  form: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))",
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    alignItems: "start",
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // Grid items may shrink below a long option's width (the list still shows it whole).
  field: { minWidth: 0 },
  control: { minWidth: 0, width: "100%" },
  actions: { display: "flex", alignItems: "end", minHeight: "100%" },
});

const themeDelayMs = 600;

export interface DashboardFilterFormProps {
  filters: DashboardFilters;
  options: FilterOptions;
  today: string;
  /** Id of the heading that names the filters. */
  labelledBy: string;
  onChange(next: DashboardFilters): void;
}

export function DashboardFilterForm({ filters, options, today, labelledBy, onChange }: DashboardFilterFormProps) {
  const styles = useStyles();
  const presets = periodPresets(today);
  const choice = periodChoice(filters, today);
  const [customPeriod, setCustomPeriod] = useState(choice === "custom");
  const showDates = customPeriod || choice === "custom";

  // The theme is typed: keep what is typed here and write it to the address after a pause.
  const [theme, setTheme] = useState(filters.theme ?? "");
  useEffect(() => setTheme(filters.theme ?? ""), [filters.theme]);
  useEffect(() => {
    if (theme.trim() === (filters.theme ?? "")) return;
    const timer = setTimeout(() => onChange({ ...filters, theme: theme.trim() || undefined }), themeDelayMs);
    return () => clearTimeout(timer);
  }, [theme, filters, onChange]);

  const teams = filters.serviceId ? options.teams.filter((team) => team.serviceId === filters.serviceId) : options.teams;
  const change = (changes: Partial<DashboardFilters>) => onChange({ ...filters, ...changes });

  const chooseService = (serviceId: string) => {
    const team = options.teams.find((candidate) => candidate.id === filters.teamId);
    // A team outside the new service no longer applies.
    const keepTeam = !serviceId || !team || team.serviceId === serviceId;
    change({ serviceId: serviceId || undefined, teamId: keepTeam ? filters.teamId : undefined });
  };

  const chooseTeam = (teamId: string) => {
    const team = options.teams.find((candidate) => candidate.id === teamId);
    change({ teamId: teamId || undefined, serviceId: team ? team.serviceId : filters.serviceId });
  };

  const choosePeriod = (value: string) => {
    if (value === "custom") {
      setCustomPeriod(true);
      return;
    }
    setCustomPeriod(false);
    const preset = presets.find((candidate) => candidate.id === (value as PeriodPresetId));
    change({ from: preset?.from, to: preset?.to });
  };

  const chooseDate = (name: "from" | "to", value: string) => {
    if (value && !isIsoDate(value)) return; // the browser's date field is part-way through an edit
    change({ [name]: value || undefined });
  };

  const clear = () => {
    setCustomPeriod(false);
    setTheme("");
    onChange({});
  };

  const hasFilters = Object.values(filters).some((value) => value !== undefined && value !== "");
  const toProblem = periodProblem(filters);
  // A filter value from a shared link that is not in the lists (a team since renamed, say) is still shown.
  const missingService = filters.serviceId && !options.services.some((service) => service.id === filters.serviceId);
  const missingTeam = filters.teamId && !teams.some((team) => team.id === filters.teamId);

  return (
    <form role="search" aria-labelledby={labelledBy} className={styles.form} onSubmit={(event) => event.preventDefault()}>
      <Field className={styles.field} label="Service">
        <Select className={styles.control} value={filters.serviceId ?? ""} onChange={(_, data) => chooseService(data.value)}>
          <option value="">All services</option>
          {options.services.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name}
            </option>
          ))}
          {missingService && <option value={filters.serviceId}>{filters.serviceId}</option>}
        </Select>
      </Field>
      <Field className={styles.field} label="Team" hint={filters.serviceId ? "Teams in the chosen service" : undefined}>
        <Select className={styles.control} value={filters.teamId ?? ""} onChange={(_, data) => chooseTeam(data.value)}>
          <option value="">{filters.serviceId ? "All teams in the service" : "All teams"}</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
          {missingTeam && <option value={filters.teamId}>{filters.teamId}</option>}
        </Select>
      </Field>
      <Field className={styles.field} label="Audit type">
        <Select className={styles.control} value={filters.type ?? ""} onChange={(_, data) => change({ type: (data.value || undefined) as DashboardFilters["type"] })}>
          <option value="">All types</option>
          {auditTypeOrder.map((type) => (
            <option key={type} value={type}>
              {auditTypeLabels[type]}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={styles.field} label="Theme" hint="The audit's theme, as written (e.g. Neglect)">
        <Input className={styles.control} value={theme} maxLength={200} onChange={(_, data) => setTheme(data.value)} />
      </Field>
      <Field className={styles.field} label="Period submitted" hint="Audits not yet submitted always count">
        <Select className={styles.control} value={showDates ? "custom" : choice} onChange={(_, data) => choosePeriod(data.value)}>
          <option value="all">All time</option>
          {presets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
          <option value="custom">Choose dates…</option>
        </Select>
      </Field>
      {showDates && (
        <>
          <Field className={styles.field} label="From">
            <Input className={styles.control} type="date" value={filters.from ?? ""} max={filters.to} onChange={(_, data) => chooseDate("from", data.value)} />
          </Field>
          <Field className={styles.field} label="To" validationMessage={toProblem} validationState={toProblem ? "error" : "none"}>
            <Input className={styles.control} type="date" value={filters.to ?? ""} min={filters.from} onChange={(_, data) => chooseDate("to", data.value)} />
          </Field>
        </>
      )}
      <div className={styles.actions}>
        <Button onClick={clear} disabled={!hasFilters && !customPeriod}>
          Clear filters
        </Button>
      </div>
    </form>
  );
}
