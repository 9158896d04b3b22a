import type { PublishedValue } from "./published-value.js";

// What the comparators are computed from: the rows of a DfE statistics file
// (any file in the DfE layout, whatever its measures) and the statistical
// neighbour groupings. Adapters read the files; this module only describes them.

/** The geographic levels comparators use. Other levels in a file are ignored. */
export const GEOGRAPHIC_LEVELS = {
  national: "National",
  regional: "Regional",
  localAuthority: "Local authority",
} as const;

/** One row of a DfE statistics file. */
export interface StatisticsRow {
  /** Row number in the file, counting the header as row 1. */
  readonly row: number;
  readonly timePeriod: string;
  /** For example "Reporting year"; "" if the file has no time_identifier column. */
  readonly timeIdentifier: string;
  /** "National", "Regional" or "Local authority" in the files we know. */
  readonly geographicLevel: string;
  readonly regionCode: string;
  readonly regionName: string;
  /** The old three-digit LA number, such as 850; "" on national and regional rows. */
  readonly oldLaCode: string;
  /** The nine-character LA code, such as E10000014; "" on national and regional rows. */
  readonly newLaCode: string;
  readonly laName: string;
  /** Every measure column of the file, by column name. */
  readonly values: Readonly<Record<string, PublishedValue>>;
}

/** A DfE statistics file as read: its name, its measure columns and its rows. */
export interface StatisticsTable {
  readonly source: string;
  readonly measures: readonly string[];
  readonly rows: readonly StatisticsRow[];
}

/** One authority's statistical neighbours, closest first. */
export interface NeighbourGroup {
  /** The authority's old three-digit LA number. */
  readonly laNumber: string;
  readonly name: string;
  readonly neighbours: readonly StatisticalNeighbour[];
}

export interface StatisticalNeighbour {
  /** 1 for SN1 (the closest) to 10 for SN10. */
  readonly rank: number;
  /** The neighbour's old three-digit LA number. */
  readonly laNumber: string;
  /** How close the neighbour is, as the file says ("Extremely Close", "Very Close", ...). */
  readonly closeness: string;
}
