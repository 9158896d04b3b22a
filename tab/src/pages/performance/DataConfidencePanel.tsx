// "How far can we trust this figure?" beside every KPI chart: where the
// figures come from, how and when they are extracted, known recording
// issues, timeliness, and the QA lead's rating with the reason. The QA lead
// can change the rating here.
import { Body1, Button, Field, makeStyles, Select, Subtitle2, Textarea, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { FormDialog } from "../../components/FormDialog";
import { useSession } from "../../session/session-context";
import { problemMessage } from "../../session/use-api-data";
import { confidenceWords, type ConfidenceRating, type Kpi } from "./performance-words";

const useStyles = makeStyles({
  panel: {
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  heading: { margin: 0 },
  list: { margin: 0, marginTop: tokens.spacingVerticalS },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  definition: { marginInlineStart: 0 },
  rating: { display: "block", marginTop: tokens.spacingVerticalS },
});

const ratings: ConfidenceRating[] = ["high", "medium", "low", "not_rated"];

export function DataConfidencePanel({ kpi, canRate, onRated }: { kpi: Kpi; canRate: boolean; onRated: (kpi: Kpi) => void }) {
  const styles = useStyles();
  const headingId = useId();
  const confidence = kpi.dataConfidence;
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState<ConfidenceRating>(confidence.rating);
  const [reason, setReason] = useState(confidence.ratingReason);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { api } = useSession();

  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      const { body } = await api.send<Kpi>("PATCH", `/api/performance/kpis/${encodeURIComponent(kpi.id)}/confidence`, { body: { rating, reason }, ifMatch: kpi.etag });
      onRated(body);
      setOpen(false);
    } catch (failure) {
      setError(problemMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const entries: [string, string][] = [
    ["Source", `${confidence.sourceSystem}: ${confidence.sourceReport}`],
    ["How and when extracted", confidence.extraction],
    ["Known recording issues", confidence.knownIssues || "None recorded."],
    ["Timeliness", confidence.timeliness],
  ];
  return (
    <aside className={styles.panel} aria-labelledby={headingId}>
      <Subtitle2 as="h4" id={headingId} className={styles.heading}>
        Data confidence: {confidenceWords[confidence.rating]}
      </Subtitle2>
      <Body1 as="p" className={styles.rating}>
        {confidence.rating === "not_rated" ? "The QA lead has not rated these figures yet." : `${confidence.ratingReason}${confidence.ratedByName ? ` (rated by ${confidence.ratedByName})` : ""}`}
      </Body1>
      <dl className={styles.list}>
        {entries.map(([term, text]) => (
          <div key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.definition}>{text}</dd>
          </div>
        ))}
      </dl>
      {canRate && (
        <Button size="small" className={styles.rating} onClick={() => setOpen(true)}>
          Rate confidence in {kpi.code}
        </Button>
      )}
      <FormDialog open={open} title={`Confidence in ${kpi.name}`} busy={busy} submitLabel="Save rating" busyLabel="Saving…" formError={error} onClose={() => setOpen(false)} onSubmit={() => void save()}>
        <Field label="Rating">
          <Select value={rating} onChange={(_, data) => setRating(data.value as ConfidenceRating)}>
            {ratings.map((choice) => (
              <option key={choice} value={choice}>
                {confidenceWords[choice]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Why" hint="What you checked, and what it showed." required={rating !== "not_rated"}>
          <Textarea value={reason} onChange={(_, data) => setReason(data.value)} resize="vertical" />
        </Field>
      </FormDialog>
    </aside>
  );
}
