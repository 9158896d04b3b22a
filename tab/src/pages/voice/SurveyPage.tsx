// #/voice/<id> and #/voice/new: a draft survey opens in the editor (for the
// QA lead and PSW); a sent one shows its results.
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { useApiData } from "../../session/use-api-data";
import { SurveyEditor } from "./SurveyEditor";
import { SurveyResults } from "./SurveyResults";
import type { SurveyDefinition } from "./voice-words";

export function SurveyPage({ surveyId, focusHeading }: { surveyId: string; focusHeading: boolean }) {
  const isNew = surveyId === "new";
  const { state, reload } = useApiData(
    async (api) => (isNew ? undefined : await api.get<SurveyDefinition>(`/api/surveys/${encodeURIComponent(surveyId)}`)),
    [surveyId],
  );
  if (isNew) return <SurveyEditor focusHeading={focusHeading} />;
  if (state.kind === "loading") return <Loading label="Opening the survey…" />;
  if (state.kind === "error")
    return (
      <>
        <PageHeading focusOnMount={focusHeading}>Survey</PageHeading>
        <LoadError message={state.message} onRetry={reload} />
      </>
    );
  const loaded = state.data!;
  if (loaded.body.status === "draft") return <SurveyEditor focusHeading={focusHeading} draft={loaded.body} etag={loaded.etag} />;
  return <SurveyResults surveyId={surveyId} focusHeading={focusHeading} />;
}
