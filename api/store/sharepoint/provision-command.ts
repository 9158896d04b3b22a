// npm run provision:sharepoint — creates or completes the store's lists on
// the configured site (STORE=sharepoint settings; see docs/sharepoint.md).
import { ConfigError, loadConfig } from "../../config.js";
import { graphTransportFor } from "./connect.js";
import { describeReport, provisionLists } from "./provision.js";

try {
  const config = loadConfig({ ...process.env, STORE: "sharepoint" });
  const settings = config.store.sharepoint!;
  console.log(`Provisioning Golden Thread's lists on site ${settings.siteId} ...`);
  const report = await provisionLists(graphTransportFor(settings), settings.siteId);
  console.log(describeReport(report));
  process.exitCode = report.wrongTypes.length > 0 ? 2 : 0;
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Provisioning failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
