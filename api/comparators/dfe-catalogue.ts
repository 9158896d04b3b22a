// Every DfE file in one folder, read once and kept: the statistics files (any
// file with the DfE layout's columns, whatever its measures) and the
// statistical neighbour groupings (the file whose header has LA num and SN1).
// A file added to the folder is picked up on the next start, with no code change.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { comparatorsFor, GEOGRAPHIC_LEVELS, type Comparators, type NeighbourGroup, type StatisticsTable } from "../domain/comparators/index.js";
import { DomainError } from "../domain/errors.js";
import { parseDfeStatisticsCsv, parseStatisticalNeighboursCsv, REQUIRED_COLUMNS } from "./dfe-files.js";

export interface DfeAuthority {
  readonly laCode: string;
  readonly name: string;
  readonly regionName: string;
}

interface Catalogue {
  readonly tables: Map<string, StatisticsTable>;
  readonly neighbours: NeighbourGroup[];
  readonly neighboursFile: string | null;
}

export class DfeCatalogue {
  private loading?: Promise<Catalogue>;

  constructor(readonly folder: string) {}

  /** The statistics files and their measure columns. */
  async files(): Promise<{ file: string; measures: readonly string[] }[]> {
    const { tables } = await this.load();
    return [...tables.values()].map((table) => ({ file: table.source, measures: table.measures }));
  }

  /** The authority's own values, its region, England and its statistical neighbours for one measure. */
  async comparators(file: string, measure: string, laCode: string): Promise<Comparators> {
    const { tables, neighbours } = await this.load();
    const table = tables.get(file);
    if (table === undefined) {
      throw new DomainError("not_found", `There is no DfE statistics file called ${file}. The files are: ${[...tables.keys()].join(", ")}.`, { file });
    }
    return comparatorsFor({ rows: table.rows, neighbours, laCode, measure, source: file });
  }

  /** Every local authority in the latest period of any file, by name. */
  async authorities(): Promise<DfeAuthority[]> {
    const { tables } = await this.load();
    const byCode = new Map<string, DfeAuthority & { period: string }>();
    for (const table of tables.values()) {
      for (const row of table.rows) {
        if (row.geographicLevel !== GEOGRAPHIC_LEVELS.localAuthority || row.newLaCode.includes("/") || row.newLaCode === "") continue;
        const known = byCode.get(row.newLaCode);
        if (known === undefined || row.timePeriod > known.period) {
          byCode.set(row.newLaCode, { laCode: row.newLaCode, name: row.laName, regionName: row.regionName, period: row.timePeriod });
        }
      }
    }
    return [...byCode.values()].map(({ laCode, name, regionName }) => ({ laCode, name, regionName })).sort((a, b) => a.name.localeCompare(b.name));
  }

  private load(): Promise<Catalogue> {
    this.loading ??= this.readFolder().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private async readFolder(): Promise<Catalogue> {
    let names: string[];
    try {
      names = (await readdir(this.folder)).filter((name) => name.toLowerCase().endsWith(".csv")).sort();
    } catch (error) {
      throw new DomainError("not_found", `Cannot read the DfE data folder ${this.folder}: ${(error as Error).message}. Set DFE_DATA_DIR to the folder that holds the DfE statistics files.`, {});
    }
    const tables = new Map<string, StatisticsTable>();
    let neighbours: NeighbourGroup[] = [];
    let neighboursFile: string | null = null;
    for (const name of names) {
      const text = await readFile(join(this.folder, name), "utf8");
      const header = ((parse(text.replace(/^\uFEFF/, ""), { to_line: 1, relax_column_count: true }) as string[][])[0] ?? []).map((cell) => cell.trim());
      if (REQUIRED_COLUMNS.every((column) => header.includes(column))) {
        tables.set(name, parseDfeStatisticsCsv(text, name));
      } else if ((header.includes("LA num") || header.includes("LA number")) && header.includes("SN1")) {
        neighbours = parseStatisticalNeighboursCsv(text, name);
        neighboursFile = name;
      }
    }
    return { tables, neighbours, neighboursFile };
  }
}
