// The authority's moderation sampling rule in one sentence, and for the QA
// lead a dialog to change it: the share drawn at random, the grades always
// moderated, the minimum per auditor per quarter, the line-manager rule and
// the seed the draw starts from.
import { Button, Checkbox, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ApiClient } from "../../api/api-client";
import { FormDialog } from "../../components/FormDialog";
import { PageText } from "../../components/PageText";
import { useApiData } from "../../session/use-api-data";
import { fieldErrors, type FieldErrors } from "../actions/action-changes";

export interface ModerationRule {
  sampleRate: number;
  alwaysModerateGrades: string[];
  seed: string;
  minimumPerAuditorPerQuarter: number;
  excludeLineManager: boolean;
}

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalS },
  grades: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, width: "100%" },
});

type RuleField = "sampleRate" | "alwaysModerateGrades" | "seed" | "minimumPerAuditorPerQuarter";

export function describeRule(rule: ModerationRule, gradeLabel: (key: string) => string): string {
  const always = rule.alwaysModerateGrades.length > 0 ? ` Always moderated: ${rule.alwaysModerateGrades.map(gradeLabel).join(", ")}.` : "";
  const minimum = rule.minimumPerAuditorPerQuarter > 0 ? ` At least ${rule.minimumPerAuditorPerQuarter} per auditor each quarter.` : "";
  const lineManager = rule.excludeLineManager ? " Never moderated by the auditor's own line manager." : "";
  return `${Math.round(rule.sampleRate * 100)}% of audits are drawn at random (seed "${rule.seed}").${always}${minimum}${lineManager}`;
}

export function SamplingRule({ api, canChange, grades }: { api: ApiClient; canChange: boolean; grades: { key: string; label: string }[] }) {
  const styles = useStyles();
  const rule = useApiData((client) => client.get<ModerationRule>("/api/moderation/rule"), []);
  const [open, setOpen] = useState(false);
  const gradeLabel = (key: string) => grades.find((grade) => grade.key === key)?.label ?? key.replace(/_/g, " ");
  if (rule.state.kind !== "ok") return null;
  const { body, etag } = rule.state.data;
  return (
    <div className={styles.row}>
      <PageText>Sampling rule: {describeRule(body, gradeLabel)}</PageText>
      {canChange && (
        <Button size="small" onClick={() => setOpen(true)}>
          Change the sampling rule
        </Button>
      )}
      {canChange && (
        <RuleDialog
          open={open}
          api={api}
          rule={body}
          etag={etag}
          grades={grades}
          onClose={() => setOpen(false)}
          onSaved={(saved) => {
            setOpen(false);
            // Shown from the answer, so the dialog stays mounted as it closes.
            rule.update(() => saved);
          }}
        />
      )}
    </div>
  );
}

function RuleDialog(props: {
  open: boolean;
  api: ApiClient;
  rule: ModerationRule;
  etag: string | undefined;
  grades: { key: string; label: string }[];
  onClose: () => void;
  onSaved: (saved: { body: ModerationRule; etag?: string }) => void;
}) {
  const styles = useStyles();
  const [percent, setPercent] = useState(String(Math.round(props.rule.sampleRate * 100)));
  const [always, setAlways] = useState(props.rule.alwaysModerateGrades);
  const [minimum, setMinimum] = useState(String(props.rule.minimumPerAuditorPerQuarter));
  const [excludeLineManager, setExcludeLineManager] = useState(props.rule.excludeLineManager);
  const [seed, setSeed] = useState(props.rule.seed);
  const [errors, setErrors] = useState<FieldErrors<RuleField>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const rate = Number(percent);
    const least = Number(minimum);
    const problems: FieldErrors<RuleField> = {};
    if (percent.trim() === "" || !Number.isFinite(rate) || rate < 0 || rate > 100) problems.sampleRate = "Give a share from 0 to 100.";
    if (minimum.trim() === "" || !Number.isInteger(least) || least < 0 || least > 50) problems.minimumPerAuditorPerQuarter = "Give a whole number from 0 to 50.";
    if (!seed.trim()) problems.seed = "The seed cannot be empty.";
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const saved = await props.api.send<ModerationRule>("PATCH", "/api/moderation/rule", {
        body: { sampleRate: rate / 100, alwaysModerateGrades: always, minimumPerAuditorPerQuarter: least, excludeLineManager, seed: seed.trim() },
        ifMatch: props.etag,
      });
      props.onSaved(saved);
    } catch (error) {
      setErrors(fieldErrors(error, ["sampleRate", "alwaysModerateGrades", "seed", "minimumPerAuditorPerQuarter"]));
    } finally {
      setBusy(false);
    }
  };

  const error = (field: RuleField) => ({ validationMessage: errors[field], validationState: errors[field] ? ("error" as const) : ("none" as const) });
  return (
    <FormDialog
      open={props.open}
      title="Change the sampling rule"
      lead="Audits submitted from now on are sampled by the new rule. Earlier samples keep the seed they were drawn with."
      busy={busy}
      busyLabel="Saving…"
      submitLabel="Save the rule"
      formError={errors.form}
      onClose={props.onClose}
      onSubmit={() => void submit()}
    >
      <Field label="Share of audits drawn at random (%)" {...error("sampleRate")}>
        <Input type="number" min={0} max={100} value={percent} onChange={(_, data) => setPercent(data.value)} />
      </Field>
      <fieldset className={styles.grades}>
        <legend className={styles.legend}>Grades always moderated</legend>
        {props.grades.map((grade) => (
          <Checkbox
            key={grade.key}
            label={grade.label}
            checked={always.includes(grade.key)}
            onChange={(_, data) => setAlways((current) => (data.checked ? [...current, grade.key] : current.filter((key) => key !== grade.key)))}
          />
        ))}
      </fieldset>
      <Field label="Fewest moderations per auditor each quarter" {...error("minimumPerAuditorPerQuarter")}>
        <Input type="number" min={0} max={50} value={minimum} onChange={(_, data) => setMinimum(data.value)} />
      </Field>
      <Checkbox label="Never moderated by the auditor's own line manager" checked={excludeLineManager} onChange={(_, data) => setExcludeLineManager(Boolean(data.checked))} />
      <Field label="Seed (change it to draw a fresh sample, for example each quarter)" {...error("seed")}>
        <Input value={seed} onChange={(_, data) => setSeed(data.value)} />
      </Field>
    </FormDialog>
  );
}
