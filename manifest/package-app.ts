// Builds the Teams app package for an environment, offline:
//   npx tsx manifest/package-app.ts [--env local] [--out appPackage/build]
// 1. loads teamsapp/env/.env.<env> (+ .env.<env>.user, + process.env),
// 2. renders manifest/manifest.json,
// 3. validates it against the Teams manifest JSON schema bundled in @microsoft/app-manifest
//    (no network), checks the icons (sizes, outline transparency) and tab domains,
// 4. writes appPackage/build/manifest.<env>.json and appPackage/build/appPackage.<env>.zip.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { AppManifestUtils, type AppManifest } from "@microsoft/app-manifest";
import { imageSize } from "image-size";
import JSZip from "jszip";
import { decodePng, readPngHeader } from "./icons.js";
import { MissingVariablesError, listPlaceholders, loadEnvValues, renderManifest, repoRoot } from "./render-manifest.js";
import type { EnvValues } from "./render-manifest.js";

/** Placeholders that may legitimately be empty (e.g. no suffix in production). */
const MAY_BE_EMPTY = new Set(["APP_NAME_SUFFIX"]);

const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[\w.]+)\/MicrosoftTeams\.schema\.json$/i;

const ICON_SIZES = { color: 192, outline: 32 } as const;

export class PackageError extends Error {
  readonly errors: readonly string[];

  constructor(env: string, errors: readonly string[]) {
    super(`Teams app package for "${env}" is not valid:\n${errors.map((error) => `  - ${error}`).join("\n")}`);
    this.name = "PackageError";
    this.errors = errors;
  }
}

export interface PackageOptions {
  /** Teams Toolkit environment name (teamsapp/env/.env.<env>); default "local". */
  env?: string;
  /** Repository root; default the folder above manifest/. */
  rootDir?: string;
  /** Output folder; default <rootDir>/appPackage/build. */
  outDir?: string;
  /** Manifest template; default <rootDir>/manifest/manifest.json (icons are read next to it). */
  templatePath?: string;
  /** Overrides applied after the env files; default process.env. */
  processEnv?: EnvValues;
}

export interface PackageResult {
  env: string;
  manifestVersion: string;
  manifest: Record<string, unknown>;
  manifestPath: string;
  zipPath: string;
  /** Entries of the zip, in order. */
  entries: string[];
  /** Env files read (relative to the repository root). */
  envFiles: string[];
}

interface ManifestShape {
  $schema?: unknown;
  manifestVersion?: unknown;
  icons?: { color?: unknown; outline?: unknown };
  validDomains?: unknown;
  staticTabs?: Array<{ contentUrl?: unknown; websiteUrl?: unknown }>;
  configurableTabs?: Array<{ configurationUrl?: unknown }>;
}

/** Validates a rendered manifest against the schema bundled with @microsoft/app-manifest, without network. */
export async function validateAgainstBundledSchema(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaUrl = manifest.$schema;
  const version = typeof schemaUrl === "string" ? SCHEMA_URL.exec(schemaUrl)?.[1] : undefined;
  if (!version) {
    return [`$schema must be https://developer.microsoft.com/json-schemas/teams/v1.xx/MicrosoftTeams.schema.json (found ${JSON.stringify(schemaUrl)})`];
  }
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const bundled = path.join(packageDir, "build", "json-schemas", "teams", version, "MicrosoftTeams.schema.json");
  if (!existsSync(bundled)) {
    return [`Teams manifest schema ${version} is not bundled with @microsoft/app-manifest, so it cannot be validated offline`];
  }
  // With a bundled schema URL, validateAgainstSchema loads the schema from the package, not the network.
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
  return errors.map((error) => `schema: ${error.trim()}`);
}

function domainAllowed(host: string, validDomains: string[]): boolean {
  const hostname = host.replace(/:\d+$/, "");
  return validDomains.some((domain) => {
    const entry = domain.toLowerCase();
    if (entry === host || entry === hostname) return true;
    return entry.startsWith("*.") && hostname.endsWith(entry.slice(1));
  });
}

/** Checks Teams rules that the JSON schema does not express. */
async function checkManifestExtras(manifest: ManifestShape, iconDir: string): Promise<{ errors: string[]; icons: Record<string, Buffer> }> {
  const errors: string[] = [];
  const icons: Record<string, Buffer> = {};

  for (const kind of ["color", "outline"] as const) {
    const name = manifest.icons?.[kind];
    if (typeof name !== "string" || name.length === 0) continue; // the schema reports it
    if (name.includes("..") || path.isAbsolute(name)) {
      errors.push(`icons.${kind} must be a file name inside the package, found "${name}"`);
      continue;
    }
    const file = path.join(iconDir, name);
    if (!existsSync(file)) {
      errors.push(`icons.${kind}: ${path.relative(process.cwd(), file)} does not exist`);
      continue;
    }
    const png = await readFile(file);
    const want = ICON_SIZES[kind];
    try {
      const size = imageSize(png);
      if (size.type !== "png") errors.push(`icons.${kind} (${name}) must be a PNG, found ${size.type ?? "unknown"}`);
      if (size.width !== want || size.height !== want) {
        errors.push(`icons.${kind} (${name}) must be ${want}×${want} pixels, found ${size.width}×${size.height}`);
      }
    } catch (error) {
      errors.push(`icons.${kind} (${name}) is not a readable image: ${(error as Error).message}`);
      continue;
    }
    if (kind === "outline") errors.push(...checkOutlineIcon(png, name));
    icons[name] = png;
  }

  const validDomains = Array.isArray(manifest.validDomains)
    ? manifest.validDomains.filter((domain): domain is string => typeof domain === "string")
    : [];
  const tabUrls = [
    ...(manifest.staticTabs ?? []).flatMap((tab, i) => [
      [`staticTabs[${i}].contentUrl`, tab.contentUrl] as const,
      [`staticTabs[${i}].websiteUrl`, tab.websiteUrl] as const,
    ]),
    ...(manifest.configurableTabs ?? []).map((tab, i) => [`configurableTabs[${i}].configurationUrl`, tab.configurationUrl] as const),
  ];
  for (const [where, url] of tabUrls) {
    if (typeof url !== "string") continue;
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      errors.push(`${where} is not a valid URL: "${url}"`);
      continue;
    }
    if (!url.toLowerCase().startsWith("https://")) errors.push(`${where} must use https: "${url}"`);
    if (!domainAllowed(host, validDomains)) errors.push(`${where} host "${host}" is not listed in validDomains`);
  }
  return { errors, icons };
}

/** Teams: the outline icon is white on a transparent background. */
function checkOutlineIcon(png: Buffer, name: string): string[] {
  let image;
  try {
    image = decodePng(png);
  } catch (error) {
    const header = (() => {
      try {
        return readPngHeader(png);
      } catch {
        return undefined;
      }
    })();
    return [
      `icons.outline (${name}) must be an 8-bit RGBA PNG so that it can have a transparent background` +
        (header ? ` (colour type ${header.colourType}, bit depth ${header.bitDepth})` : "") +
        `: ${(error as Error).message}`,
    ];
  }
  let transparent = 0;
  let nonWhite = 0;
  for (let i = 0; i < image.rgba.length; i += 4) {
    const alpha = image.rgba[i + 3] ?? 0;
    if (alpha === 0) transparent++;
    else if (image.rgba[i] !== 255 || image.rgba[i + 1] !== 255 || image.rgba[i + 2] !== 255) nonWhite++;
  }
  const errors: string[] = [];
  if (transparent === 0) errors.push(`icons.outline (${name}) needs a transparent background`);
  if (nonWhite > 0) errors.push(`icons.outline (${name}) must be white only; ${nonWhite} visible pixel(s) are not white`);
  return errors;
}

/** Renders, validates and zips the Teams app package. Throws PackageError listing every problem. */
export async function packageApp(options: PackageOptions = {}): Promise<PackageResult> {
  const env = options.env ?? "local";
  const rootDir = options.rootDir ?? repoRoot;
  const templatePath = options.templatePath ?? path.join(rootDir, "manifest", "manifest.json");
  const outDir = options.outDir ?? path.join(rootDir, "appPackage", "build");

  let loaded;
  try {
    loaded = await loadEnvValues(env, { rootDir, processEnv: options.processEnv ?? process.env });
  } catch (error) {
    throw new PackageError(env, [(error as Error).message]);
  }
  const template = await readFile(templatePath, "utf8");

  const errors: string[] = [];
  let rendered: string;
  try {
    rendered = renderManifest(template, loaded.values, { sources: loaded.sources });
  } catch (error) {
    if (error instanceof MissingVariablesError) {
      const where = loaded.sources.join(" or ");
      throw new PackageError(env, error.missing.map((name) => `${name} has no value (set it in ${where}, or in the environment)`));
    }
    throw new PackageError(env, [(error as Error).message]);
  }
  for (const name of listPlaceholders(template)) {
    if (!MAY_BE_EMPTY.has(name) && loaded.values[name]?.trim() === "") {
      errors.push(`${name} is empty in ${loaded.sources.join(" / ")} (run \`teamsapp provision --env ${env}\` first, or set it)`);
    }
  }

  let manifest: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(rendered);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("the manifest must be a JSON object");
    manifest = parsed as Record<string, unknown>;
  } catch (error) {
    throw new PackageError(env, [...errors, `The rendered manifest is not valid JSON: ${(error as Error).message}`]);
  }

  errors.push(...(await validateAgainstBundledSchema(manifest)));
  const extras = await checkManifestExtras(manifest as ManifestShape, path.dirname(templatePath));
  errors.push(...extras.errors);
  if (errors.length > 0) throw new PackageError(env, errors);

  const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
  const zip = new JSZip();
  zip.file("manifest.json", manifestJson);
  for (const [name, png] of Object.entries(extras.icons)) zip.file(name, png);
  const zipBuffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });

  await mkdir(outDir, { recursive: true });
  const manifestPath = path.join(outDir, `manifest.${env}.json`);
  const zipPath = path.join(outDir, `appPackage.${env}.zip`);
  await writeFile(manifestPath, manifestJson);
  await writeFile(zipPath, zipBuffer);

  return {
    env,
    manifestVersion: String(manifest.manifestVersion),
    manifest,
    manifestPath,
    zipPath,
    entries: Object.keys(zip.files),
    envFiles: loaded.files,
  };
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        env: { type: "string", short: "e", default: "local" },
        out: { type: "string", short: "o" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: tsx manifest/package-app.ts [--env local] [--out appPackage/build]`);
    return 2;
  }
  if (args.help) {
    console.log("Usage: tsx manifest/package-app.ts [--env <name>] [--out <folder>]\n" +
      "Renders manifest/manifest.json with teamsapp/env/.env.<name> (+ .user, + environment),\n" +
      "validates it offline and writes appPackage/build/appPackage.<name>.zip. Default env: local.");
    return 0;
  }
  const env = args.env ?? "local";
  try {
    const result = await packageApp({ env, outDir: args.out ? path.resolve(args.out) : undefined });
    const shown = (file: string) => path.relative(process.cwd(), file) || file;
    console.log(`Values from: ${result.envFiles.join(", ")} (+ environment variables)`);
    console.log(`Manifest ${result.manifestVersion} valid against the bundled Teams schema (offline).`);
    console.log(`Manifest:    ${shown(result.manifestPath)}`);
    console.log(`App package: ${result.zipPath} (${result.entries.join(", ")})`);
    return 0;
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      console.error(`${error.errors.length} problem(s); no new package was written.`);
      return 1;
    }
    throw error;
  }
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = await main(process.argv.slice(2));
}
