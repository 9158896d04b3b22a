// The QA lead adds a KPI or changes one: what it measures and why, which way
// is better, target and tolerance, where the figures come from (data
// confidence), the DfE measure it is compared with, and the focused audit rule.
import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { FormDialog } from "../../components/FormDialog";
import { ApiProblem } from "../../api/api-client";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import type { Kpi, Unit } from "./performance-words";

const useStyles = makeStyles({
  group: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalS },
});

const units: { value: Unit; label: string }[] = [
  { value: "percent", label: "Percentage" },
  { value: "count", label: "Count" },
  { value: "days", label: "Days" },
  { value: "per_worker", label: "Per worker" },
];

const comparators = [
  { value: "", label: "No focused audit rule" },
  { value: "neighbours", label: "Worse than the statistical neighbours' average" },
  { value: "region", label: "Worse than the region" },
  { value: "england", label: "Worse than England" },
  { value: "target", label: "Outside the target's tolerance (red)" },
];

interface Draft {
  code: string;
  name: string;
  measures: string;
  purpose: string;
  polarity: string;
  unit: string;
  target: string;
  tolerance: string;
  sourceSystem: string;
  sourceReport: string;
  extraction: string;
  knownIssues: string;
  timeliness: string;
  dfeFile: string;
  dfeMeasure: string;
  dfeLabel: string;
  ruleComparator: string;
  ruleMonths: string;
}

function draftOf(kpi?: Kpi): Draft {
  return {
    code: kpi?.code ?? "",
    name: kpi?.name ?? "",
    measures: kpi?.measures ?? "",
    purpose: kpi?.purpose ?? "",
    polarity: kpi?.polarity ?? "higher_is_better",
    unit: kpi?.unit ?? "percent",
    target: kpi ? String(kpi.target) : "",
    tolerance: kpi ? String(kpi.tolerance) : "0",
    sourceSystem: kpi?.dataConfidence.sourceSystem ?? "",
    sourceReport: kpi?.dataConfidence.sourceReport ?? "",
    extraction: kpi?.dataConfidence.extraction ?? "",
    knownIssues: kpi?.dataConfidence.knownIssues ?? "",
    timeliness: kpi?.dataConfidence.timeliness ?? "",
    dfeFile: kpi?.dfeMeasure?.file ?? "",
    dfeMeasure: kpi?.dfeMeasure?.measure ?? "",
    dfeLabel: kpi?.dfeMeasure?.label ?? "",
    ruleComparator: kpi?.focusedAuditRule?.comparator ?? "",
    ruleMonths: String(kpi?.focusedAuditRule?.consecutiveMonths ?? 2),
  };
}

/** The definition as the API takes it; a confidence rating is kept as it was. */
function definitionOf(draft: Draft, kpi?: Kpi): Record<string, unknown> {
  return {
    code: draft.code.trim().toUpperCase(),
    name: draft.name,
    measures: draft.measures,
    purpose: draft.purpose,
    polarity: draft.polarity,
    unit: draft.unit,
    target: Number(draft.target),
    tolerance: Number(draft.tolerance),
    dataConfidence: {
      sourceSystem: draft.sourceSystem,
      sourceReport: draft.sourceReport,
      extraction: draft.extraction,
      knownIssues: draft.knownIssues,
      timeliness: draft.timeliness,
      rating: kpi?.dataConfidence.rating ?? "not_rated",
      ratingReason: kpi?.dataConfidence.ratingReason ?? "",
    },
    dfeMeasure: draft.dfeFile && draft.dfeMeasure ? { file: draft.dfeFile, measure: draft.dfeMeasure, label: draft.dfeLabel } : undefined,
    focusedAuditRule: draft.ruleComparator ? { comparator: draft.ruleComparator, consecutiveMonths: Number(draft.ruleMonths) } : undefined,
  };
}

export function KpiDefinitionDialog({ kpi, onSaved }: { kpi?: Kpi; onSaved: () => void }) {
  const styles = useStyles();
  const { api } = useSession();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(kpi));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const dfe = useApiData(async (client) => (open ? (await client.get<{ files: { file: string; measures: string[] }[] }>("/api/performance/dfe-measures")).body.files : []), [open]);
  const files = dfe.state.kind === "ok" ? dfe.state.data : [];
  const set = (field: keyof Draft) => (_: unknown, data: { value: string }) => setDraft((current) => ({ ...current, [field]: data.value }));
  const problem = (field: string) => fieldErrors[field];

  async function save() {
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    try {
      const body = definitionOf(draft, kpi);
      if (kpi) await api.send("PATCH", `/api/performance/kpis/${encodeURIComponent(kpi.id)}`, { body: { ...body, dfeMeasure: body.dfeMeasure ?? null, focusedAuditRule: body.focusedAuditRule ?? null }, ifMatch: kpi.etag });
      else await api.send("POST", "/api/performance/kpis", { body });
      setOpen(false);
      if (!kpi) setDraft(draftOf());
      onSaved();
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.problems.length > 0) {
        setFieldErrors(Object.fromEntries(failure.problems.map((entry) => [entry.field.replace(/^body\./, ""), entry.message])));
      }
      setError(problemMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {kpi ? `Change ${kpi.code}` : "Add a KPI"}
      </Button>
      <FormDialog
        open={open}
        title={kpi ? `Change ${kpi.name}` : "Add a KPI"}
        busy={busy}
        submitLabel={kpi ? "Save changes" : "Add KPI"}
        busyLabel="Saving…"
        formError={error}
        width="wide"
        onClose={() => setOpen(false)}
        onSubmit={() => void save()}
      >
        <Field label="Code" hint="Used in the import file, such as REREF-12" required validationMessage={problem("code")}>
          <Input value={draft.code} onChange={set("code")} />
        </Field>
        <Field label="Name" required validationMessage={problem("name")}>
          <Input value={draft.name} onChange={set("name")} />
        </Field>
        <Field label="What it measures" required validationMessage={problem("measures")}>
          <Textarea value={draft.measures} onChange={set("measures")} resize="vertical" />
        </Field>
        <Field label="Why it matters" required validationMessage={problem("purpose")}>
          <Textarea value={draft.purpose} onChange={set("purpose")} resize="vertical" />
        </Field>
        <Field label="Which way is better" required>
          <Select value={draft.polarity} onChange={set("polarity")}>
            <option value="higher_is_better">Higher is better</option>
            <option value="lower_is_better">Lower is better</option>
          </Select>
        </Field>
        <Field label="Unit" required>
          <Select value={draft.unit} onChange={set("unit")}>
            {units.map((unit) => (
              <option key={unit.value} value={unit.value}>
                {unit.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Target" required validationMessage={problem("target")}>
          <Input inputMode="decimal" value={draft.target} onChange={set("target")} />
        </Field>
        <Field label="Tolerance" hint="How far from the target is still amber" required validationMessage={problem("tolerance")}>
          <Input inputMode="decimal" value={draft.tolerance} onChange={set("tolerance")} />
        </Field>
        <fieldset className={styles.group}>
          <legend className={styles.legend}>Where the figures come from</legend>
          <Field label="Source system" required validationMessage={problem("dataConfidence.sourceSystem")}>
            <Input value={draft.sourceSystem} onChange={set("sourceSystem")} />
          </Field>
          <Field label="Source report" required validationMessage={problem("dataConfidence.sourceReport")}>
            <Input value={draft.sourceReport} onChange={set("sourceReport")} />
          </Field>
          <Field label="How and when they are extracted" required validationMessage={problem("dataConfidence.extraction")}>
            <Textarea value={draft.extraction} onChange={set("extraction")} resize="vertical" />
          </Field>
          <Field label="Known recording issues">
            <Textarea value={draft.knownIssues} onChange={set("knownIssues")} resize="vertical" />
          </Field>
          <Field label="Timeliness" hint="How current the figures are when they arrive" required validationMessage={problem("dataConfidence.timeliness")}>
            <Input value={draft.timeliness} onChange={set("timeliness")} />
          </Field>
        </fieldset>
        <fieldset className={styles.group}>
          <legend className={styles.legend}>Department for Education comparator</legend>
          <Field label="DfE file" validationMessage={problem("dfeMeasure.file")}>
            <Select value={draft.dfeFile} onChange={(_, data) => setDraft((current) => ({ ...current, dfeFile: data.value, dfeMeasure: "" }))}>
              <option value="">Not published by DfE</option>
              {files.map((file) => (
                <option key={file.file} value={file.file}>
                  {file.file}
                </option>
              ))}
            </Select>
          </Field>
          {draft.dfeFile && (
            <>
              <Field label="DfE measure (column)" required validationMessage={problem("dfeMeasure.measure")}>
                <Select value={draft.dfeMeasure} onChange={set("dfeMeasure")}>
                  <option value="">Choose a column</option>
                  {(files.find((file) => file.file === draft.dfeFile)?.measures ?? []).map((measure) => (
                    <option key={measure} value={measure}>
                      {measure}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="What DfE calls it" required validationMessage={problem("dfeMeasure.label")}>
                <Input value={draft.dfeLabel} onChange={set("dfeLabel")} />
              </Field>
            </>
          )}
        </fieldset>
        <fieldset className={styles.group}>
          <legend className={styles.legend}>Focused audit rule</legend>
          <Field label="Propose a focused audit when a team's figure is" validationMessage={problem("focusedAuditRule")}>
            <Select value={draft.ruleComparator} onChange={set("ruleComparator")}>
              {comparators.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          </Field>
          {draft.ruleComparator && (
            <Field label="For how many months in a row" required>
              <Input type="number" min={1} max={12} value={draft.ruleMonths} onChange={set("ruleMonths")} />
            </Field>
          )}
        </fieldset>
      </FormDialog>
    </>
  );
}
