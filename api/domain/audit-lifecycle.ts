// The audit lifecycle as an explicit state machine. Every change of an
// audit's status goes through `nextAuditStatus`, so an illegal step (say,
// submitting an audit nobody has started) is refused in one place.
import { DomainError } from "./errors.js";
import type { AuditStatus } from "./records/audit.js";

export const auditSteps = [
  "assign",
  "request_reflection",
  "start",
  "decline",
  "reassign",
  "submit",
  "send_to_moderation",
  "complete",
  "cancel",
] as const;
export type AuditStep = (typeof auditSteps)[number];

const stepLabels: Record<AuditStep, string> = {
  assign: "assign it",
  request_reflection: "request the practitioner's reflection",
  start: "start it",
  decline: "decline it",
  reassign: "reassign it",
  submit: "submit it",
  send_to_moderation: "send it to moderation",
  complete: "complete it",
  cancel: "cancel it",
};

export const auditStatusLabels: Record<AuditStatus, string> = {
  planned: "planned",
  assigned: "assigned",
  reflection_requested: "waiting for the practitioner's reflection",
  in_progress: "in progress",
  submitted: "submitted",
  in_moderation: "in moderation",
  completed: "completed",
  declined: "declined",
  cancelled: "cancelled",
};

const transitions: Record<AuditStep, Partial<Record<AuditStatus, AuditStatus>>> = {
  assign: { planned: "assigned" },
  request_reflection: { assigned: "reflection_requested" },
  start: { assigned: "in_progress", reflection_requested: "in_progress" },
  decline: { assigned: "declined", reflection_requested: "declined" },
  // A declined audit goes back to the QA lead, who gives it to someone else.
  reassign: { declined: "assigned", assigned: "assigned", reflection_requested: "assigned" },
  submit: { in_progress: "submitted" },
  send_to_moderation: { submitted: "in_moderation" },
  complete: { submitted: "completed", in_moderation: "completed" },
  cancel: {
    planned: "cancelled",
    assigned: "cancelled",
    reflection_requested: "cancelled",
    in_progress: "cancelled",
    declined: "cancelled",
  },
};

export const finishedAuditStatuses: readonly AuditStatus[] = ["completed", "cancelled"];

export function nextAuditStatus(current: AuditStatus, step: AuditStep): AuditStatus {
  const next = transitions[step][current];
  if (!next) {
    throw new DomainError(
      "illegal_transition",
      `You cannot ${stepLabels[step]}: the audit is ${auditStatusLabels[current]}.`,
      { status: current, step, allowedFrom: allowedFrom(step) },
    );
  }
  return next;
}

export function allowedFrom(step: AuditStep): AuditStatus[] {
  return Object.keys(transitions[step]) as AuditStatus[];
}

export function stepsAvailableFrom(current: AuditStatus): AuditStep[] {
  return auditSteps.filter((step) => transitions[step][current] !== undefined);
}
