// The auditor's side of the form: answers and a grade per section, the
// overall grade, findings, and the child's and family's view.
import { Field, Input, makeStyles, Radio, RadioGroup, Subtitle1, Textarea, tokens } from "@fluentui/react-components";
import type { AuditTool } from "../../api/types";
import { soughtFromWords } from "../../components/words";
import type { Draft, SoughtFrom } from "./draft";

export const useFormStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  textarea: { minHeight: "5.5em" },
});

/** Id of a section's grade radio group (focus moves there when a grade is missing). */
export const gradeGroupId = (sectionKey: string) => `grade-${sectionKey}`;
export const OVERALL_GRADE_ID = "grade-overall";

type SetDraft = (change: (draft: Draft) => Draft) => void;

export function AssessmentFields(props: { tool: AuditTool; draft: Draft; setDraft: SetDraft; missingGrades: ReadonlySet<string> }) {
  const { tool, draft, setDraft, missingGrades } = props;
  const styles = useFormStyles();
  const grades = tool.gradeScale?.grades ?? [];
  const gradeRadios = grades.map((grade) => <Radio key={grade.key} value={grade.key} label={grade.label} />);

  return (
    <>
      {tool.sections.map((section) => {
        const missing = missingGrades.has(section.key);
        return (
          <section key={section.key} className={styles.section} aria-labelledby={`section-${section.key}`}>
            <Subtitle1 as="h3" id={`section-${section.key}`} className={styles.heading}>
              {section.title}
            </Subtitle1>
            {section.questions.map((question) => (
              <Field key={question.key} label={question.prompt} hint={question.guidance || undefined}>
                <Textarea
                  resize="vertical"
                  textarea={{ className: styles.textarea }}
                  maxLength={8000}
                  value={draft.answers[question.key] ?? ""}
                  onChange={(_, data) => setDraft((current) => ({ ...current, answers: { ...current.answers, [question.key]: data.value } }))}
                />
              </Field>
            ))}
            <Field
              label={`Grade for ${section.title}`}
              required
              validationState={missing ? "error" : "none"}
              validationMessage={missing ? "Choose a grade for this section." : undefined}
            >
              <RadioGroup
                id={gradeGroupId(section.key)}
                value={draft.sectionGrades[section.key] ?? ""}
                onChange={(_, data) => setDraft((current) => ({ ...current, sectionGrades: { ...current.sectionGrades, [section.key]: data.value } }))}
              >
                {gradeRadios}
              </RadioGroup>
            </Field>
          </section>
        );
      })}

      <section className={styles.section} aria-labelledby="section-overall">
        <Subtitle1 as="h3" id="section-overall" className={styles.heading}>
          Overall
        </Subtitle1>
        <Field
          label="Overall grade"
          required
          validationState={missingGrades.has("overall") ? "error" : "none"}
          validationMessage={missingGrades.has("overall") ? "Choose an overall grade." : undefined}
        >
          <RadioGroup id={OVERALL_GRADE_ID} value={draft.overallGrade} onChange={(_, data) => setDraft((current) => ({ ...current, overallGrade: data.value }))}>
            {gradeRadios}
          </RadioGroup>
        </Field>
        <Field label="What is working well" hint="One finding per line. Say what is working and why.">
          <Textarea
            resize="vertical"
            textarea={{ className: styles.textarea }}
            value={draft.workingWell}
            onChange={(_, data) => setDraft((current) => ({ ...current, workingWell: data.value }))}
          />
        </Field>
        <Field label="What needs to be better" hint="One finding per line. Say what needs to change for the child.">
          <Textarea
            resize="vertical"
            textarea={{ className: styles.textarea }}
            value={draft.needsToBeBetter}
            onChange={(_, data) => setDraft((current) => ({ ...current, needsToBeBetter: data.value }))}
          />
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="section-child-family">
        <Subtitle1 as="h3" id="section-child-family" className={styles.heading}>
          The child's and family's view
        </Subtitle1>
        <Field
          label="Whose view did you seek?"
          validationState={!draft.soughtFrom && (draft.method.trim() || draft.summary.trim()) ? "warning" : "none"}
          validationMessage={
            !draft.soughtFrom && (draft.method.trim() || draft.summary.trim()) ? "Choose whose view you sought, so that what you write here is saved." : undefined
          }
        >
          <RadioGroup value={draft.soughtFrom} onChange={(_, data) => setDraft((current) => ({ ...current, soughtFrom: data.value as SoughtFrom }))}>
            {(Object.keys(soughtFromWords) as SoughtFrom[]).map((key) => (
              <Radio key={key} value={key} label={soughtFromWords[key]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="How did you seek it?" hint="For example: a conversation, a visit or a questionnaire.">
          <Input maxLength={200} value={draft.method} onChange={(_, data) => setDraft((current) => ({ ...current, method: data.value }))} />
        </Field>
        <Field label="What did they say?">
          <Textarea
            resize="vertical"
            textarea={{ className: styles.textarea }}
            maxLength={4000}
            value={draft.summary}
            onChange={(_, data) => setDraft((current) => ({ ...current, summary: data.value }))}
          />
        </Field>
      </section>
    </>
  );
}
