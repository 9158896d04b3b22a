import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Audit, AuditTool } from "../../api/types";
import { PageText } from "../../components/PageText";
import { longDateText } from "../../components/words";

const useStyles = makeStyles({
  panel: {
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0 },
  list: { margin: 0, marginTop: tokens.spacingVerticalS },
  prompt: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalM },
  answer: { margin: 0, marginTop: tokens.spacingVerticalXXS, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  missing: { margin: 0, marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2, fontStyle: "italic" },
});

/** The practitioner's own reflection on the case, read-only, beside the audit. */
export function ReflectionPanel({ audit, tool, practitionerName }: { audit: Audit; tool: AuditTool; practitionerName: string }) {
  const styles = useStyles();
  const reflection = audit.reflection;
  const answers = new Map(reflection?.answers.map((answer) => [answer.promptKey, answer.answer]));
  const skipped = new Set(reflection?.skippedPromptKeys);
  return (
    <aside className={styles.panel} aria-labelledby="reflection-heading">
      <Subtitle2 as="h3" id="reflection-heading" className={styles.heading}>
        The practitioner's reflection
      </Subtitle2>
      {tool.reflectivePrompts.length === 0 ? (
        <PageText>This audit tool does not ask the practitioner to reflect.</PageText>
      ) : !reflection || (reflection.answers.length === 0 && reflection.skippedPromptKeys.length === 0) ? (
        <PageText>{practitionerName} has not reflected on this case yet.</PageText>
      ) : (
        <>
          <PageText>
            {reflection.finishedAt
              ? `${practitionerName} finished their reflection on ${longDateText(reflection.finishedAt)}.`
              : `${practitionerName} has not finished their reflection yet.`}
          </PageText>
          <dl className={styles.list}>
            {tool.reflectivePrompts.map((prompt) => (
              <div key={prompt.key}>
                <dt className={styles.prompt}>{prompt.prompt}</dt>
                {answers.has(prompt.key) ? (
                  <dd className={styles.answer}>{answers.get(prompt.key)}</dd>
                ) : (
                  <dd className={styles.missing}>{skipped.has(prompt.key) ? "Skipped" : "Not answered yet"}</dd>
                )}
              </div>
            ))}
          </dl>
        </>
      )}
    </aside>
  );
}
