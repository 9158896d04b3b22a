// For people who plan audits (the QA lead, the PSW, heads of service and
// service managers): who has the audit, with "Assign an auditor" or
// "Reassign", and "Share with an external auditor". The dialogs live in
// PlanningDialogs.tsx; this part keeps them and says what happened.
import { Button, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { ApiClient } from "../../api/api-client";
import type { Audit, Me } from "../../api/types";
import { PageText } from "../../components/PageText";
import { listText, longDateText } from "../../components/words";
import { AssignDialog, ShareDialog, type ChangeResult } from "./PlanningDialogs";
import { assignableStatuses, isFirstAssignment, personName, sharedWith, type Lookup, type PlannedAudit } from "./planning-words";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  heading: { margin: 0 },
  text: { marginTop: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalXS },
});

export interface PlanningOutcome {
  tone: "success" | "info";
  text: string;
}

type DialogKind = "assign" | "share";

export function AuditorAndSharing(props: {
  audit: PlannedAudit;
  lookup: Lookup;
  me: Me;
  api: ApiClient;
  etag: () => string;
  prepare: () => Promise<{ ok: true } | { ok: false; conflict: boolean; message: string }>;
  reload: () => Promise<Audit>;
  /** The server's new version of the audit, after an assignment or a share. */
  onChanged: (result: ChangeResult) => void;
  onOutcome: (outcome: PlanningOutcome) => void;
}) {
  const { audit, lookup, me, onChanged, onOutcome } = props;
  const styles = useStyles();
  // The dialog stays mounted after closing (see PlanningDialogs); `round` gives each opening a fresh form.
  const [dialog, setDialog] = useState<{ kind: DialogKind; open: boolean; round: number }>();
  const trigger = useRef<HTMLElement | null>(null);

  const canAssign = assignableStatuses.includes(audit.status);
  // A cancelled audit is neither given to anyone nor shared (its dialogs stay mounted, closed; see PlanningDialogs).
  const cancelled = audit.status === "cancelled";

  const openDialog = (kind: DialogKind, from: HTMLElement) => {
    trigger.current = from;
    setDialog((current) => ({ kind, open: true, round: (current?.round ?? 0) + 1 }));
  };
  const closeDialog = (returnFocus = true) => {
    setDialog((current) => current && { ...current, open: false });
    const from = trigger.current;
    if (returnFocus && from) setTimeout(() => from.isConnected && from.focus(), 0);
  };

  // After a reload, an audit that can no longer be assigned closes the Assign dialog, saying why.
  const reload = async () => {
    const now = await props.reload();
    if (dialog?.kind === "assign" && !assignableStatuses.includes(now.status)) {
      closeDialog(false);
      onOutcome({ tone: "info", text: `Someone else changed this audit: it is now ${now.status === "in_progress" ? "in progress" : "past the point of assigning"}, so it cannot be given to another auditor.` });
    }
    return now;
  };

  const shared = sharedWith(audit);
  const auditorName = personName(audit.auditorId, lookup, me);
  let where: string;
  switch (audit.status) {
    case "planned":
      where = "Choose who audits this case. They get the assignment as a card in Teams.";
      break;
    case "declined":
      where = "Give it to someone else. They get the assignment as a card in Teams.";
      break;
    case "assigned":
    case "reflection_requested":
      where = `${auditorName} has it and has not started it yet. If they cannot do it, reassign it.`;
      break;
    default:
      where = "";
  }

  const common = {
    audit,
    lookup,
    me,
    api: props.api,
    etag: props.etag,
    prepare: props.prepare,
    reload,
    onClose: () => closeDialog(),
  };

  const dialogs = (
    <>
      {dialog?.kind === "assign" && (
        <AssignDialog
          key={dialog.round}
          open={dialog.open}
          {...common}
          onAssigned={(result, name) => {
            onChanged(result);
            closeDialog(false);
            const due = result.audit.dueDate ? `, due ${longDateText(result.audit.dueDate)}` : "";
            const practitioner = result.audit.practitionerId ? lookup.people.get(result.audit.practitionerId)?.displayName : undefined;
            const reflection =
              result.audit.status === "reflection_requested" && practitioner ? ` ${practitioner} is asked in Teams for their reflection on the case.` : "";
            onOutcome({ tone: "success", text: `Assigned to ${name}${due}. ${name} will get the assignment in Teams.${reflection}` });
          }}
        />
      )}
      {dialog?.kind === "share" && (
        <ShareDialog
          key={dialog.round}
          open={dialog.open}
          {...common}
          onShared={(result, name) => {
            onChanged(result);
            closeDialog(false);
            onOutcome({ tone: "success", text: `Shared with ${name}. They can see this audit only.` });
          }}
        />
      )}
    </>
  );

  return (
    <>
      {!cancelled && (
        <section className={styles.box} aria-labelledby="planning-heading">
          <Subtitle1 as="h3" id="planning-heading" className={styles.heading}>
            Auditor and sharing
          </Subtitle1>
          {where && <PageText>{where}</PageText>}
          <PageText>
            {shared.length === 0
              ? "Not shared with any external auditor."
              : `Shared with ${listText(shared.map((id) => personName(id, lookup, me)))}. An external auditor sees only the audits shared with them.`}
          </PageText>
          <div className={styles.buttons}>
            {canAssign && (
              <Button appearance="primary" onClick={(event) => openDialog("assign", event.currentTarget)}>
                {isFirstAssignment(audit) ? "Assign an auditor" : "Reassign"}
              </Button>
            )}
            <Button onClick={(event) => openDialog("share", event.currentTarget)}>Share with an external auditor</Button>
          </div>
        </section>
      )}
      {dialogs}
    </>
  );
}
