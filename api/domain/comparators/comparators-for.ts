import { DomainError } from "../errors.js";
import { NO_PUBLISHED_NEIGHBOUR, NO_ROW, notPublished, published, type PublishedValue } from "./published-value.js";
import { GEOGRAPHIC_LEVELS, type NeighbourGroup, type StatisticsRow } from "./statistics.js";

// Comparators for one authority and one measure, per time period: the
// authority's own published value, its region's (the region named on the
// authority's own rows), England's, and the average of its statistical
// neighbours over those with a published value. Suppressed values stay "not
// published" and are left out of the average; they are never counted as zero.
//
// Neighbours are listed in the groupings file by old three-digit LA number and
// are matched to the rows' old_la_code within each time period, so that an
// authority whose nine-character code changed (North Yorkshire in 2024) is
// still found.

export interface ComparatorsQuery {
  readonly rows: readonly StatisticsRow[];
  readonly neighbours: readonly NeighbourGroup[];
  /** The authority's nine-character LA code, such as E10000014 (Hampshire). */
  readonly laCode: string;
  /** A measure column of the file, such as rereferral_percent. */
  readonly measure: string;
  /** Only this time period (as written in the file's time_period column). */
  readonly timePeriod?: string;
  /** The file's name, for messages. */
  readonly source?: string;
}

/** An area's value for one period; `row` is where it came from (null if the file has no row). */
export interface AreaValue {
  readonly name: string;
  readonly row: number | null;
  readonly value: PublishedValue;
}

export interface NeighbourValue {
  /** 1 for the closest neighbour. */
  readonly rank: number;
  readonly laNumber: string;
  readonly name: string;
  readonly closeness: string;
  /** The neighbour's nine-character code in this period, or null if the file has no row for it. */
  readonly laCode: string | null;
  readonly row: number | null;
  readonly value: PublishedValue;
}

export interface NeighbourComparison {
  /** Mean of the published values; "not published" if no neighbour has one. */
  readonly average: PublishedValue;
  /** How many neighbours the average is over. */
  readonly publishedCount: number;
  /** All the authority's statistical neighbours, closest first. */
  readonly members: readonly NeighbourValue[];
  /** The members whose value was not published (left out of the average). */
  readonly notPublished: readonly NeighbourValue[];
}

export interface PeriodComparators {
  readonly timePeriod: string;
  readonly timeIdentifier: string;
  readonly authority: AreaValue;
  readonly region: AreaValue;
  readonly england: AreaValue;
  readonly neighbours: NeighbourComparison;
}

export interface Comparators {
  readonly measure: string;
  readonly laCode: string;
  readonly authorityName: string;
  /** False if the groupings file has no entry for the authority (then no neighbours are listed). */
  readonly neighbourGroupFound: boolean;
  /** Oldest period first. */
  readonly periods: readonly PeriodComparators[];
}

interface PeriodIndex {
  readonly national: StatisticsRow[];
  readonly regional: Map<string, StatisticsRow[]>;
  readonly authoritiesByOldCode: Map<string, StatisticsRow[]>;
}

export function comparatorsFor(query: ComparatorsQuery): Comparators {
  const source = query.source ?? "the statistics file";
  const { rows, measure } = query;
  if (rows.length === 0) {
    throw new DomainError("invalid_record", `${capitalise(source)} has no rows of figures.`, { source });
  }
  const measures = measureColumns(rows);
  if (!measures.includes(measure)) {
    throw new DomainError(
      "invalid_query",
      `${capitalise(source)} has no measure column "${measure}". Its measure columns are: ${measures.join(", ")}.`,
      { source, measure, measures },
    );
  }

  const laCode = query.laCode.trim().toUpperCase();
  const authorityRows = rows.filter(
    (row) => row.geographicLevel === GEOGRAPHIC_LEVELS.localAuthority && row.newLaCode === laCode,
  );
  if (authorityRows.length === 0) throw unknownAuthority(query.laCode, rows, source);

  const index = indexByPeriod(rows);
  const ownRowsByPeriod = groupBy(authorityRows, (row) => row.timePeriod);
  let periods = [...ownRowsByPeriod.keys()].sort(comparePeriods);
  if (query.timePeriod !== undefined) {
    const wanted = query.timePeriod.trim();
    if (!ownRowsByPeriod.has(wanted)) {
      const authorityName = authorityRows[authorityRows.length - 1]?.laName ?? laCode;
      throw new DomainError(
        "not_found",
        `${capitalise(source)} has no row for ${authorityName} (${laCode}) in ${wanted}. It has: ${periods.join(", ")}.`,
        { source, laCode, timePeriod: wanted, timePeriods: periods },
      );
    }
    periods = [wanted];
  }

  const groups = new Map<string, NeighbourGroup>();
  for (const group of query.neighbours) if (!groups.has(group.laNumber)) groups.set(group.laNumber, group);

  let neighbourGroupFound = false;
  const result = periods.map((timePeriod): PeriodComparators => {
    const ownRows = ownRowsByPeriod.get(timePeriod) ?? [];
    const own = single(ownRows, `${ownRows[0]?.laName ?? ""} (${laCode})`, timePeriod, source);
    if (own === undefined) throw new Error("unreachable: the period came from the authority's own rows");
    const periodIndex = index.get(timePeriod) ?? emptyIndex();
    const regionRow = single(periodIndex.regional.get(own.regionName) ?? [], `the ${own.regionName} region`, timePeriod, source);
    const englandRow = single(periodIndex.national, "England", timePeriod, source);
    const group = groups.get(own.oldLaCode);
    if (group !== undefined) neighbourGroupFound = true;
    const members = (group?.neighbours ?? []).map((neighbour): NeighbourValue => {
      const row = single(
        periodIndex.authoritiesByOldCode.get(neighbour.laNumber) ?? [],
        `LA number ${neighbour.laNumber}`,
        timePeriod,
        source,
      );
      return {
        rank: neighbour.rank,
        laNumber: neighbour.laNumber,
        name: groups.get(neighbour.laNumber)?.name ?? row?.laName ?? `LA number ${neighbour.laNumber}`,
        closeness: neighbour.closeness,
        laCode: row?.newLaCode ?? null,
        row: row?.row ?? null,
        value: valueOf(row, measure),
      };
    });
    return {
      timePeriod,
      timeIdentifier: own.timeIdentifier,
      authority: { name: own.laName, row: own.row, value: valueOf(own, measure) },
      region: { name: own.regionName, row: regionRow?.row ?? null, value: valueOf(regionRow, measure) },
      england: { name: "England", row: englandRow?.row ?? null, value: valueOf(englandRow, measure) },
      neighbours: compareNeighbours(members),
    };
  });

  const latest = ownRowsByPeriod.get(periods[periods.length - 1] ?? "")?.[0] ?? authorityRows[0];
  return {
    measure,
    laCode,
    authorityName: latest?.laName ?? laCode,
    neighbourGroupFound,
    periods: result,
  };
}

/** The measure columns present in the rows, in the file's order. */
export function measureColumns(rows: readonly StatisticsRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row.values)) seen.add(column);
  return [...seen];
}

function compareNeighbours(members: NeighbourValue[]): NeighbourComparison {
  const publishedValues: number[] = [];
  for (const member of members) if (member.value.kind === "published") publishedValues.push(member.value.value);
  const average =
    publishedValues.length === 0
      ? notPublished(NO_PUBLISHED_NEIGHBOUR)
      : published(publishedValues.reduce((sum, value) => sum + value, 0) / publishedValues.length);
  return {
    average,
    publishedCount: publishedValues.length,
    members,
    notPublished: members.filter((member) => member.value.kind === "not_published"),
  };
}

function valueOf(row: StatisticsRow | undefined, measure: string): PublishedValue {
  if (row === undefined) return notPublished(NO_ROW);
  return row.values[measure] ?? notPublished(NO_ROW);
}

function indexByPeriod(rows: readonly StatisticsRow[]): Map<string, PeriodIndex> {
  const index = new Map<string, PeriodIndex>();
  for (const row of rows) {
    let entry = index.get(row.timePeriod);
    if (entry === undefined) {
      entry = emptyIndex();
      index.set(row.timePeriod, entry);
    }
    if (row.geographicLevel === GEOGRAPHIC_LEVELS.national) entry.national.push(row);
    else if (row.geographicLevel === GEOGRAPHIC_LEVELS.regional) push(entry.regional, row.regionName, row);
    else if (row.geographicLevel === GEOGRAPHIC_LEVELS.localAuthority) push(entry.authoritiesByOldCode, row.oldLaCode, row);
  }
  return index;
}

function emptyIndex(): PeriodIndex {
  return { national: [], regional: new Map(), authoritiesByOldCode: new Map() };
}

/** The one row for an area in a period; more than one means the file breaks figures down further. */
function single(rows: readonly StatisticsRow[], area: string, timePeriod: string, source: string): StatisticsRow | undefined {
  if (rows.length > 1) {
    const numbers = rows.map((row) => row.row);
    const listed = `${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
    throw new DomainError(
      "invalid_record",
      `Rows ${listed} of ${source} ${numbers.length === 2 ? "both" : "all"} hold ${area} for ${timePeriod}, so there is no single value to compare. ` +
        "The file seems to break the figures down further (by another column); comparators need one row per area and period.",
      { source, area, timePeriod, rows: numbers },
    );
  }
  return rows[0];
}

function unknownAuthority(laCode: string, rows: readonly StatisticsRow[], source: string): DomainError {
  const wanted = laCode.trim();
  const authorities = rows.filter((row) => row.geographicLevel === GEOGRAPHIC_LEVELS.localAuthority);
  const byOldCode = authorities.find((row) => row.oldLaCode === wanted);
  const byName = authorities.find((row) => row.laName.toLowerCase() === wanted.toLowerCase());
  const combined = authorities.find((row) =>
    row.newLaCode
      .split("/")
      .map((part) => part.trim().toUpperCase())
      .includes(wanted.toUpperCase()),
  );
  const example = byOldCode ?? byName ?? authorities[0];
  let hint: string;
  if (combined !== undefined) {
    hint = `The file reports that authority only together with others, as ${combined.laName} (LA code "${combined.newLaCode}").`;
  } else if (byOldCode !== undefined) {
    hint = `${wanted} is the old LA number of ${byOldCode.laName}; its nine-character LA code is ${byOldCode.newLaCode}.`;
  } else if (byName !== undefined) {
    hint = `${byName.laName}'s LA code is ${byName.newLaCode}.`;
  } else if (example !== undefined) {
    hint = `An LA code has nine characters, such as ${example.newLaCode} (${example.laName}).`;
  } else {
    hint = "The file has no local authority rows at all.";
  }
  return new DomainError("not_found", `No local authority has the LA code "${wanted}" in ${source}. ${hint}`, {
    source,
    laCode: wanted,
  });
}

function comparePeriods(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) push(groups, key(item), item);
  return groups;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [item]);
  else list.push(item);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
