// Validates cards against the official Adaptive Cards 1.5 schema (draft-06)
// in ../shared/schemas, the newest version Teams renders.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);
const schemaPath = new URL("../../../shared/schemas/adaptive-card-1.5.json", import.meta.url);

let validate: ValidateFunction | undefined;

export function adaptiveCardProblems(card: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json") as object);
    // The upstream file names its root with draft-04's "id"; ajv 8 wants "$id".
    const { id, ...schema } = JSON.parse(readFileSync(schemaPath, "utf8")) as { id: string };
    validate = ajv.compile({ $id: id, ...schema });
  }
  const problems: string[] = [];
  if (!validate(card)) {
    for (const error of validate.errors ?? []) problems.push(`${error.instancePath || "/"} ${error.message ?? ""}`);
  }
  const version = (card as { version?: string }).version;
  if (version === undefined || Number(version) > 1.5) problems.push(`version ${version ?? "(none)"}: Teams renders up to 1.5`);
  return problems;
}
