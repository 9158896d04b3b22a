// Builds the SharePoint store's pieces from configuration: the Graph
// transport with an MSAL token source, the store and its dashboard read model.
import { readFileSync } from "node:fs";
import type { SharePointSettings } from "../../config.js";
import { SharePointDashboardReadModel } from "./dashboard-read-model.js";
import { GraphTransport } from "./graph-transport.js";
import { SharePointStore } from "./sharepoint-store.js";
import { MsalTokenSource, type MsalNetworkSettings } from "./token-source.js";

/** `msal` is only for tests: where MSAL's requests go (the token source itself is always MSAL's). */
export function graphTransportFor(settings: SharePointSettings, msal: MsalNetworkSettings = {}): GraphTransport {
  return new GraphTransport({
    baseUrl: settings.graphBaseUrl,
    tokens: new MsalTokenSource({
      tenantId: settings.tenantId,
      clientId: settings.clientId,
      authorityHost: settings.authorityHost,
      scope: `${settings.graphBaseUrl}/.default`,
      credential:
        "secret" in settings.credential
          ? { secret: settings.credential.secret }
          : { certificate: { thumbprintSha256: settings.credential.thumbprintSha256, privateKey: readFileSync(settings.credential.certificatePath, "utf8") } },
      ...msal,
    }),
  });
}

export interface SharePointPieces {
  store: SharePointStore;
  dashboard: SharePointDashboardReadModel;
}

export async function connectSharePoint(settings: SharePointSettings, log: (line: string) => void, msal: MsalNetworkSettings = {}): Promise<SharePointPieces> {
  const graph = graphTransportFor(settings, msal);
  const store = await SharePointStore.open({ siteId: settings.siteId, graph, log });
  const dashboard = new SharePointDashboardReadModel({ graph, listPath: (name) => store.listPath(name) });
  return { store, dashboard };
}
