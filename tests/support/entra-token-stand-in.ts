// A local stand-in for Microsoft Entra's token endpoint (client credentials),
// for testing the MSAL token source. MSAL insists on an https authority, so
// the test hands MSAL a network client that carries its requests for
// https://login.stand-in.test to this server on 127.0.0.1 instead.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-node";

export const standInAuthorityHost = "https://login.stand-in.test";

export class EntraTokenStandIn {
  /** Tokens issued, in order: token-1, token-2, ... */
  readonly issued: string[] = [];
  /** What each token request asked for. */
  readonly requests: URLSearchParams[] = [];
  expiresInSeconds = 3600;
  private server?: Server;
  private url = "";

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
        this.requests.push(form);
        if (!new URL(request.url ?? "/", "http://stand-in").pathname.endsWith("/oauth2/v2.0/token") || form.get("grant_type") !== "client_credentials" || form.get("client_secret") !== "test-secret") {
          response.writeHead(400, { "Content-Type": "application/json" });
          response.end(JSON.stringify({ error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." }));
          return;
        }
        const token = `token-${this.issued.length + 1}`;
        this.issued.push(token);
        response.writeHead(200, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ token_type: "Bearer", expires_in: this.expiresInSeconds, ext_expires_in: this.expiresInSeconds, access_token: token }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  /** Metadata MSAL would otherwise discover over the internet. */
  metadata(tenantId: string): { authorityMetadata: string; cloudDiscoveryMetadata: string } {
    const base = `${standInAuthorityHost}/${tenantId}`;
    const host = new URL(standInAuthorityHost).host;
    return {
      authorityMetadata: JSON.stringify({
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        issuer: `${base}/v2.0`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
      }),
      cloudDiscoveryMetadata: JSON.stringify({
        tenant_discovery_endpoint: `${base}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      }),
    };
  }

  /** MSAL's HTTP, pointed at this server. */
  networkClient(): INetworkModule {
    const send = async <T>(url: string, method: "GET" | "POST", options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
      const response = await fetch(url.replace(standInAuthorityHost, this.url), { method, headers: options?.headers, body: options?.body });
      return { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: (await response.json()) as T };
    };
    return {
      sendGetRequestAsync: (url, options) => send(url, "GET", options),
      sendPostRequestAsync: (url, options) => send(url, "POST", options),
    };
  }
}
