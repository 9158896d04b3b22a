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
  STORE: z.enum(["sqlite", "sharepoint"], { message: "STORE must be sqlite or sharepoint" }).default("sqlite"),
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
  // The SharePoint store (STORE=sharepoint): the site, and the Entra app that reads and writes its lists (docs/sharepoint.md).
  SHAREPOINT_SITE_ID: optionalText,
  SHAREPOINT_TENANT_ID: optionalText,
  SHAREPOINT_CLIENT_ID: optionalText,
  SHAREPOINT_CLIENT_SECRET: optionalText,
  SHAREPOINT_CERTIFICATE_PATH: optionalText,
  SHAREPOINT_CERTIFICATE_THUMBPRINT: optionalText,
  GRAPH_BASE_URL: z.url({ message: "GRAPH_BASE_URL must be a full URL such as https://graph.microsoft.com" }).default("https://graph.microsoft.com"),
  ENTRA_AUTHORITY_HOST: z.url({ message: "ENTRA_AUTHORITY_HOST must be a full URL such as https://login.microsoftonline.com" }).default("https://login.microsoftonline.com"),
  // The Department for Education statistics files used as KPI comparators.
  DFE_DATA_DIR: z.string().trim().min(1).default(fileURLToPath(new URL("../reference/dfe/", import.meta.url))),
  // The address people reach the server at; links in cards point here.
  TAB_ENDPOINT: z.url({ message: "TAB_ENDPOINT must be a full URL such as https://qa.example.gov.uk" }).optional(),
  // Where outbox workers find due messages: the store itself (one server), or an
  // Azure Storage queue shared by several server instances (docs/bulletins.md).
  OUTBOX_TRANSPORT: z.enum(["store", "storage-queue"], { message: "OUTBOX_TRANSPORT is store or storage-queue" }).default("store"),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  OUTBOX_QUEUE_NAME: z
    .string()
    .regex(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/, "OUTBOX_QUEUE_NAME is 3 to 63 lower-case letters, digits and single hyphens")
    .default("golden-thread-outbox"),
  // How many server instances share Teams' per-app rate limit (each takes an equal share).
  OUTBOX_INSTANCES: z.coerce.number().int().min(1).max(50).default(1),
  // A complaint stage due within this many working days shows as "due soon".
  COMPLAINT_DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0, "Use 0 or more").max(20, "Use 20 or fewer").default(3),
});

export interface SharePointSettings {
  /** Graph's id for the site: {hostname},{site collection id},{web id}. */
  siteId: string;
  tenantId: string;
  clientId: string;
  credential: { secret: string } | { certificatePath: string; thumbprintSha256: string };
  graphBaseUrl: string;
  authorityHost: string;
}

export interface Config {
  host: string;
  port: number;
  /** `path` is the SQLite file (used when adapter is sqlite); `sharepoint` is set when adapter is sharepoint. */
  store: { adapter: "sqlite" | "sharepoint"; path: string; sharepoint?: SharePointSettings };
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
  outbox: { instances: number } & ({ transport: "store" } | { transport: "storage-queue"; connectionString: string; queueName: string });
  /** A complaint stage due within this many working days is "due soon". */
  complaintDueSoonWorkingDays: number;
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

function sharePointSettings(env: z.output<typeof EnvironmentSchema>): SharePointSettings {
  const tenantId = env.SHAREPOINT_TENANT_ID ?? env.MicrosoftAppTenantId;
  const missing = [
    ...(env.SHAREPOINT_SITE_ID ? [] : ["SHAREPOINT_SITE_ID (the site's Graph id)"]),
    ...(tenantId ? [] : ["SHAREPOINT_TENANT_ID (or MicrosoftAppTenantId)"]),
    ...(env.SHAREPOINT_CLIENT_ID ? [] : ["SHAREPOINT_CLIENT_ID (the Entra app's client id)"]),
  ];
  const certificate = env.SHAREPOINT_CERTIFICATE_PATH || env.SHAREPOINT_CERTIFICATE_THUMBPRINT;
  if (!env.SHAREPOINT_CLIENT_SECRET && !certificate) missing.push("SHAREPOINT_CERTIFICATE_PATH and SHAREPOINT_CERTIFICATE_THUMBPRINT (or SHAREPOINT_CLIENT_SECRET)");
  if (certificate && !(env.SHAREPOINT_CERTIFICATE_PATH && env.SHAREPOINT_CERTIFICATE_THUMBPRINT)) missing.push("both SHAREPOINT_CERTIFICATE_PATH and SHAREPOINT_CERTIFICATE_THUMBPRINT");
  if (missing.length > 0) throw new ConfigError(`STORE is sharepoint, but these settings are missing:\n  ${missing.join("\n  ")}\nSee docs/sharepoint.md.`);
  if (env.SHAREPOINT_CLIENT_SECRET && certificate) throw new ConfigError("Set either SHAREPOINT_CLIENT_SECRET or a certificate (SHAREPOINT_CERTIFICATE_PATH and SHAREPOINT_CERTIFICATE_THUMBPRINT), not both.");
  if (!/^[^,\s]+,[0-9a-f-]{36},[0-9a-f-]{36}$/i.test(env.SHAREPOINT_SITE_ID!)) {
    throw new ConfigError("SHAREPOINT_SITE_ID must be the site's Graph id, like contoso.sharepoint.com,<site collection id>,<web id>. docs/sharepoint.md shows how to find it.");
  }
  if (env.SHAREPOINT_CERTIFICATE_THUMBPRINT && !/^[0-9a-f]{64}$/i.test(env.SHAREPOINT_CERTIFICATE_THUMBPRINT.replaceAll(":", ""))) {
    throw new ConfigError("SHAREPOINT_CERTIFICATE_THUMBPRINT must be the certificate's SHA-256 thumbprint (64 hexadecimal characters).");
  }
  return {
    siteId: env.SHAREPOINT_SITE_ID!,
    tenantId: tenantId!,
    clientId: env.SHAREPOINT_CLIENT_ID!,
    credential: env.SHAREPOINT_CLIENT_SECRET
      ? { secret: env.SHAREPOINT_CLIENT_SECRET }
      : { certificatePath: resolve(env.SHAREPOINT_CERTIFICATE_PATH!), thumbprintSha256: env.SHAREPOINT_CERTIFICATE_THUMBPRINT!.replaceAll(":", "") },
    graphBaseUrl: env.GRAPH_BASE_URL.replace(/\/$/, ""),
    authorityHost: env.ENTRA_AUTHORITY_HOST.replace(/\/$/, ""),
  };
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
  if (env.OUTBOX_TRANSPORT === "storage-queue" && !env.AZURE_STORAGE_CONNECTION_STRING) {
    throw new ConfigError("OUTBOX_TRANSPORT is storage-queue but AZURE_STORAGE_CONNECTION_STRING is not set: give the storage account's connection string.");
  }
  const outbox: Config["outbox"] =
    env.OUTBOX_TRANSPORT === "storage-queue"
      ? { transport: "storage-queue", connectionString: env.AZURE_STORAGE_CONNECTION_STRING!, queueName: env.OUTBOX_QUEUE_NAME, instances: env.OUTBOX_INSTANCES }
      : { transport: "store", instances: env.OUTBOX_INSTANCES };
  return {
    outbox,
    signIn,
    host: env.HOST,
    port: env.PORT,
    store: {
      adapter: env.STORE,
      path: resolve(env.DATA_DIR, env.SQLITE_FILE),
      ...(env.STORE === "sharepoint" ? { sharepoint: sharePointSettings(env) } : {}),
    },
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
    complaintDueSoonWorkingDays: env.COMPLAINT_DUE_SOON_WORKING_DAYS,
    dfeDataDir: resolve(env.DFE_DATA_DIR),
  };
}
