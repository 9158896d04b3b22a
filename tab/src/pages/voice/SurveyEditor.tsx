// Writing a survey: title, kind, round, dates, who is asked, and the
// questions (agree–disagree scales and free text), beside the very card
// staff answer (rendered by the bot's own card code). A new round of an
// earlier survey keeps its questions' keys, so the two rounds can be
// compared. Sending is final: once anyone may have answered, the questions
// cannot change.
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { ApiProblem } from "../../api/api-client";
import { AdaptiveCardView } from "../../components/AdaptiveCardView";
import { FormDialog } from "../../components/FormDialog";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { hrefFor, surveyHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { Notice, useDocumentTitle, type NoticeText } from "../programmes/shared-parts";
import {
  agreementLabels,
  questionKeyFrom,
  reflectiveQuestions,
  surveyKindWords,
  type SurveyAudience,
  type SurveyDefinition,
  type SurveyKind,
  type SurveyQuestion,
  type SurveySummary,
} from "./voice-words";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "44rem", marginTop: tokens.spacingVerticalL },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  question: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  preview: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalXXL, maxWidth: "36rem" },
  previewHeading: { margin: 0 },
  // A choice with long option text shrinks with the page instead of widening it.
  select: { maxWidth: "100%", minWidth: 0 },
  selectInput: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

interface Organisation {
  teams: { id: string; name: string }[];
  services: { id: string; name: string }[];
  surveys: SurveySummary[];
}

interface Draft {
  title: string;
  kind: SurveyKind;
  introduction: string;
  round: string;
  opensOn: string;
  closesOn: string;
  audience: SurveyAudience;
  seriesId: string;
  questions: (SurveyQuestion & { labelsText?: string })[];
}

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function draftFrom(survey?: SurveyDefinition): Draft {
  return survey
    ? {
        title: survey.title,
        kind: survey.kind,
        introduction: survey.introduction ?? "",
        round: survey.round,
        opensOn: survey.opensOn,
        closesOn: survey.closesOn,
        audience: survey.audience,
        seriesId: survey.seriesId ?? "",
        questions: survey.questions,
      }
    : {
        title: "",
        kind: "pulse",
        introduction: "",
        round: "",
        opensOn: today(),
        closesOn: inDays(14),
        audience: { scope: "everyone" },
        seriesId: "",
        questions: [{ key: "", type: "scale", text: "", labels: agreementLabels }],
      };
}

/** A draft as the API takes it (to save, or to preview its card). */
interface SurveyDraftBody {
  title: string;
  kind: SurveyKind;
  introduction?: string;
  round: string;
  opensOn: string;
  closesOn: string;
  audience: SurveyAudience;
  seriesId?: string;
  questions: SurveyQuestion[];
}

function questionsToSend(questions: Draft["questions"]): SurveyQuestion[] {
  const taken: string[] = [];
  return questions.map((question) => {
    const key = question.key || questionKeyFrom(question.text, taken);
    taken.push(key);
    return question.type === "scale" ? { key, type: "scale", text: question.text, labels: question.labels } : { key, type: "free_text", text: question.text };
  });
}

export function SurveyEditor({ focusHeading, draft: saved, etag }: { focusHeading: boolean; draft?: SurveyDefinition; etag?: string }) {
  const styles = useStyles();
  const { api } = useSession();
  const title = saved ? `Draft: ${saved.title}` : "Write a survey";
  useDocumentTitle(title);
  const [draft, setDraft] = useState<Draft>(() => draftFrom(saved));
  const [version, setVersion] = useState(etag);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeText | undefined>();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [confirmSend, setConfirmSend] = useState(false);
  const audienceId = useId();
  const questionsId = useId();
  const organisation = useApiData<Organisation>(
    async (client) => {
      const [teams, services, surveys] = await Promise.all([
        client.get<{ teams: Organisation["teams"] }>("/api/teams").then(({ body }) => body.teams),
        client.get<{ services: Organisation["services"] }>("/api/services").then(({ body }) => body.services),
        client.get<{ surveys: SurveySummary[] }>("/api/surveys").then(({ body }) => body.surveys),
      ]);
      return { teams, services, surveys };
    },
    [],
  );
  const change = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }));
  const changeQuestion = (index: number, next: Partial<Draft["questions"][number]>) =>
    change({ questions: draft.questions.map((question, at) => (at === index ? ({ ...question, ...next } as Draft["questions"][number]) : question)) });

  async function followSeries(seriesId: string) {
    if (!seriesId) return change({ seriesId: "" });
    const { body } = await api.get<SurveyDefinition>(`/api/surveys/${encodeURIComponent(seriesId)}`);
    // Rounds follow the first round of a series, with the same questions (and keys).
    change({ seriesId: body.seriesId ?? body.id, title: body.title, kind: body.kind, introduction: body.introduction ?? "", questions: body.questions, audience: body.audience });
  }

  function body(): SurveyDraftBody {
    return {
      title: draft.title,
      kind: draft.kind,
      introduction: draft.introduction || undefined,
      round: draft.round,
      opensOn: draft.opensOn,
      closesOn: draft.closesOn,
      audience: draft.audience,
      seriesId: draft.seriesId || undefined,
      questions: questionsToSend(draft.questions),
    };
  }

  function showProblem(error: unknown) {
    const byField: Record<string, string> = {};
    if (error instanceof ApiProblem) for (const problem of error.problems) byField[problem.field.split(".")[0] ?? problem.field] ??= problem.message;
    setProblems(byField);
    setNotice({ text: problemMessage(error), tone: "error", at: Date.now() });
  }

  async function save(): Promise<{ id: string; etag?: string } | undefined> {
    setBusy(true);
    setProblems({});
    try {
      if (!saved) {
        const created = await api.send<SurveyDefinition>("POST", "/api/surveys", { body: body() });
        window.location.hash = surveyHref(created.body.id);
        return { id: created.body.id, etag: created.etag };
      }
      const updated = await api.send<SurveyDefinition>("PATCH", `/api/surveys/${encodeURIComponent(saved.id)}`, { body: body(), ifMatch: version });
      setVersion(updated.etag);
      setNotice({ text: "Draft saved. Nobody has been sent it yet.", tone: "success", at: Date.now() });
      return { id: saved.id, etag: updated.etag };
    } catch (error) {
      showProblem(error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function send() {
    const current = await save();
    if (!current) return setConfirmSend(false);
    setBusy(true);
    try {
      const { body: sent } = await api.send<{ queued: number }>("POST", `/api/surveys/${encodeURIComponent(current.id)}/send`, { ifMatch: current.etag });
      setConfirmSend(false);
      setNotice({ text: draft.kind === "reflective" ? "Sent. It will be asked after each audit is submitted." : `Sent to ${sent.queued} ${sent.queued === 1 ? "person" : "people"}.`, tone: "success", at: Date.now() });
      window.location.hash = hrefFor("voice");
    } catch (error) {
      setConfirmSend(false);
      showProblem(error);
    } finally {
      setBusy(false);
    }
  }

  const orgData = organisation.state.kind === "ok" ? organisation.state.data : { teams: [], services: [], surveys: [] };
  const earlier = orgData.surveys.filter((survey) => survey.status === "sent" && survey.id !== saved?.id);
  const chosenIds = draft.audience.scope === "teams" ? draft.audience.teamIds : draft.audience.scope === "services" ? draft.audience.serviceIds : [];
  const toggle = (id: string, on: boolean) => {
    const ids = on ? [...chosenIds, id] : chosenIds.filter((chosen) => chosen !== id);
    change({ audience: draft.audience.scope === "teams" ? { scope: "teams", teamIds: ids } : { scope: "services", serviceIds: ids } });
  };

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{title}</PageHeading>
      <PageText>Staff answer on a card in their Teams chat. Everything here can change until you send it.</PageText>
      {notice && <Notice notice={notice} />}
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {!saved && earlier.length > 0 && (
          <Field label="A new round of an earlier survey?" className={styles.select} hint="Choose one to copy its questions, so the rounds can be compared in trends.">
            <Select value={draft.seriesId} className={styles.select} select={{ className: styles.selectInput }} onChange={(_, data) => void followSeries(data.value).catch(showProblem)}>
              <option value="">No: a new survey</option>
              {earlier.map((survey) => (
                <option key={survey.id} value={survey.seriesId ?? survey.id}>
                  {survey.title} ({survey.round})
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Title" required validationMessage={problems.title}>
          <Input value={draft.title} onChange={(_, data) => change({ title: data.value })} maxLength={150} />
        </Field>
        <div className={styles.row}>
          <Field label="Kind">
            <Select
              value={draft.kind}
              onChange={(_, data) => {
                const kind = data.value as SurveyKind;
                change(kind === "reflective" && draft.questions.every((question) => !question.text) ? { kind, questions: reflectiveQuestions } : { kind });
              }}
            >
              {(Object.keys(surveyKindWords) as SurveyKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {surveyKindWords[kind]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Round" required hint="For example Autumn 2026" validationMessage={problems.round}>
            <Input value={draft.round} onChange={(_, data) => change({ round: data.value })} maxLength={60} />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label="Opens on" validationMessage={problems.opensOn}>
            <Input type="date" value={draft.opensOn} onChange={(_, data) => change({ opensOn: data.value })} />
          </Field>
          <Field label="Closes on" validationMessage={problems.closesOn}>
            <Input type="date" value={draft.closesOn} onChange={(_, data) => change({ closesOn: data.value })} />
          </Field>
        </div>
        <Field label="Introduction (optional)" hint="A sentence or two at the top of the card.">
          <Textarea value={draft.introduction} onChange={(_, data) => change({ introduction: data.value })} maxLength={1000} resize="vertical" />
        </Field>

        {draft.kind === "reflective" ? (
          <PageText>Reflective feedback is asked of an audit's practitioner and auditor when the audit is submitted, while this survey is open.</PageText>
        ) : (
          <fieldset className={styles.fieldset} aria-labelledby={audienceId}>
            <legend id={audienceId} className={styles.legend}>
              Who is asked
            </legend>
            <RadioGroup
              value={draft.audience.scope}
              onChange={(_, data) =>
                change({ audience: data.value === "teams" ? { scope: "teams", teamIds: [] } : data.value === "services" ? { scope: "services", serviceIds: [] } : { scope: "everyone" } })
              }
            >
              <Radio value="everyone" label="Everyone" />
              <Radio value="services" label="Chosen services" />
              <Radio value="teams" label="Chosen teams" />
            </RadioGroup>
            {draft.audience.scope !== "everyone" &&
              (draft.audience.scope === "teams" ? orgData.teams : orgData.services).map((group) => (
                <Checkbox key={group.id} label={group.name} checked={chosenIds.includes(group.id)} onChange={(_, data) => toggle(group.id, data.checked === true)} />
              ))}
            {problems.audience && <PageText>{problems.audience}</PageText>}
          </fieldset>
        )}

        <fieldset className={styles.fieldset} aria-labelledby={questionsId}>
          <legend id={questionsId} className={styles.legend}>
            Questions
          </legend>
          {problems.questions && <PageText>{problems.questions}</PageText>}
          {draft.questions.map((question, index) => (
            <div key={index} className={styles.question}>
              <Field label={`Question ${index + 1}`} required>
                <Input value={question.text} onChange={(_, data) => changeQuestion(index, { text: data.value })} maxLength={300} />
              </Field>
              <Field label="Answered with" hint="A scale must be answered. Own words are optional, and only the QA lead reads them.">
                <Select
                  className={styles.select}
                  select={{ className: styles.selectInput }}
                  value={question.type}
                  disabled={Boolean(draft.seriesId && question.key)}
                  onChange={(_, data) =>
                    changeQuestion(index, data.value === "scale" ? ({ type: "scale", labels: agreementLabels } as never) : ({ type: "free_text", labels: undefined } as never))
                  }
                >
                  <option value="scale">A scale</option>
                  <option value="free_text">Their own words</option>
                </Select>
              </Field>
              {question.type === "scale" && (
                <Field label="Scale, lowest first" hint="Separate the choices with commas: 2 to 7 of them.">
                  <Input
                    value={question.labelsText ?? question.labels.join(", ")}
                    onChange={(_, data) => changeQuestion(index, { labelsText: data.value, labels: data.value.split(",").map((label) => label.trim()).filter(Boolean) } as never)}
                  />
                </Field>
              )}
              <div className={styles.buttons}>
                <Button size="small" disabled={draft.questions.length === 1} onClick={() => change({ questions: draft.questions.filter((_, at) => at !== index) })}>
                  Remove question {index + 1}
                </Button>
              </div>
            </div>
          ))}
          <div className={styles.buttons}>
            <Button onClick={() => change({ questions: [...draft.questions, { key: "", type: "scale", text: "", labels: agreementLabels }] })}>Add a scale question</Button>
            <Button onClick={() => change({ questions: [...draft.questions, { key: "", type: "free_text", text: "" }] })}>Add a free-text question</Button>
          </div>
        </fieldset>

        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? "Saving…" : "Save draft"}
          </Button>
          {saved && (
            <Button disabled={busy} onClick={() => setConfirmSend(true)}>
              Send…
            </Button>
          )}
        </div>
      </form>

      <SurveyPreview body={body()} />

      <FormDialog
        open={confirmSend}
        title="Send this survey?"
        busy={busy}
        submitLabel="Send now"
        busyLabel="Sending…"
        onClose={() => setConfirmSend(false)}
        onSubmit={() => void send()}
        lead="Once it is sent the questions cannot change, because people may already have answered."
      >
        <PageText>{draft.kind === "reflective" ? "It will be asked after each audit submitted while it is open." : "Each person it asks gets it as a card in their Teams chat."}</PageText>
      </FormDialog>
    </>
  );
}

/**
 * The very card staff answer in Teams: the API renders the draft with the
 * bot's own card code, and the Adaptive Cards library draws it.
 */
function SurveyPreview({ body }: { body: SurveyDraftBody }) {
  const styles = useStyles();
  const { api } = useSession();
  const headingId = useId();
  const [preview, setPreview] = useState<{ card?: unknown; problem?: string }>({});
  // The body is rebuilt on every render: ask again only when its content changes.
  const sent = JSON.stringify(body);

  // The server's card for what is typed now, a moment after typing stops.
  const unfinished = !body.title.trim() || !body.round.trim() || body.questions.some((question) => !question.text.trim());
  useEffect(() => {
    if (unfinished) {
      setPreview((current) => ({ card: current.card, problem: "Give the survey a title, a round and the words of each question to see its card." }));
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.send<{ card: unknown }>("POST", "/api/surveys/preview", { body: JSON.parse(sent) as SurveyDraftBody }).then(
        (answer) => live && setPreview({ card: answer.body.card }),
        (error: unknown) => live && setPreview((current) => ({ card: current.card, problem: problemMessage(error) })),
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, sent, unfinished]);

  return (
    <section className={styles.preview} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.previewHeading}>
        Preview: the card in Teams
      </Subtitle1>
      <PageText>As each person asked sees it once the survey opens.</PageText>
      {preview.problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{preview.problem}</MessageBarBody>
        </MessageBar>
      )}
      {preview.card !== undefined && <AdaptiveCardView card={preview.card} label="Card preview" />}
    </section>
  );
}
