// The QA lead changes a KPI's target and tolerance; every RAG status on the
// page is worked out again from the new rule.
import { Button, Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import { FormDialog } from "../../components/FormDialog";
import { useSession } from "../../session/session-context";
import { problemMessage } from "../../session/use-api-data";
import type { Kpi } from "./performance-words";

export function TargetDialog({ kpi, onChanged }: { kpi: Kpi; onChanged: () => void }) {
  const { api } = useSession();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState(String(kpi.target));
  const [tolerance, setTolerance] = useState(String(kpi.tolerance));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function save() {
    const targetNumber = Number(target);
    const toleranceNumber = Number(tolerance);
    if (target.trim() === "" || !Number.isFinite(targetNumber)) return setError("The target must be a number.");
    if (tolerance.trim() === "" || !Number.isFinite(toleranceNumber) || toleranceNumber < 0) return setError("The tolerance must be a number, 0 or more.");
    setBusy(true);
    setError(undefined);
    try {
      await api.send("PATCH", `/api/performance/kpis/${encodeURIComponent(kpi.id)}`, { body: { target: targetNumber, tolerance: toleranceNumber }, ifMatch: kpi.etag });
      setOpen(false);
      onChanged();
    } catch (failure) {
      setError(problemMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        Change target for {kpi.code}
      </Button>
      <FormDialog
        open={open}
        title={`Target for ${kpi.name}`}
        lead={kpi.polarity === "lower_is_better" ? "Lower is better: amber is above the target by no more than the tolerance." : "Higher is better: amber is below the target by no more than the tolerance."}
        busy={busy}
        submitLabel="Save target"
        busyLabel="Saving…"
        formError={error}
        onClose={() => setOpen(false)}
        onSubmit={() => void save()}
      >
        <Field label="Target" required>
          <Input inputMode="decimal" value={target} onChange={(_, data) => setTarget(data.value)} />
        </Field>
        <Field label="Tolerance" hint="How far from the target is still amber, in the KPI's unit." required>
          <Input inputMode="decimal" value={tolerance} onChange={(_, data) => setTolerance(data.value)} />
        </Field>
      </FormDialog>
    </>
  );
}
