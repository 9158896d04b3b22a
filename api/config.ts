// Configuration from environment variables (Teams Toolkit writes them from
// teamsapp/env/). Everything has a default that runs the embedded store on
// loopback, so a new user needs no Microsoft 365 tenant.
import { isIP } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { Role } from "./domain/records/person.js";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "Use true or false" })
  .transform((value) => ["true", "1", "yes"].includes(value));

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const EnvironmentSchema = z.object({
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  STORE: z.enum(["sqlite"], { message: "STORE must be sqlite (the SharePoint store is not available yet)" }).default("sqlite"),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  SQLITE_FILE: z.string().trim().min(1).default("golden-thread.sqlite"),
  SEED_DEMO: flag.default(true),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("SingleTenant"),
  // Where botbuilder fetches the Bot Framework's signing keys and which issuer it
  // expects; set only for sovereign clouds (or a local stand-in in tests).
  ToBotFromChannelOpenIdMetadataUrl: z.url().optional(),
  ToBotFromChannelTokenIssuer: z.string().min(1).optional(),
  // Teams single sign-on for the tab (set by Teams Toolkit's aadApp/create).
  AAD_APP_CLIENT_ID: optionalText,
  TAB_DOMAIN: optionalText,
  ALLOWED_TENANT_IDS: optionalText,
  ENTRA_JWKS_URL: z.url().default("https://login.microsoftonline.com/common/discovery/v2.0/keys"),
  // JSON object: Entra group object ID → role, e.g. {"5e6f…": "qa_lead"}.
  ROLE_GROUPS: optionalText,
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  // The Department for Education statistics files used as KPI comparators.
  DFE_DATA_DIR: z.string().trim().min(1).default(fileURLToPath(new URL("../../shared/data/dfe/", import.meta.url))),
  // The address people reach the server at; links in cards point here.
  TAB_ENDPOINT: z.url({ message: "TAB_ENDPOINT must be a full URL such as https://qa.example.gov.uk" }).optional(),
});

export interface Config {
  host: string;
  port: number;
  store: { adapter: "sqlite"; path: string };
  seedDemo: boolean;
  bot: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: string;
    openIdMetadataUrl?: string;
    tokenIssuer?: string;
  };
  playgroundPort: number;
  /** Tab sign-in: Teams SSO against Microsoft Entra, or the local demo picker (loopback, no tenant). */
  signIn:
    | { mode: "local" }
    | { mode: "entra"; clientId: string; applicationIdUri: string; allowedTenantIds: string[]; jwksUrl: string; roleGroups: Record<string, Role> };
  /** Where people reach the server (TAB_ENDPOINT); when unset, the address it listens on. */
  publicUrl?: string;
  /** The folder of DfE statistics files for KPI comparators (DFE_DATA_DIR). */
  dfeDataDir: string;
}

function parseRoleGroups(text: string | undefined): Record<string, Role> {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError('ROLE_GROUPS must be JSON, e.g. {"<group object id>": "qa_lead"}.');
  }
  const result = z.record(z.string(), Role).safeParse(parsed);
  if (!result.success) throw new ConfigError(`ROLE_GROUPS maps group IDs to roles; allowed roles: ${Role.options.join(", ")}.`);
  return result.data;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
}

/** Reads and checks the configuration; every problem is named in one error. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  // Teams Toolkit names the bot's credentials BOT_ID / BOT_PASSWORD; botbuilder reads MicrosoftApp*.
  const withAliases = {
    ...environment,
    MicrosoftAppId: environment.MicrosoftAppId ?? environment.BOT_ID,
    MicrosoftAppPassword: environment.MicrosoftAppPassword ?? environment.BOT_PASSWORD,
  };
  const parsed = EnvironmentSchema.safeParse(withAliases);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`The configuration is not valid:\n  ${problems.join("\n  ")}`);
  }
  const env = parsed.data;
  // With no bot App ID, botbuilder accepts unauthenticated requests: that is only safe on loopback.
  if (!env.MicrosoftAppId && !isLoopback(env.HOST)) {
    throw new ConfigError(
      `HOST is ${env.HOST} but MicrosoftAppId (BOT_ID) is not set. Without an App ID the bot cannot check who is calling, so it only listens on 127.0.0.1. Set MicrosoftAppId and MicrosoftAppPassword, or listen on loopback.`,
    );
  }
  if (env.MicrosoftAppId && env.MicrosoftAppType !== "UserAssignedMSI" && !env.MicrosoftAppPassword) {
    throw new ConfigError("MicrosoftAppId is set but MicrosoftAppPassword (BOT_PASSWORD) is not.");
  }
  let signIn: Config["signIn"] = { mode: "local" };
  if (env.AAD_APP_CLIENT_ID) {
    const tenants = (env.ALLOWED_TENANT_IDS ?? env.MicrosoftAppTenantId ?? "").split(",").map((tenant) => tenant.trim()).filter(Boolean);
    if (!env.TAB_DOMAIN) throw new ConfigError("AAD_APP_CLIENT_ID is set but TAB_DOMAIN is not: the tab's tokens are issued for api://<TAB_DOMAIN>/<client id>.");
    if (tenants.length === 0) throw new ConfigError("AAD_APP_CLIENT_ID is set but no tenant is allowed: set ALLOWED_TENANT_IDS (or MicrosoftAppTenantId).");
    signIn = {
      mode: "entra",
      clientId: env.AAD_APP_CLIENT_ID,
      applicationIdUri: `api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}`,
      allowedTenantIds: tenants,
      jwksUrl: env.ENTRA_JWKS_URL,
      roleGroups: parseRoleGroups(env.ROLE_GROUPS),
    };
  } else if (!isLoopback(env.HOST)) {
    throw new ConfigError(`HOST is ${env.HOST} but AAD_APP_CLIENT_ID is not set. The local demo sign-in only runs on 127.0.0.1; configure Teams single sign-on to listen elsewhere.`);
  }
  return {
    signIn,
    host: env.HOST,
    port: env.PORT,
    store: { adapter: env.STORE, path: resolve(env.DATA_DIR, env.SQLITE_FILE) },
    seedDemo: env.SEED_DEMO,
    bot: {
      appId: env.MicrosoftAppId,
      appPassword: env.MicrosoftAppPassword,
      tenantId: env.MicrosoftAppTenantId,
      appType: env.MicrosoftAppType,
      openIdMetadataUrl: env.ToBotFromChannelOpenIdMetadataUrl,
      tokenIssuer: env.ToBotFromChannelTokenIssuer,
    },
    playgroundPort: env.PLAYGROUND_PORT,
    publicUrl: env.TAB_ENDPOINT?.replace(/\/$/, ""),
    dfeDataDir: resolve(env.DFE_DATA_DIR),
  };
}
