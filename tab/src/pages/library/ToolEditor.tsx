// The audit tool editor: name, the audit types it is for, sections with
// their questions (wording, guidance, and the practice standards each
// tests), and the reflective prompts for the practitioner. Save makes a new
// tool, or revises this one with its ETag: in place while no audit uses it,
// otherwise as a new version (the audits keep the old one). The result is
// said in words.
import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Textarea, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../api/api-client";
import type { AuditType } from "../../api/types";
import { PageText } from "../../components/PageText";
import { auditTypeWords } from "../../components/words";
import { auditToolHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage } from "../../session/use-api-data";
import { ConflictMessage, Notice, PageSection, setNextPageNotice, usePartStyles, type NoticeText } from "../programmes/shared-parts";
import { auditTypeOrder, standardText, type PracticeStandard, type VersionedTool } from "./library-words";
import {
  blankDraft,
  blankPrompt,
  blankQuestion,
  blankSection,
  checkDraft,
  draftFrom,
  draftProblemField,
  toolBody,
  type DraftErrors,
  type DraftQuestion,
  type DraftSection,
  type ToolDraft,
} from "./tool-draft";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalL },
  group: { margin: 0, padding: 0, border: "none", minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  options: { display: "flex", flexDirection: "column" },
  error: { display: "block", color: tokens.colorPaletteRedForeground1, marginTop: tokens.spacingVerticalXS },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    "@media (max-width: 400px)": { paddingInline: tokens.spacingHorizontalS },
  },
  question: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    "@media (max-width: 400px)": { paddingInline: tokens.spacingHorizontalS },
  },
  questionLegend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0 },
  prompt: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM, "& > :first-child": { flexGrow: 1, flexBasis: "240px", minWidth: 0 } },
  save: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

function focusField(name: string): void {
  setTimeout(() => document.querySelector<HTMLElement>(`[data-tool-field="${CSS.escape(name)}"]`)?.focus(), 0);
}

/** Field names in the order they appear, for "focus the first problem". */
function fieldOrder(draft: ToolDraft): string[] {
  return [
    "form",
    "name",
    "auditTypes",
    "sections",
    ...draft.sections.flatMap((section) => [`section:${section.uid}`, ...section.questions.map((question) => `question:${question.uid}`)]),
    ...draft.reflectivePrompts.map((prompt) => `prompt:${prompt.uid}`),
  ];
}

function goToTool(toolId: string): void {
  // Replace, so Back does not return to the version just replaced.
  window.location.replace(`${window.location.pathname}${window.location.search}${auditToolHref(toolId)}`);
}

export function ToolEditor(props: { tool: VersionedTool | undefined; standards: PracticeStandard[]; gradeScaleId: string; onReload: () => void }) {
  const { standards, gradeScaleId, onReload } = props;
  const styles = useStyles();
  const parts = usePartStyles();
  const { api } = useSession();
  const [current, setCurrent] = useState(props.tool);
  const [draft, setDraft] = useState<ToolDraft>(() => (props.tool ? draftFrom(props.tool) : blankDraft()));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeText>();
  const [conflict, setConflict] = useState(false);

  const change = (next: (draft: ToolDraft) => ToolDraft) => setDraft((before) => next(before));
  // A field's message goes as soon as it is changed; the rest stay until the next try.
  const edited = (name: string) =>
    setErrors((current) => {
      if (!current[name]) return current;
      const next = { ...current };
      delete next[name];
      return next;
    });
  const changeSection = (uid: string, next: (section: DraftSection) => DraftSection) =>
    change((before) => ({ ...before, sections: before.sections.map((section) => (section.uid === uid ? next(section) : section)) }));
  const changeQuestion = (sectionUid: string, uid: string, next: (question: DraftQuestion) => DraftQuestion) =>
    changeSection(sectionUid, (section) => ({ ...section, questions: section.questions.map((question) => (question.uid === uid ? next(question) : question)) }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    setConflict(false);
    const found = checkDraft(draft);
    const first = fieldOrder(draft).find((name) => found[name]);
    if (first) {
      setErrors(found);
      focusField(first);
      return;
    }
    setErrors({});
    setBusy(true);
    const body = toolBody(draft, gradeScaleId);
    try {
      if (!current) {
        const { body: created } = await api.send<VersionedTool>("POST", "/api/audit-tools", { body });
        setNextPageNotice(`Saved “${created.name}” as a new audit tool (version 1). You can choose it when you plan an audit programme.`);
        goToTool(created.id);
        return;
      }
      const { body: saved, etag } = await api.send<VersionedTool>("POST", `/api/audit-tools/${encodeURIComponent(current.id)}/revisions`, { body, ifMatch: current.etag });
      if (saved.id !== current.id) {
        setNextPageNotice(`Saved. Audits already using this tool keep the old version; new audits use version ${saved.version}.`);
        goToTool(saved.id);
        return;
      }
      setCurrent({ ...saved, etag: etag ?? saved.etag });
      // Keep what is on the screen; new parts now have the keys the server saved.
      setDraft((before) => ({
        ...before,
        sections: before.sections.map((section, sectionIndex) => ({
          ...section,
          key: body.sections[sectionIndex]?.key,
          questions: section.questions.map((question, questionIndex) => ({ ...question, key: body.sections[sectionIndex]?.questions[questionIndex]?.key })),
        })),
        reflectivePrompts: before.reflectivePrompts.map((prompt, index) => ({ ...prompt, key: body.reflectivePrompts[index]?.key })),
      }));
      setNotice({ tone: "success", text: `Saved. No audit uses this tool yet, so version ${saved.version} was changed in place.`, at: Date.now() });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) {
        setConflict(true);
      } else if (error instanceof ApiProblem && error.problems.length > 0) {
        const next: DraftErrors = {};
        for (const problem of error.problems) {
          const field = draftProblemField(draft, problem.field);
          next[field] = next[field] ? `${next[field]} ${problem.message}` : problem.message;
        }
        setErrors(next);
        focusField(fieldOrder(draft).find((name) => next[name]) ?? "form");
      } else {
        setErrors({ form: problemMessage(error) });
        focusField("form");
      }
    }
    setBusy(false);
  };

  const error = (name: string) => ({ validationState: errors[name] ? ("error" as const) : ("none" as const), validationMessage: errors[name] });

  return (
    <form className={styles.form} onSubmit={(event) => void save(event)} noValidate aria-label={current ? "Edit the audit tool" : "Make an audit tool"}>
      {errors.form && (
        <div role="alert" tabIndex={-1} data-tool-field="form">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>Not saved. {errors.form}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      <Field label="Name of the tool" required {...error("name")}>
        <Input data-tool-field="name" value={draft.name} maxLength={200} onChange={(_, data) => {
            change((before) => ({ ...before, name: data.value }));
            edited("name");
          }} />
      </Field>

      <fieldset className={styles.group} aria-describedby={errors.auditTypes ? "tool-types-error" : undefined}>
        <legend className={styles.legend}>Types of audit it is for</legend>
        <div className={styles.options}>
          {auditTypeOrder.map((type: AuditType, index) => (
            <Checkbox
              key={type}
              data-tool-field={index === 0 ? "auditTypes" : undefined}
              label={auditTypeWords[type]}
              checked={draft.auditTypes.includes(type)}
              onChange={(_, data) => {
                change((before) => ({
                  ...before,
                  auditTypes: data.checked ? auditTypeOrder.filter((candidate) => candidate === type || before.auditTypes.includes(candidate)) : before.auditTypes.filter((candidate) => candidate !== type),
                }));
                edited("auditTypes");
              }}
            />
          ))}
        </div>
        {errors.auditTypes && (
          <span id="tool-types-error" className={styles.error}>
            {errors.auditTypes}
          </span>
        )}
      </fieldset>

      <PageSection id="edit-sections-heading" title="Sections and questions">
        <PageText>Auditors grade each section. Link each question to the practice standards it tests, so the library can show how practice meets each one.</PageText>
        {draft.sections.map((section, sectionIndex) => {
          const number = sectionIndex + 1;
          return (
            <section key={section.uid} className={styles.section} aria-labelledby={`heading-${section.uid}`}>
              <Subtitle2 as="h4" id={`heading-${section.uid}`} className={styles.heading}>
                Section {number}
                {section.title.trim() ? `: ${section.title.trim()}` : ""}
              </Subtitle2>
              <Field label={`Title of section ${number}`} required {...error(`section:${section.uid}`)}>
                <Input
                  data-tool-field={`section:${section.uid}`}
                  value={section.title}
                  maxLength={200}
                  onChange={(_, data) => {
                    changeSection(section.uid, (before) => ({ ...before, title: data.value }));
                    edited(`section:${section.uid}`);
                  }}
                />
              </Field>
              {section.questions.map((question, questionIndex) => {
                const label = `Question ${number}.${questionIndex + 1}`;
                return (
                  <fieldset key={question.uid} className={styles.question}>
                    <legend className={styles.questionLegend}>{label}</legend>
                    <Field label="Wording" required {...error(`question:${question.uid}`)}>
                      <Textarea
                        data-tool-field={`question:${question.uid}`}
                        resize="vertical"
                        maxLength={500}
                        value={question.prompt}
                        onChange={(_, data) => {
                          changeQuestion(section.uid, question.uid, (before) => ({ ...before, prompt: data.value }));
                          edited(`question:${question.uid}`);
                        }}
                      />
                    </Field>
                    <Field label="Guidance for the auditor (optional)">
                      <Textarea
                        resize="vertical"
                        maxLength={2000}
                        value={question.guidance}
                        onChange={(_, data) => changeQuestion(section.uid, question.uid, (before) => ({ ...before, guidance: data.value }))}
                      />
                    </Field>
                    <fieldset className={styles.group}>
                      <legend className={styles.legend}>Practice standards it tests</legend>
                      <div className={styles.options}>
                        {standards.map((standard) => (
                          <Checkbox
                            key={standard.id}
                            label={standardText(standard)}
                            checked={question.standardIds.includes(standard.id)}
                            onChange={(_, data) =>
                              changeQuestion(section.uid, question.uid, (before) => ({
                                ...before,
                                standardIds: data.checked ? [...before.standardIds, standard.id] : before.standardIds.filter((id) => id !== standard.id),
                              }))
                            }
                          />
                        ))}
                        {standards.length === 0 && <span>There are no practice standards in the library yet.</span>}
                      </div>
                    </fieldset>
                    {section.questions.length > 1 && (
                      <div>
                        <Button
                          size="small"
                          onClick={() => {
                            changeSection(section.uid, (before) => ({ ...before, questions: before.questions.filter((candidate) => candidate.uid !== question.uid) }));
                            focusField(`add-question:${section.uid}`);
                          }}
                        >
                          Remove question {number}.{questionIndex + 1}
                        </Button>
                      </div>
                    )}
                  </fieldset>
                );
              })}
              <div className={parts.buttons} style={{ marginTop: 0 }}>
                <Button
                  data-tool-field={`add-question:${section.uid}`}
                  onClick={() => {
                    const added = blankQuestion();
                    changeSection(section.uid, (before) => ({ ...before, questions: [...before.questions, added] }));
                    focusField(`question:${added.uid}`);
                  }}
                >
                  Add a question to section {number}
                </Button>
                {draft.sections.length > 1 && (
                  <Button
                    onClick={() => {
                      change((before) => ({ ...before, sections: before.sections.filter((candidate) => candidate.uid !== section.uid) }));
                      focusField("sections");
                    }}
                  >
                    Remove section {number}
                  </Button>
                )}
              </div>
            </section>
          );
        })}
        <div className={parts.buttons}>
          <Button
            data-tool-field="sections"
            onClick={() => {
              const added = blankSection();
              change((before) => ({ ...before, sections: [...before.sections, added] }));
              focusField(`section:${added.uid}`);
            }}
          >
            Add a section
          </Button>
        </div>
        {errors.sections && <span className={styles.error}>{errors.sections}</span>}
      </PageSection>

      <PageSection id="edit-prompts-heading" title="Reflective prompts for the practitioner">
        <PageText>The practitioner answers these about their own case, in their Golden Thread chat in Teams.</PageText>
        {draft.reflectivePrompts.map((prompt, index) => (
          <div key={prompt.uid} className={styles.prompt} style={{ marginTop: tokens.spacingVerticalM }}>
            <Field label={`Prompt ${index + 1}`} required {...error(`prompt:${prompt.uid}`)}>
              <Input
                data-tool-field={`prompt:${prompt.uid}`}
                value={prompt.prompt}
                maxLength={500}
                onChange={(_, data) => {
                  change((before) => ({ ...before, reflectivePrompts: before.reflectivePrompts.map((candidate) => (candidate.uid === prompt.uid ? { ...candidate, prompt: data.value } : candidate)) }));
                  edited(`prompt:${prompt.uid}`);
                }}
              />
            </Field>
            <Button
              onClick={() => {
                change((before) => ({ ...before, reflectivePrompts: before.reflectivePrompts.filter((candidate) => candidate.uid !== prompt.uid) }));
                focusField("add-prompt");
              }}
            >
              Remove prompt {index + 1}
            </Button>
          </div>
        ))}
        <div className={parts.buttons}>
          <Button
            data-tool-field="add-prompt"
            disabled={draft.reflectivePrompts.length >= 20}
            onClick={() => {
              const added = blankPrompt();
              change((before) => ({ ...before, reflectivePrompts: [...before.reflectivePrompts, added] }));
              focusField(`prompt:${added.uid}`);
            }}
          >
            Add a prompt
          </Button>
        </div>
      </PageSection>

      <div className={styles.save}>
        <PageText>
          {current
            ? `If any audit already uses this tool, saving makes version ${current.version + 1}: those audits keep version ${current.version}, and new audits use the new one.`
            : "Saving makes version 1 of a new tool. You can then choose it when you plan an audit programme."}
        </PageText>
        {conflict && <ConflictMessage what="audit tool" onReload={onReload} />}
        {notice && <Notice notice={notice} />}
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {current ? "Save changes" : "Save the new tool"}
        </Button>
        <div role="status">{busy && <Spinner size="tiny" labelPosition="after" label="Saving the tool…" />}</div>
      </div>
    </form>
  );
}
