// Access tokens for Graph: client credentials (a certificate or a secret)
// through MSAL. MSAL caches the token and fetches a new one before the cached
// one expires, so asking for a token on every request costs nothing.
import { ConfidentialClientApplication, type Configuration, type INetworkModule } from "@azure/msal-node";

export interface TokenSource {
  accessToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

export type ClientCredential =
  | { secret: string }
  | { certificate: { thumbprintSha256: string; privateKey: string; x5c?: string } };

export interface MsalTokenSettings {
  tenantId: string;
  clientId: string;
  credential: ClientCredential;
  /** https://login.microsoftonline.com by default (set for sovereign clouds). */
  authorityHost?: string;
  /** https://graph.microsoft.com/.default by default. */
  scope?: string;
  /** Only for tests: where MSAL's HTTP requests go. */
  networkClient?: INetworkModule;
  /** Only for tests: skip authority discovery for a local authority host. */
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
}

/** Only for tests: MSAL's HTTP and authority metadata, so a local Entra stand-in (not https) can issue tokens. */
export type MsalNetworkSettings = Pick<MsalTokenSettings, "networkClient" | "authorityMetadata" | "cloudDiscoveryMetadata">;

export class MsalTokenSource implements TokenSource {
  private readonly application: ConfidentialClientApplication;
  private readonly scope: string;

  constructor(settings: MsalTokenSettings) {
    const authorityHost = (settings.authorityHost ?? "https://login.microsoftonline.com").replace(/\/$/, "");
    const credential =
      "secret" in settings.credential ? { clientSecret: settings.credential.secret } : { clientCertificate: settings.credential.certificate };
    const configuration: Configuration = {
      auth: {
        clientId: settings.clientId,
        authority: `${authorityHost}/${settings.tenantId}`,
        ...credential,
        ...(settings.authorityMetadata ? { authorityMetadata: settings.authorityMetadata, knownAuthorities: [new URL(authorityHost).host] } : {}),
        ...(settings.cloudDiscoveryMetadata ? { cloudDiscoveryMetadata: settings.cloudDiscoveryMetadata } : {}),
      },
      ...(settings.networkClient ? { system: { networkClient: settings.networkClient } } : {}),
    };
    this.application = new ConfidentialClientApplication(configuration);
    this.scope = settings.scope ?? "https://graph.microsoft.com/.default";
  }

  async accessToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
    const result = await this.application.acquireTokenByClientCredential({ scopes: [this.scope], skipCache: options.forceRefresh ?? false });
    if (!result?.accessToken) throw new Error("Microsoft Entra did not return an access token for Microsoft Graph.");
    return result.accessToken;
  }
}
