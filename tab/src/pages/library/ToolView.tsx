// An audit tool, read only: for people who do not edit the library, and
// for old versions (which stay as they were under the audits that use them).
import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { PageText } from "../../components/PageText";
import { auditTypeWords, listText } from "../../components/words";
import { Facts, PageSection } from "../programmes/shared-parts";
import { auditTypeOrder, type PracticeStandard, type VersionedTool } from "./library-words";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL },
  heading: { margin: 0 },
  list: { margin: 0, marginTop: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalXL },
  item: { marginBottom: tokens.spacingVerticalS },
  quiet: { display: "block", color: tokens.colorNeutralForeground2 },
});

export function ToolView({ tool, standards }: { tool: VersionedTool; standards: Map<string, PracticeStandard> }) {
  const styles = useStyles();
  return (
    <>
      <Facts
        label="About this tool"
        rows={[
          ["Version", String(tool.version)],
          ["Used for", listText(auditTypeOrder.filter((type) => tool.auditTypes.includes(type)).map((type) => auditTypeWords[type]))],
          ...(tool.gradeScale ? [["Grades", listText(tool.gradeScale.grades.map((grade) => grade.label), "or")] as [string, string]] : []),
        ]}
      />
      <PageSection id="tool-sections-heading" title="Sections and questions">
        {tool.sections.map((section, sectionIndex) => (
          <section key={section.key} className={styles.section} aria-labelledby={`view-section-${section.key}`}>
            <Subtitle2 as="h4" id={`view-section-${section.key}`} className={styles.heading}>
              {sectionIndex + 1}. {section.title}
            </Subtitle2>
            <ol className={styles.list}>
              {section.questions.map((question) => (
                <li key={question.key} className={styles.item}>
                  {question.prompt}
                  {question.guidance && <span className={styles.quiet}>Guidance: {question.guidance}</span>}
                  <span className={styles.quiet}>
                    Tests:{" "}
                    {question.standardIds.length === 0
                      ? "no practice standard linked"
                      : listText(question.standardIds.map((id) => standards.get(id)?.code ?? "a standard no longer in the library"))}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </PageSection>
      <PageSection id="tool-prompts-heading" title="Reflective prompts for the practitioner">
        {tool.reflectivePrompts.length === 0 ? (
          <PageText>This tool asks the practitioner no reflective questions.</PageText>
        ) : (
          <ol className={styles.list}>
            {tool.reflectivePrompts.map((prompt) => (
              <li key={prompt.key} className={styles.item}>
                {prompt.prompt}
              </li>
            ))}
          </ol>
        )}
      </PageSection>
    </>
  );
}
