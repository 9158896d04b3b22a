// What the REST routes work with: the same services the bot uses.
import type { ActionTracker } from "../../services/action-tracker.js";
import type { AuditWorkflow } from "../../services/audit-workflow.js";
import type { BulletinService } from "../../services/bulletins.js";
import type { YouSaidWeDidService } from "../../services/you-said-we-did.js";
import type { Store } from "../../store/port.js";

export interface ApiServices {
  store: Store;
  workflow: AuditWorkflow;
  actions: ActionTracker;
  bulletins: BulletinService;
  youSaidWeDid: YouSaidWeDidService;
  now: () => Date;
  /** The tab's address as cards link to it. */
  tabUrl: () => string;
  /** A change queued notifications: let the bot's outbox send them now. */
  notificationsQueued: () => void;
}
