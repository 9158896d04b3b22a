import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppManifestUtils, type AppManifest } from "@microsoft/app-manifest";
import { imageSize } from "image-size";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { colorIcon, decodePng, outlineIcon } from "../manifest/icons.js";
import { PackageError, packageApp } from "../manifest/package-app.js";
import {
  MissingVariablesError,
  listPlaceholders,
  loadEnvValues,
  renderManifest,
  repoRoot,
} from "../manifest/render-manifest.js";

const manifestDir = path.join(repoRoot, "manifest");
const templatePath = path.join(manifestDir, "manifest.json");
const template = readFileSync(templatePath, "utf8");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), "golden-thread-manifest-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Values for "local" from the committed env file only (no .user file, no shell variables). */
async function localValues(): Promise<Record<string, string>> {
  const root = path.join(tmp, "local-only");
  mkdirSync(path.join(root, "teamsapp", "env"), { recursive: true });
  writeFileSync(
    path.join(root, "teamsapp", "env", ".env.local"),
    readFileSync(path.join(repoRoot, "teamsapp", "env", ".env.local")),
  );
  return (await loadEnvValues("local", { rootDir: root, processEnv: {} })).values;
}

describe("manifest template", () => {
  it("uses a Teams schema (1.19 or newer) bundled with @microsoft/app-manifest", () => {
    const raw = JSON.parse(template) as { $schema: string; manifestVersion: string };
    const [major, minor] = raw.manifestVersion.split(".").map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(19);
    expect(raw.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${raw.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it("uses exactly the documented placeholders", () => {
    expect(listPlaceholders(template).sort()).toEqual(
      ["AAD_APP_CLIENT_ID", "APP_NAME_SUFFIX", "BOT_ID", "TAB_DOMAIN", "TAB_ENDPOINT", "TEAMS_APP_ID"].sort(),
    );
  });

  it("renders with .env.local and passes the Teams schema offline", async () => {
    const rendered = renderManifest(template, await localValues());
    expect(rendered).not.toMatch(/\$\{\{/);
    const manifest = JSON.parse(rendered) as Record<string, unknown>;
    const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
    expect(errors).toEqual([]);

    expect(manifest).toMatchObject({
      id: "11111111-1111-4111-8111-111111111111",
      bots: [{ botId: "22222222-2222-4222-8222-222222222222", scopes: ["personal", "team", "groupChat"] }],
      configurableTabs: [{ configurationUrl: "https://localhost:3978/tab/index.html#/configure", scopes: ["team", "groupChat"] }],
      validDomains: ["localhost:3978"],
      webApplicationInfo: {
        id: "33333333-3333-4333-8333-333333333333",
        resource: "api://localhost:3978/33333333-3333-4333-8333-333333333333",
      },
    });
    const staticTabs = manifest.staticTabs as Array<{ entityId: string; contentUrl?: string; scopes: string[] }>;
    expect(staticTabs.find((tab) => tab.entityId === "my-work")).toMatchObject({
      contentUrl: "https://localhost:3978/tab/index.html#/my-work",
      scopes: ["personal"],
    });
    const commands = (manifest.bots as Array<{ commandLists: Array<{ commands: Array<{ title: string }> }> }>)[0]!
      .commandLists.flatMap((list) => list.commands.map((command) => command.title));
    expect(new Set(commands)).toEqual(new Set(["help", "my audits", "my actions", "status"]));
  });

  it("names every missing variable", () => {
    const values = { TEAMS_APP_ID: "11111111-1111-4111-8111-111111111111", APP_NAME_SUFFIX: "", TAB_ENDPOINT: "https://x.example" };
    let caught: unknown;
    try {
      renderManifest(template, values);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MissingVariablesError);
    const error = caught as MissingVariablesError;
    expect([...error.missing].sort()).toEqual(["AAD_APP_CLIENT_ID", "BOT_ID", "TAB_DOMAIN"]);
    for (const name of error.missing) expect(error.message).toContain(name);
  });

  it("treats an empty string as a value, ignores inherited keys and escapes values for JSON", () => {
    expect(renderManifest('{"a":"x${{SUFFIX}}"}', { SUFFIX: "" })).toBe('{"a":"x"}');
    expect(() => renderManifest('"${{constructor}}"', {})).toThrow(MissingVariablesError);
    expect(JSON.parse(renderManifest('{"a":"${{V}}"}', { V: 'say "hi"\\' }))).toEqual({ a: 'say "hi"\\' });
    expect(renderManifest("${{ SPACED }}", { SPACED: "ok" }, { escape: "none" })).toBe("ok");
    expect(() => renderManifest('"${{bad-name}}"', {})).toThrow(/Malformed placeholder/);
  });
});

describe("environment files", () => {
  it("applies .env.<env>, then .env.<env>.user, then process.env", async () => {
    const root = path.join(tmp, "precedence");
    const envDir = path.join(root, "teamsapp", "env");
    mkdirSync(envDir, { recursive: true });
    writeFileSync(path.join(envDir, ".env.demo"), "A=file\nB=file\nC=file\n# comment\nSUFFIX=\" (demo)\"\n");
    // A placeholder secret, written so that no line looks like a committed one.
    writeFileSync(path.join(envDir, ".env.demo.user"), `B=user\nC=user\nSECRET_X=${"x"}\n`);
    const loaded = await loadEnvValues("demo", { rootDir: root, processEnv: { C: "process" } });
    expect(loaded.values).toMatchObject({ A: "file", B: "user", C: "process", SUFFIX: " (demo)", SECRET_X: "x" });
    expect(loaded.files).toEqual(["teamsapp/env/.env.demo", "teamsapp/env/.env.demo.user"]);
  });

  it("reports an unknown environment with the known ones", async () => {
    await expect(loadEnvValues("nope", { processEnv: {} })).rejects.toThrow(/\.env\.nope.*Known environments: .*local/);
    await expect(loadEnvValues("../secrets", { processEnv: {} })).rejects.toThrow(/Invalid environment name/);
  });
});

describe("icons", () => {
  const colorPng = readFileSync(path.join(manifestDir, "color.png"));
  const outlinePng = readFileSync(path.join(manifestDir, "outline.png"));

  it("has a 192×192 colour icon and a 32×32 outline icon", () => {
    expect(imageSize(colorPng)).toMatchObject({ type: "png", width: 192, height: 192 });
    expect(imageSize(outlinePng)).toMatchObject({ type: "png", width: 32, height: 32 });
  });

  it("has a white-only outline icon on a transparent background", () => {
    // IHDR: bit depth at byte 24, colour type at byte 25 (6 = RGBA).
    expect(outlinePng[24]).toBe(8);
    expect(outlinePng[25]).toBe(6);
    const { width, height, rgba } = decodePng(outlinePng);
    const alphaAt = (x: number, y: number) => rgba[(y * width + x) * 4 + 3];
    for (const [x, y] of [[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1]] as const) {
      expect(alphaAt(x, y)).toBe(0);
    }
    let transparent = 0;
    let visible = 0;
    const nonWhite: string[] = [];
    for (let i = 0; i < rgba.length; i += 4) {
      if (rgba[i + 3] === 0) {
        transparent++;
        continue;
      }
      visible++;
      if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) nonWhite.push(`pixel ${i / 4}`);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(visible).toBeGreaterThan(0);
    expect(nonWhite).toEqual([]);
  });

  it("matches what manifest/icons.ts generates (run `npx tsx manifest/icons.ts` after changing it)", () => {
    expect(Buffer.from(decodePng(colorPng).rgba).equals(Buffer.from(colorIcon().rgba))).toBe(true);
    expect(Buffer.from(decodePng(outlinePng).rgba).equals(Buffer.from(outlineIcon().rgba))).toBe(true);
  });
});

describe("packageApp", () => {
  it("writes manifest.local.json and a zip holding exactly manifest.json, color.png and outline.png", async () => {
    const outDir = path.join(tmp, "build");
    const result = await packageApp({ env: "local", outDir, processEnv: {} });
    expect(result.manifestPath).toBe(path.join(outDir, "manifest.local.json"));
    expect(result.zipPath).toBe(path.join(outDir, "appPackage.local.zip"));

    const zip = await JSZip.loadAsync(readFileSync(result.zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(Object.values(zip.files).some((entry) => entry.dir)).toBe(false);

    const zipped = JSON.parse(await zip.file("manifest.json")!.async("string")) as Record<string, unknown>;
    expect(zipped).toEqual(JSON.parse(readFileSync(result.manifestPath, "utf8")));
    expect(JSON.stringify(zipped)).not.toMatch(/\$\{\{/);
    expect(await AppManifestUtils.validateAgainstSchema(zipped as unknown as AppManifest)).toEqual([]);
    for (const icon of ["color.png", "outline.png"]) {
      const bytes = await zip.file(icon)!.async("nodebuffer");
      expect(bytes.equals(readFileSync(path.join(manifestDir, icon)))).toBe(true);
    }
  });

  it("lists every schema problem and writes nothing", async () => {
    const outDir = path.join(tmp, "invalid");
    const attempt = packageApp({
      env: "local",
      outDir,
      processEnv: { BOT_ID: "not-a-guid", TAB_ENDPOINT: "ftp://nowhere" },
    });
    const caught = await attempt.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(PackageError);
    const errors = (caught as PackageError).errors;
    expect(errors.some((error) => error.includes("/bots/0/botId"))).toBe(true);
    expect(errors.some((error) => error.includes("/staticTabs/0/contentUrl"))).toBe(true);
    expect(errors.some((error) => error.includes("not listed in validDomains"))).toBe(true);
    expect(() => readFileSync(path.join(outDir, "appPackage.local.zip"))).toThrow();
  });

  it("reports missing variables by name", async () => {
    const root = path.join(tmp, "missing");
    mkdirSync(path.join(root, "teamsapp", "env"), { recursive: true });
    writeFileSync(
      path.join(root, "teamsapp", "env", ".env.partial"),
      "TEAMS_APP_ID=11111111-1111-4111-8111-111111111111\nAPP_NAME_SUFFIX=\nTAB_ENDPOINT=https://x.example\nTAB_DOMAIN=x.example\n",
    );
    const attempt = packageApp({ env: "partial", rootDir: root, templatePath, outDir: path.join(root, "out"), processEnv: {} });
    const error = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PackageError);
    const messages = (error as PackageError).errors;
    expect(messages).toHaveLength(2);
    expect(messages.join("\n")).toMatch(/BOT_ID has no value/);
    expect(messages.join("\n")).toMatch(/AAD_APP_CLIENT_ID has no value/);
  });
});
