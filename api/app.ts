// Assembles the running app from configuration: store, demo seed, bot and
// HTTP server. Used by `npm run serve`, `npm start` and the tests alike.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createBotEndpoint } from "../bot/bot-endpoint.js";
import { ConfigError, type Config } from "./config.js";
import { seedDemoAuthority } from "./seed/seed-demo.js";
import { createServer, registeredRoutes } from "./server.js";
import type { Store } from "./store/port.js";
import { entraSignIn, localSignIn } from "./auth/sign-in.js";
import { accountabilityRoutes } from "./http/routes/accountability-routes.js";
import { actionRoutes } from "./http/routes/action-routes.js";
import type { ApiServices } from "./http/routes/api-services.js";
import { auditRoutes } from "./http/routes/audit-routes.js";
import { dashboardRoutes } from "./http/routes/dashboard-routes.js";
import { libraryRoutes } from "./http/routes/library-routes.js";
import { moderationRoutes } from "./http/routes/moderation-routes.js";
import { moderationResolutionRoutes } from "./http/routes/moderation-resolution-routes.js";
import { moderationRuleRoutes } from "./http/routes/moderation-rule-routes.js";
import { parallelAuditRoutes } from "./http/routes/parallel-audit-routes.js";
import { programmeRoutes } from "./http/routes/programme-routes.js";
import { meetingRoutes } from "./http/routes/meeting-routes.js";
import { reportRoutes } from "./http/routes/report-routes.js";
import { selfEvaluationRoutes } from "./http/routes/self-evaluation-routes.js";
import { sessionRoutes } from "./http/routes/session-routes.js";
import { standardsRoutes } from "./http/routes/standards-routes.js";
import { bulletinRoutes } from "./http/routes/bulletin-routes.js";
import { youSaidWeDidRoutes } from "./http/routes/you-said-we-did-routes.js";
import { feedbackRoutes } from "./http/routes/feedback-routes.js";
import { observationRoutes } from "./http/routes/observation-routes.js";
import { surveyRoutes } from "./http/routes/survey-routes.js";
import { myWorkRoutes } from "./http/routes/my-work-routes.js";
import { ActionTracker } from "./services/action-tracker.js";
import { BulletinService } from "./services/bulletins.js";
import { YouSaidWeDidService } from "./services/you-said-we-did.js";
import { performanceRoutes } from "./http/routes/performance-routes.js";
import { DfeCatalogue } from "./comparators/dfe-catalogue.js";
import { PerformanceService } from "./services/performance.js";
import { AuditWorkflow } from "./services/audit-workflow.js";
import type { DashboardReadModel } from "./store/dashboard-read-model.js";
import { connectSharePoint } from "./store/sharepoint/connect.js";
import type { MsalNetworkSettings } from "./store/sharepoint/token-source.js";
import { SqliteDashboardReadModel } from "./store/sqlite/dashboard-read-model.js";
import { SqliteStore } from "./store/sqlite/sqlite-store.js";

export interface RunningApp {
  url: string;
  store: Store;
  authorityName?: string;
  /** The routes the HTTP server has registered (method, path). */
  routes(): { method: string; path: string }[];
  stop(): Promise<void>;
}

/** Only for tests: what configuration cannot say. */
export interface AppOptions {
  /** Where MSAL's requests for SharePoint's Graph tokens go (a local Entra stand-in; MSAL insists on https). */
  sharePointMsal?: MsalNetworkSettings;
}

const reminderIntervalMs = 60 * 60 * 1000;
const dashboardSyncIntervalMs = 30 * 1000;

// Overdue actions get at most one reminder per working day; checking hourly
// (and at start) catches the new day without a scheduler.
function startOverdueReminders(actions: ActionTracker, bot: { wakeOutbox(): void }, log: (line: string) => void): NodeJS.Timeout {
  const remind = () =>
    actions
      .remindOverdue({ id: "system:reminders" })
      .then((count) => {
        if (count > 0) {
          log(`actions: queued ${count} overdue reminder${count === 1 ? "" : "s"}`);
          bot.wakeOutbox();
        }
      })
      .catch((error: unknown) => log(`actions: reminders failed: ${(error as Error).message}`));
  void remind();
  const timer = setInterval(remind, reminderIntervalMs);
  timer.unref();
  return timer;
}

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

// The store and the dashboard read model that goes with it: SQLite counts in
// SQL on its own connection; SharePoint counts from a copy kept current by
// the delta feed.
// The sync starts only once the app is about to serve: started before the
// demo seed, its first read found empty lists and the dashboard showed no
// audits until the next catch-up.
async function openStore(
  config: Config,
  log: (line: string) => void,
  options: AppOptions,
): Promise<{ store: Store; dashboard: DashboardReadModel; startSync: () => () => void }> {
  if (config.store.adapter === "sharepoint" && config.store.sharepoint) {
    const { store, dashboard } = await connectSharePoint(config.store.sharepoint, log, options.sharePointMsal);
    log(`store: SharePoint lists on site ${config.store.sharepoint.siteId}`);
    return { store, dashboard, startSync: () => dashboard.syncEvery(dashboardSyncIntervalMs, log) };
  }
  return { store: new SqliteStore({ path: config.store.path }), dashboard: new SqliteDashboardReadModel(config.store.path), startSync: () => () => undefined };
}

export async function startApp(config: Config, log: (line: string) => void = console.log, options: AppOptions = {}): Promise<RunningApp> {
  const { store, dashboard, startSync } = await openStore(config, log, options);
  let stopSync: () => void = () => undefined;
  try {
    let authorityName: string | undefined;
    if (config.seedDemo) {
      const seed = await seedDemoAuthority(store);
      authorityName = seed.authorityName;
      log(seed.seeded ? `store: seeded the demo authority "${seed.authorityName}"` : `store: using existing data (${seed.authorityName})`);
    }
    stopSync = startSync();
    let publicUrl = config.publicUrl;
    const now = () => new Date();
    const workflow = new AuditWorkflow(store, now);
    const actions = new ActionTracker(store, now);
    const bulletins = new BulletinService(store, now);
    const tabUrl = () => `${publicUrl}/tab/`;
    const bot = createBotEndpoint({ config, store, workflow, actions, bulletins, tabUrl, now, log });
    const reminders = startOverdueReminders(actions, bot, log);
    const signIn = config.signIn.mode === "entra" ? entraSignIn(store, config.signIn) : localSignIn(store);
    if (signIn.mode === "local") log("tab: no Microsoft 365 tenant is configured, so the tab offers a local sign-in as any demo user (loopback only).");
    const services: ApiServices = {
      store,
      workflow,
      actions,
      bulletins,
      youSaidWeDid: new YouSaidWeDidService(store, now),
      now,
      tabUrl,
      notificationsQueued: () => bot.wakeOutbox(),
    };
    // KPIs with their DfE comparators: one service for the performance routes and the report pack.
    const performance = new PerformanceService(store, new DfeCatalogue(config.dfeDataDir));
    const routes = [
      ...sessionRoutes(services, signIn),
      ...auditRoutes(services),
      ...actionRoutes(services),
      ...libraryRoutes(services),
      ...dashboardRoutes(services, dashboard),
      ...programmeRoutes(services),
      ...standardsRoutes(services),
      ...accountabilityRoutes(services),
      ...moderationRoutes(services),
      ...moderationResolutionRoutes(services),
      ...moderationRuleRoutes(services),
      ...parallelAuditRoutes(services),
      ...bulletinRoutes(services),
      ...youSaidWeDidRoutes(services),
      ...feedbackRoutes(services, { dueSoonWorkingDays: config.complaintDueSoonWorkingDays }),
      ...observationRoutes(services),
      ...surveyRoutes(services),
      ...performanceRoutes(services, performance),
      ...meetingRoutes(services),
      ...reportRoutes(services, performance),
      ...selfEvaluationRoutes(services),
      ...myWorkRoutes(services),
    ];
    if (!bot.authenticated) {
      log("bot: no MicrosoftAppId is set, so requests are not authenticated; listening on loopback only (local use).");
    }
    const server = createServer({ store, bot, routes, signIn, version, log });
    await new Promise<void>((resolve, reject) => {
      server.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "EADDRINUSE"
            ? new ConfigError(`Port ${config.port} on ${config.host} is already in use. Is Golden Thread already running? Stop it, or set PORT to another port.`)
            : error,
        ),
      );
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(":") ? `[${config.host}]` : config.host;
    const url = `http://${host}:${port}`;
    publicUrl ??= url;
    return {
      url,
      store,
      authorityName,
      routes: () => registeredRoutes(server),
      async stop() {
        clearInterval(reminders);
        stopSync();
        await bot.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.server.closeAllConnections?.();
        });
        await store.close();
      },
    };
  } catch (error) {
    stopSync();
    await store.close();
    throw error;
  }
}
