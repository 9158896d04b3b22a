import { z } from "zod";
import { id, isoDate, isoDateTime, requiredText, text } from "./common.js";

export const actionStatuses = ["open", "in_progress", "done", "cancelled"] as const;
export const ActionStatus = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const actionSourceKinds = ["performanceMeeting", "improvementPriority"] as const;
export type ActionSourceKind = (typeof actionSourceKinds)[number];

// Every action has a named owner, a due date and a status (seed §2.8); the
// evidence says how we know it is done.
export const Action = z
  .object({
    title: requiredText("What needs to happen", 300),
    reason: text(2000).default(""),
    ownerId: id,
    dueDate: isoDate,
    status: ActionStatus.default("open"),
    auditId: id.optional(),
    // The team the action belongs to (from its audit or its owner), for team views.
    teamId: id.optional(),
    evidence: text(4000).optional(),
    // Why the due date moved, when the owner asked for more time.
    extensionReason: text(1000).optional(),
    completedAt: isoDateTime.optional(),
    // Where the action was set, when not by an audit: a performance meeting or an improvement plan priority.
    sourceKind: z.enum(actionSourceKinds).optional(),
    sourceId: id.optional(),
  })
  .refine((action) => action.status !== "done" || Boolean(action.evidence?.trim()), {
    path: ["evidence"],
    message: "Say what shows the action is done before marking it done",
  });
export type Action = z.infer<typeof Action>;
