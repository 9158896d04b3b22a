// #/programmes/new: plan an audit programme — name, audit type and tool,
// theme, period, which teams' cases, how many, how they are picked (random
// or stratified, with an optional seed), and whether auditors may audit
// their own team's cases. For the QA lead, the PSW, heads of service and
// service managers (the last two for their own service's teams).
import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { useMemo, useState, type FormEvent } from "react";
import type { AuditType, Service, Team } from "../../api/types";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { auditTypeWords } from "../../components/words";
import { hrefFor, programmeHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { useApiData } from "../../session/use-api-data";
import { fieldErrors, type FieldErrors } from "../actions/action-changes";
import { samplingWords, toolText, type Programme, type SamplingMethod, type VersionedTool } from "./programme-words";
import { canPlanAudits, setNextPageNotice, useDocumentTitle, usePartStyles } from "./shared-parts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL, maxWidth: "640px" },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalL, "& > *": { flexGrow: 1, flexBasis: "200px", minWidth: 0 } },
  group: { margin: 0, padding: 0, border: "none", minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  required: { color: tokens.colorPaletteRedForeground3, paddingLeft: tokens.spacingHorizontalXS },
  hint: { display: "block", color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalXS },
  error: { display: "block", color: tokens.colorPaletteRedForeground1, marginTop: tokens.spacingVerticalXS },
  options: { display: "flex", flexDirection: "column" },
  methodName: { fontWeight: tokens.fontWeightSemibold },
  methodExplanation: { display: "block", color: tokens.colorNeutralForeground2 },
  number: { maxWidth: "160px" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
});

type FieldName = "name" | "auditType" | "toolId" | "theme" | "periodStart" | "periodEnd" | "teamIds" | "caseCount" | "samplingMethod" | "samplingSeed";
const fieldNames: readonly FieldName[] = ["name", "auditType", "toolId", "theme", "periodStart", "periodEnd", "teamIds", "caseCount", "samplingMethod", "samplingSeed"];

interface Loaded {
  tools: VersionedTool[];
  teams: Team[];
  services: Map<string, string>;
}

const TITLE = "Plan an audit programme";

export function PlanProgrammePage({ focusHeading }: { focusHeading: boolean }) {
  const { me } = useSession();
  useDocumentTitle(TITLE);
  const { state, reload } = useApiData<Loaded>(async (api) => {
    const [tools, teams, services] = await Promise.all([
      api.get<{ auditTools: VersionedTool[] }>("/api/audit-tools"),
      api.get<{ teams: Team[] }>("/api/teams"),
      api.get<{ services: Service[] }>("/api/services"),
    ]);
    // A head of service or service manager plans for their own service's teams only.
    const mine = me.scope === "authority" ? teams.body.teams : teams.body.teams.filter((team) => team.serviceId === me.serviceId);
    return {
      tools: tools.body.auditTools.filter((tool) => !tool.supersededById),
      teams: [...mine].sort((a, b) => a.name.localeCompare(b.name)),
      services: new Map(services.body.services.map((service) => [service.id, service.name])),
    };
  }, []);

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{TITLE}</PageHeading>
      {!canPlanAudits(me) ? (
        <PageText>Only the QA lead, the principal social worker, heads of service and service managers plan audit programmes.</PageText>
      ) : (
        <>
          <PageText>
            Say what to audit, when, and in which teams. Next you draw the sample of cases and assign auditors: each auditor gets their audit as a card in
            Teams.
          </PageText>
          {state.kind === "loading" && <Loading label="Opening the form…" />}
          {state.kind === "error" && <LoadError message={state.message} onRetry={reload} />}
          {state.kind === "ok" && <PlanForm loaded={state.data} />}
        </>
      )}
    </>
  );
}

/** YYYY-MM-DD of the first day of the month `months` after this one (UTC). */
function monthStart(months: number, now = new Date()): string {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth() + months, 1)).toISOString().slice(0, 10);
}

function PlanForm({ loaded }: { loaded: Loaded }) {
  const styles = useStyles();
  const parts = usePartStyles();
  const { api } = useSession();
  const [name, setName] = useState("");
  const [auditType, setAuditType] = useState<AuditType>("regular");
  const toolsForType = useMemo(() => loaded.tools.filter((tool) => tool.auditTypes.includes(auditType)), [loaded.tools, auditType]);
  const [toolChoice, setToolChoice] = useState("");
  // The tool follows the audit type: the first tool for that type unless one is chosen.
  const toolId = toolsForType.some((tool) => tool.id === toolChoice) ? toolChoice : (toolsForType[0]?.id ?? "");
  const [theme, setTheme] = useState("");
  // By default, the next three months.
  const [periodStart, setPeriodStart] = useState(() => monthStart(1));
  const [periodEnd, setPeriodEnd] = useState(() => {
    const end = new Date(`${monthStart(4)}T00:00:00Z`);
    end.setUTCDate(0);
    return end.toISOString().slice(0, 10);
  });
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [caseCount, setCaseCount] = useState("");
  const [samplingMethod, setSamplingMethod] = useState<SamplingMethod>("stratified");
  const [samplingSeed, setSamplingSeed] = useState("");
  const [allowOwnTeamAuditors, setAllowOwnTeamAuditors] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<FieldName>>({});
  const [busy, setBusy] = useState(false);

  // A field's message goes as soon as it is changed; the rest stay until the next try.
  const edited = (field: FieldName) =>
    setErrors((current) => {
      if (!current[field]) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });

  const focusField = (field: FieldName | "form") => {
    setTimeout(() => document.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus(), 0);
  };

  const check = (): FieldErrors<FieldName> => {
    const found: FieldErrors<FieldName> = {};
    if (!name.trim()) found.name = "Give the programme a name.";
    if (!toolId) found.toolId = `There is no audit tool for ${auditTypeWords[auditType].toLowerCase()}s yet. Choose another type, or make a tool in the library first.`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(periodStart)) found.periodStart = "Choose the day the programme starts.";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(periodEnd)) found.periodEnd = "Choose the day the programme ends.";
    else if (!found.periodStart && periodEnd < periodStart) found.periodEnd = "The programme must end on or after the day it starts.";
    if (teamIds.length === 0) found.teamIds = "Choose at least one team.";
    const count = Number(caseCount);
    if (!caseCount.trim()) found.caseCount = "Say how many cases to audit.";
    else if (!Number.isInteger(count) || count < 1 || count > 1000) found.caseCount = "Enter a whole number from 1 to 1,000.";
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    const first = fieldNames.find((field) => found[field]);
    if (first) {
      setErrors(found);
      focusField(first);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const { body } = await api.send<Programme>("POST", "/api/audit-programmes", {
        body: {
          name: name.trim(),
          auditType,
          toolId,
          theme: theme.trim() || undefined,
          periodStart,
          periodEnd,
          teamIds,
          caseCount: Number(caseCount),
          samplingMethod,
          samplingSeed: samplingSeed.trim() || undefined,
          allowOwnTeamAuditors,
        },
      });
      setNextPageNotice(`Planned “${body.name}”. Next, draw the sample of cases.`);
      window.location.hash = programmeHref(body.id);
    } catch (error) {
      const next = fieldErrors(error, fieldNames);
      setErrors(next);
      focusField(fieldNames.find((field) => next[field]) ?? "form");
      setBusy(false);
    }
  };

  const validation = (field: FieldName) => ({ validationState: errors[field] ? ("error" as const) : ("none" as const), validationMessage: errors[field] });

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate aria-label="Plan an audit programme">
      {errors.form && (
        <div role="alert" tabIndex={-1} data-field="form">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>Not planned. {errors.form}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      <Field label="Name" required hint="For example: Regular case audits, January to March." {...validation("name")}>
        <Input data-field="name" value={name} maxLength={200} onChange={(_, data) => {
            setName(data.value);
            edited("name");
          }} />
      </Field>
      <div className={styles.row}>
        <Field label="Type of audit" required {...validation("auditType")}>
          <Select data-field="auditType" value={auditType} onChange={(_, data) => {
              setAuditType(data.value as AuditType);
              edited("toolId");
            }}>
            {Object.entries(auditTypeWords).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Audit tool" required {...validation("toolId")}>
          <Select data-field="toolId" value={toolId} onChange={(_, data) => {
              setToolChoice(data.value);
              edited("toolId");
            }}>
            {toolsForType.length === 0 && <option value="">No tool for this type</option>}
            {toolsForType.map((tool) => (
              <option key={tool.id} value={tool.id}>
                {toolText(tool)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Theme (optional)" hint="For a thematic audit or deep dive, for example: neglect." {...validation("theme")}>
        <Input data-field="theme" value={theme} maxLength={200} onChange={(_, data) => {
            setTheme(data.value);
            edited("theme");
          }} />
      </Field>
      <div className={styles.row}>
        <Field label="Starts on" required {...validation("periodStart")}>
          <Input data-field="periodStart" type="date" value={periodStart} onChange={(_, data) => {
              setPeriodStart(data.value);
              edited("periodStart");
            }} />
        </Field>
        <Field label="Ends on" required hint="Audits are due by this day." {...validation("periodEnd")}>
          <Input data-field="periodEnd" type="date" min={periodStart || undefined} value={periodEnd} onChange={(_, data) => {
              setPeriodEnd(data.value);
              edited("periodEnd");
            }} />
        </Field>
      </div>

      <fieldset className={styles.group} aria-describedby={errors.teamIds ? "plan-teams-error" : "plan-teams-hint"}>
        <legend className={styles.legend}>
          Teams whose cases are sampled<span className={styles.required} aria-hidden="true">*</span>
          <span className={parts.visuallyHidden}> (required)</span>
        </legend>
        <span id="plan-teams-hint" className={styles.hint}>
          Cases are drawn only from these teams.
        </span>
        <div className={styles.options}>
          {loaded.teams.map((team, index) => (
            <Checkbox
              key={team.id}
              data-field={index === 0 ? "teamIds" : undefined}
              label={`${team.name} (${loaded.services.get(team.serviceId) ?? "no service"})`}
              checked={teamIds.includes(team.id)}
              onChange={(_, data) => {
                setTeamIds((current) => (data.checked ? [...current, team.id] : current.filter((id) => id !== team.id)));
                edited("teamIds");
              }}
            />
          ))}
          {loaded.teams.length === 0 && <span>There are no teams you can plan audits for.</span>}
        </div>
        {errors.teamIds && (
          <span id="plan-teams-error" className={styles.error}>
            {errors.teamIds}
          </span>
        )}
      </fieldset>

      <Field label="Number of cases" required hint="How many cases to audit across these teams." {...validation("caseCount")}>
        <Input data-field="caseCount" className={styles.number} type="number" inputMode="numeric" min={1} max={1000} step={1} value={caseCount} onChange={(_, data) => {
            setCaseCount(data.value);
            edited("caseCount");
          }} />
      </Field>

      <Field label="How are cases picked?" required {...validation("samplingMethod")}>
        <RadioGroup value={samplingMethod} onChange={(_, data) => setSamplingMethod(data.value as SamplingMethod)}>
          {(["stratified", "random"] as const).map((method) => (
            <Radio
              key={method}
              value={method}
              data-field={method === samplingMethod ? "samplingMethod" : undefined}
              label={
                <>
                  <span className={styles.methodName}>{samplingWords[method].name}</span>
                  <span className={styles.methodExplanation}>{samplingWords[method].explanation}</span>
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>

      <Field
        label="Seed (optional)"
        hint="Any word or number. The same seed draws the same cases again, so anyone can check the sample. Leave it empty and one is chosen and recorded for you."
        {...validation("samplingSeed")}
      >
        <Input data-field="samplingSeed" value={samplingSeed} maxLength={100} onChange={(_, data) => {
            setSamplingSeed(data.value);
            edited("samplingSeed");
          }} />
      </Field>

      <Checkbox
        checked={allowOwnTeamAuditors}
        onChange={(_, data) => setAllowOwnTeamAuditors(data.checked === true)}
        label="Allow auditors from the case's own team (normally no one audits their own team's cases)"
      />

      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {busy ? "Planning…" : "Plan the programme"}
        </Button>
        <Button as="a" href={hrefFor("programmes")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
