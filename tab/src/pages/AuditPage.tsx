import { PageText } from "../components/PageText";

// Cards link here. Until the full audit form is built, say plainly where the
// work is done today.
export function AuditPage() {
  return (
    <>
      <PageText>The full audit form is not in the tab yet.</PageText>
      <PageText>
        To grade this audit, use its card in your Teams chat with Golden Thread: choose Start, then Grade the audit. Your
        answers are saved as a draft until you submit.
      </PageText>
    </>
  );
}
