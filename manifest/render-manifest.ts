// Renders the Teams app manifest template (manifest/manifest.json) by substituting
// Teams Toolkit style `${{NAME}}` placeholders, and loads the values for an environment
// the way Teams Toolkit does: teamsapp/env/.env.<env>, then the git-ignored
// teamsapp/env/.env.<env>.user (secrets), then process.env.
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

/** The repository root (this file lives in <root>/manifest). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type EnvValues = Record<string, string | undefined>;

export class MissingVariablesError extends Error {
  readonly missing: readonly string[];

  constructor(missing: readonly string[], sources: readonly string[] = []) {
    const where = sources.length > 0 ? ` Set them in ${sources.join(", ")} or in the environment.` : "";
    super(`The manifest template needs values for: ${missing.join(", ")}.${where}`);
    this.name = "MissingVariablesError";
    this.missing = missing;
  }
}

/** The distinct placeholder names in a template, in order of first use. */
export function listPlaceholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1] ?? ""))];
}

export interface RenderOptions {
  /**
   * "json" (default): values are escaped for a JSON string literal, which is where every
   * placeholder of the manifest template sits. "none": values are inserted verbatim.
   */
  escape?: "json" | "none";
  /** Where the values came from, for the error message. */
  sources?: readonly string[];
}

/**
 * Substitutes every `${{NAME}}` in the template. Throws MissingVariablesError naming every
 * variable that has no value (an empty string is a value, e.g. APP_NAME_SUFFIX in production).
 */
export function renderManifest(template: string, values: EnvValues, options: RenderOptions = {}): string {
  const valueOf = (name: string): string | undefined => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return typeof value === "string" ? value : undefined;
  };
  const missing = listPlaceholders(template).filter((name) => valueOf(name) === undefined);
  if (missing.length > 0) throw new MissingVariablesError(missing, options.sources);

  const escape = options.escape ?? "json";
  const rendered = template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = valueOf(name) ?? "";
    return escape === "json" ? JSON.stringify(value).slice(1, -1) : value;
  });
  const leftovers = rendered.match(/\$\{\{[^}]*\}\}?/g);
  if (leftovers) {
    throw new Error(`Malformed placeholder(s) in the manifest template: ${[...new Set(leftovers)].join(", ")}`);
  }
  return rendered;
}

export interface LoadEnvOptions {
  /** Repository root; defaults to the folder above manifest/. */
  rootDir?: string;
  /** Folder with the .env.<env> files; defaults to <rootDir>/teamsapp/env. */
  envDir?: string;
  /** Overrides applied last; defaults to process.env. Pass {} for reproducible results. */
  processEnv?: EnvValues;
}

export interface LoadedEnv {
  env: string;
  values: Record<string, string>;
  /** Files read, relative to the repository root, in the order applied. */
  files: string[];
  /** Where values can be set, for messages (includes the optional .user file even if absent). */
  sources: string[];
}

/** Environment names that have a teamsapp/env/.env.<env> file. */
export function availableEnvironments(envDir = path.join(repoRoot, "teamsapp", "env")): string[] {
  if (!existsSync(envDir)) return [];
  return readdirSync(envDir)
    .map((file) => /^\.env\.([A-Za-z0-9_-]+)$/.exec(file)?.[1])
    .filter((env): env is string => env !== undefined)
    .sort();
}

export async function loadEnvValues(env: string, options: LoadEnvOptions = {}): Promise<LoadedEnv> {
  if (!/^[A-Za-z0-9_-]+$/.test(env)) {
    throw new Error(`Invalid environment name "${env}": use letters, digits, '-' or '_' (e.g. local, dev).`);
  }
  const rootDir = options.rootDir ?? repoRoot;
  const envDir = options.envDir ?? path.join(rootDir, "teamsapp", "env");
  const mainFile = path.join(envDir, `.env.${env}`);
  const userFile = `${mainFile}.user`;
  const relative = (file: string) => path.relative(rootDir, file).split(path.sep).join("/");

  if (!existsSync(mainFile)) {
    const known = availableEnvironments(envDir);
    throw new Error(
      `No environment file ${relative(mainFile)}.` +
        (known.length > 0 ? ` Known environments: ${known.join(", ")}.` : ""),
    );
  }

  const values: Record<string, string> = {};
  const files: string[] = [];
  for (const file of [mainFile, userFile]) {
    if (!existsSync(file)) continue;
    for (const [key, value] of Object.entries(parseEnv(await readFile(file, "utf8")))) {
      if (value !== undefined) values[key] = value;
    }
    files.push(relative(file));
  }
  for (const [key, value] of Object.entries(options.processEnv ?? process.env)) {
    if (value !== undefined) values[key] = value;
  }
  return { env, values, files, sources: [relative(mainFile), relative(userFile)] };
}
