// Import feedback from a participation tool's CSV file (such as Mind of My
// Own). Either every row is imported or none is: the rows that stop an
// import are listed with their line and reasons, to correct and try again.
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ApiProblem, type ApiClient } from "../../api/api-client";
import { FormDialog } from "../../components/FormDialog";
import { problemMessage } from "../../session/use-api-data";

const useStyles = makeStyles({
  rejected: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

interface RejectedRow {
  line: number;
  sourceId: string;
  reasons: string[];
}

export function ImportDialog({ open, api, onClose, onImported }: { open: boolean; api: ApiClient; onClose: () => void; onImported: (message: string) => void }) {
  const styles = useStyles();
  const [sourceSystem, setSourceSystem] = useState("Mind of My Own");
  const [file, setFile] = useState<File>();
  const [errors, setErrors] = useState<{ form?: string; file?: string; sourceSystem?: string }>({});
  const [rejected, setRejected] = useState<RejectedRow[]>([]);
  const [busy, setBusy] = useState(false);

  const downloadTemplate = async () => {
    try {
      const { blob, filename } = await api.getFile("/api/feedback/import-template");
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement("a");
      anchor.href = url;
      anchor.download = filename;
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      URL.revokeObjectURL(url);
    } catch (error) {
      setErrors({ form: problemMessage(error) });
    }
  };

  const submit = async () => {
    if (!sourceSystem.trim()) return setErrors({ sourceSystem: "Say which participation tool the file came from." });
    if (!file) return setErrors({ file: "Choose the CSV file to import." });
    setBusy(true);
    setErrors({});
    setRejected([]);
    try {
      const { body } = await api.send<{ imported: number; alreadyImported: number; rows: number }>("POST", "/api/feedback/import", {
        body: { sourceSystem: sourceSystem.trim(), csv: await file.text() },
      });
      const again = body.alreadyImported > 0 ? ` ${body.alreadyImported} ${body.alreadyImported === 1 ? "was" : "were"} already imported and left as they were.` : "";
      onImported(`Imported ${body.imported} of ${body.rows} rows from ${sourceSystem.trim()}.${again}`);
    } catch (error) {
      const rows = error instanceof ApiProblem && Array.isArray(error.extensions.rejectedRows) ? (error.extensions.rejectedRows as RejectedRow[]) : [];
      setRejected(rows);
      setErrors({ form: rows.length > 0 ? `Nothing was imported: ${rows.length} ${rows.length === 1 ? "row needs" : "rows need"} correcting first.` : problemMessage(error) });
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open={open}
      title="Import feedback from a participation tool"
      lead="Use the template's columns. If any row is wrong, nothing is imported; importing the same file again adds nothing twice."
      busy={busy}
      busyLabel="Importing…"
      submitLabel="Import"
      formError={errors.form}
      onClose={onClose}
      onSubmit={() => void submit()}
      width="wide"
      extra={
        rejected.length > 0 && (
          <ul className={styles.rejected} aria-label="Rows to correct">
            {rejected.map((row) => (
              <li key={row.line}>
                Line {row.line}
                {row.sourceId ? ` (${row.sourceId})` : ""}: {row.reasons.join("; ")}
              </li>
            ))}
          </ul>
        )
      }
    >
      <Button onClick={() => void downloadTemplate()}>Download the template</Button>
      <Field label="Participation tool" required validationState={errors.sourceSystem ? "error" : "none"} validationMessage={errors.sourceSystem}>
        <Input maxLength={100} value={sourceSystem} onChange={(_, data) => setSourceSystem(data.value)} />
      </Field>
      <Field label="CSV file" required validationState={errors.file ? "error" : "none"} validationMessage={errors.file}>
        {(fieldProps) => <input {...fieldProps} type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.currentTarget.files?.[0])} />}
      </Field>
    </FormDialog>
  );
}
