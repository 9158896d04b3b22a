// #/audits/<id>: cards in Teams link here. The form itself is in audit-form/.
import { AuditForm } from "./audit-form/AuditForm";

export function AuditPage({ auditId, focusHeading }: { auditId: string; focusHeading: boolean }) {
  return <AuditForm auditId={auditId} focusHeading={focusHeading} />;
}
