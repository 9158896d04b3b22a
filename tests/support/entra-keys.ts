// A local stand-in for Microsoft Entra ID's token signing keys: a JWKS
// endpoint on 127.0.0.1 (as login.microsoftonline.com/<tenant>/discovery/v2.0/keys
// serves it) and a signer for v2 access tokens as Teams' getAuthToken()
// hands them to the tab: aud, iss, tid, oid, scp, groups, exp.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

export const entraIssuer = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;

export interface EntraTokenClaims {
  /** Defaults to the stand-in's audience (api://<tab domain>/<client id>). */
  aud?: string;
  tid?: string;
  /** Defaults to the v2 issuer of `tid`. */
  iss?: string;
  oid?: string;
  /** Defaults to access_as_user; null leaves the claim out. */
  scp?: string | null;
  groups?: string[];
  expiresInSeconds?: number;
  /** "untrusted": signed with a key the JWKS does not publish (a forgery under the same kid). */
  key?: "trusted" | "untrusted";
}

export interface EntraKeys {
  jwksUrl: string;
  /** How many times the JWKS was fetched. */
  fetches(): number;
  sign(claims: EntraTokenClaims): Promise<string>;
  close(): Promise<void>;
}

export async function startEntraKeys(defaults: { audience: string; tenantId: string; clientAppId?: string }): Promise<EntraKeys> {
  const trusted = await generateKeyPair("RS256", { extractable: true });
  const untrusted = await generateKeyPair("RS256", { extractable: true });
  const kid = "golden-thread-entra-test-key";
  const jwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid, use: "sig", alg: "RS256" };
  let fetches = 0;
  const server: Server = createServer((request, response) => {
    if (request.url === "/discovery/v2.0/keys") {
      fetches += 1;
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    jwksUrl: `${base}/discovery/v2.0/keys`,
    fetches: () => fetches,
    async sign({ aud = defaults.audience, tid = defaults.tenantId, iss, oid, scp = "access_as_user", groups, expiresInSeconds = 3600, key = "trusted" }) {
      const signingKey: CryptoKey = key === "trusted" ? trusted.privateKey : untrusted.privateKey;
      const now = Math.floor(Date.now() / 1000);
      const issuedAt = Math.min(now - 300, now + expiresInSeconds - 3600);
      const claims: Record<string, unknown> = {
        tid,
        ver: "2.0",
        // Teams' web and desktop client, as getAuthToken() tokens carry it.
        azp: defaults.clientAppId ?? "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
        ...(oid ? { oid, sub: `sub-${oid}` } : {}),
        ...(scp !== null ? { scp } : {}),
        ...(groups ? { groups } : {}),
      };
      return new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(iss ?? entraIssuer(tid))
        .setAudience(aud)
        .setIssuedAt(issuedAt)
        .setNotBefore(issuedAt)
        .setExpirationTime(now + expiresInSeconds)
        .sign(signingKey);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
