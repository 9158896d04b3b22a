// The audit's answers, grades and findings, read-only: for anyone who is
// not its auditor, and for the auditor once it is submitted.
import { makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import type { Audit, AuditTool } from "../../api/types";
import { PageText } from "../../components/PageText";
import { soughtFromWords } from "../../components/words";
import { useFormStyles } from "./AssessmentFields";

const useStyles = makeStyles({
  list: { margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  detail: { margin: 0, marginTop: tokens.spacingVerticalXXS, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  missing: { margin: 0, marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  findings: { margin: 0, marginTop: tokens.spacingVerticalXXS, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function AssessmentView({ audit, tool }: { audit: Audit; tool: AuditTool }) {
  const styles = useStyles();
  const sectionStyles = useFormStyles();
  const gradeLabel = (key: string | undefined) => (key ? (tool.gradeScale?.grades.find((grade) => grade.key === key)?.label ?? key) : undefined);
  const answers = new Map(audit.answers.map((answer) => [answer.questionKey, answer.answer]));
  const grades = new Map(audit.sectionGrades.map((grade) => [grade.sectionKey, grade.grade]));
  const view = audit.childFamilyView;

  const item = (term: string, detail: string | undefined, empty: string) => (
    <div key={term}>
      <dt className={styles.term}>{term}</dt>
      {detail ? <dd className={styles.detail}>{detail}</dd> : <dd className={styles.missing}>{empty}</dd>}
    </div>
  );
  const findings = (term: string, lines: string[]) => (
    <div>
      <dt className={styles.term}>{term}</dt>
      {lines.length === 0 ? (
        <dd className={styles.missing}>None recorded</dd>
      ) : (
        <dd className={styles.detail}>
          <ul className={styles.findings}>
            {lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </dd>
      )}
    </div>
  );

  return (
    <>
      {audit.sealed && (
        <PageText>
          This is one of an external parallel audit. Its answers, grades and findings stay hidden until both audits of the case are submitted, so that each
          auditor judges the case independently.
        </PageText>
      )}
      {tool.sections.map((section) => (
        <section key={section.key} className={sectionStyles.section} aria-labelledby={`section-${section.key}`}>
          <Subtitle1 as="h3" id={`section-${section.key}`} className={sectionStyles.heading}>
            {section.title}
          </Subtitle1>
          <dl className={styles.list}>
            {section.questions.map((question) => item(question.prompt, answers.get(question.key)?.trim(), "No answer yet"))}
            {item("Grade", gradeLabel(grades.get(section.key)), "Not graded yet")}
          </dl>
        </section>
      ))}
      <section className={sectionStyles.section} aria-labelledby="section-overall">
        <Subtitle1 as="h3" id="section-overall" className={sectionStyles.heading}>
          Overall
        </Subtitle1>
        <dl className={styles.list}>
          {item("Overall grade", gradeLabel(audit.overallGrade), audit.sealed ? "Hidden until both audits are in" : "Not graded yet")}
          {audit.finalOverallGrade !== undefined && audit.finalOverallGrade !== audit.overallGrade && item("Final grade after moderation", gradeLabel(audit.finalOverallGrade), "")}
          {findings("What is working well", audit.findings.workingWell)}
          {findings("What needs to be better", audit.findings.needsToBeBetter)}
        </dl>
      </section>
      <section className={sectionStyles.section} aria-labelledby="section-child-family">
        <Subtitle1 as="h3" id="section-child-family" className={sectionStyles.heading}>
          The child's and family's view
        </Subtitle1>
        {view ? (
          <dl className={styles.list}>
            {item("Whose view was sought", soughtFromWords[view.soughtFrom], "Not recorded")}
            {item("How", view.method, "Not recorded")}
            {item("What they said", view.summary, "Not recorded")}
          </dl>
        ) : (
          <PageText>Not recorded yet.</PageText>
        )}
      </section>
    </>
  );
}
