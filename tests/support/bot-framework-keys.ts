// A local stand-in for the Bot Framework's token signing keys: an OpenID
// configuration and a JWKS endpoint, as login.botframework.com serves them
// (keys carry the channels they are endorsed for), and a signer for tokens
// the way the Bot Connector sends them to a bot.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

export const channelIssuer = "https://api.botframework.com";

export interface BotFrameworkKeys {
  openIdMetadataUrl: string;
  sign(claims: { audience: string; serviceUrl: string; expiresInSeconds?: number; key?: "trusted" | "untrusted" }): Promise<string>;
  close(): Promise<void>;
}

export async function startBotFrameworkKeys(): Promise<BotFrameworkKeys> {
  const trusted = await generateKeyPair("RS256", { extractable: true });
  const untrusted = await generateKeyPair("RS256", { extractable: true });
  const kid = "golden-thread-test-key";
  const jwk: JWK = { ...(await exportJWK(trusted.publicKey)), kid, use: "sig", alg: "RS256" };
  let base = "";
  const server: Server = createServer((request, response) => {
    const send = (body: object) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.url === "/v1/.well-known/openidconfiguration") {
      send({ issuer: channelIssuer, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ["RS256"] });
    } else if (request.url === "/v1/.well-known/keys") {
      send({ keys: [{ ...jwk, endorsements: ["msteams", "webchat"] }] });
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    async sign({ audience, serviceUrl, expiresInSeconds = 3600, key = "trusted" }) {
      const signingKey: CryptoKey = key === "trusted" ? trusted.privateKey : untrusted.privateKey;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ serviceurl: serviceUrl })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(channelIssuer)
        .setAudience(audience)
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(now + expiresInSeconds)
        .sign(signingKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
