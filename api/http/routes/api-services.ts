// What the REST routes work with: the same services the bot uses.
import type { ActionTracker } from "../../services/action-tracker.js";
import type { AuditWorkflow } from "../../services/audit-workflow.js";
import type { Store } from "../../store/port.js";

export interface ApiServices {
  store: Store;
  workflow: AuditWorkflow;
  actions: ActionTracker;
  now: () => Date;
  /** A change queued notifications: let the bot's outbox send them now. */
  notificationsQueued: () => void;
}
