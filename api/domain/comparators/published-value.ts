import { DomainError } from "../errors.js";

// A value as the Department for Education publishes it: either a number, or a
// code saying why no number was published. A code is never read as zero.

/** The codes DfE statistics put in a cell instead of a number. */
export const SUPPRESSION_CODES = ["c", "x", "z", "u", "low"] as const;
export type SuppressionCode = (typeof SUPPRESSION_CODES)[number];

/** The file has no row for that area and period (for example before a local government reorganisation). */
export const NO_ROW = "no_row";
/** No statistical neighbour has a published value, so there is no average. */
export const NO_PUBLISHED_NEIGHBOUR = "no_published_neighbour";

export type PublishedValue =
  | { readonly kind: "published"; readonly value: number }
  | { readonly kind: "not_published"; readonly code: string };

const numberPattern = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const suppressionCodes: ReadonlySet<string> = new Set(SUPPRESSION_CODES);

const reasons: Readonly<Record<string, string>> = {
  c: "confidential",
  x: "not available",
  z: "not applicable",
  u: "low reliability",
  low: "low (rounds to zero, but is not zero)",
  [NO_ROW]: "no figures in the file for this area and period",
  [NO_PUBLISHED_NEIGHBOUR]: "no statistical neighbour has a published value",
};

/** Where a cell sits, for error messages. `row` counts the header as row 1, as a spreadsheet does. */
export interface CellLocation {
  readonly row: number;
  readonly column: string;
  readonly source?: string;
}

/** True if `text` is a plain decimal number such as 41, 22.6 or -3.5. */
export function isPublishedNumber(text: string): boolean {
  return numberPattern.test(text.trim());
}

/** True if `text` is one of the DfE suppression codes (c, x, z, u, low). */
export function isSuppressionCode(text: string): text is SuppressionCode {
  return suppressionCodes.has(text.trim());
}

/**
 * Reads one cell of a DfE statistics file: a number becomes a published value,
 * a suppression code becomes "not published" (never zero), and anything else
 * is refused with the row and column it came from.
 */
export function parsePublishedValue(text: string, where: CellLocation): PublishedValue {
  const cell = text.trim();
  if (numberPattern.test(cell)) {
    const value = Number(cell);
    if (Number.isFinite(value)) return { kind: "published", value: value === 0 ? 0 : value };
  }
  if (suppressionCodes.has(cell)) return { kind: "not_published", code: cell };
  const place = `Row ${where.row}, column "${where.column}"${where.source ? ` of ${where.source}` : ""}`;
  const content = cell === "" ? "is empty" : `holds "${truncate(cell)}"`;
  throw new DomainError(
    "invalid_record",
    `${place} ${content}, which is neither a number nor a DfE suppression code (${SUPPRESSION_CODES.join(", ")}).`,
    { row: where.row, column: where.column, source: where.source, value: text },
  );
}

/** A short phrase for a "not published" value, for tooltips and reports. */
export function notPublishedReason(code: string): string {
  return reasons[code] ?? "not published";
}

export function published(value: number): PublishedValue {
  return { kind: "published", value };
}

export function notPublished(code: string): PublishedValue {
  return { kind: "not_published", code };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
