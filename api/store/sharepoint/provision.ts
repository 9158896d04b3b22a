// Creates the lists, columns and indexes the store needs on the site,
// idempotently: a second run changes nothing, a missing column is added, a
// column that should be indexed is indexed, and a column of the wrong type is
// reported, never changed (it may hold data).
import type { GraphTransport } from "./graph-transport.js";
import { allListSpecs, columnDefinition, columnTypeOf, type ListSpec } from "./list-schema.js";
import { findLists } from "./sharepoint-store.js";

export interface ProvisioningReport {
  createdLists: string[];
  addedColumns: string[];
  indexedColumns: string[];
  /** "List.column: is note, should be text" */
  wrongTypes: string[];
  unchangedLists: string[];
}

interface ExistingColumn {
  id: string;
  name: string;
  indexed?: boolean;
  [facet: string]: unknown;
}

async function columnsOf(graph: GraphTransport, listPath: string): Promise<ExistingColumn[]> {
  const columns: ExistingColumn[] = [];
  let next: string | undefined = `${listPath}/columns`;
  while (next) {
    const page: { value: ExistingColumn[]; "@odata.nextLink"?: string } = await graph.get(next);
    columns.push(...page.value);
    next = page["@odata.nextLink"] ? graph.relative(page["@odata.nextLink"]) : undefined;
  }
  return columns;
}

export async function provisionLists(graph: GraphTransport, siteId: string, specs: ListSpec[] = allListSpecs()): Promise<ProvisioningReport> {
  const report: ProvisioningReport = { createdLists: [], addedColumns: [], indexedColumns: [], wrongTypes: [], unchangedLists: [] };
  const lists = await findLists(graph, siteId);
  for (const spec of specs) {
    const listId = lists.get(spec.displayName);
    if (!listId) {
      await graph.post(`/sites/${siteId}/lists`, {
        displayName: spec.displayName,
        description: spec.description,
        columns: spec.columns.map(columnDefinition),
        list: { template: "genericList" },
      });
      report.createdLists.push(spec.displayName);
      continue;
    }
    const listPath = `/sites/${siteId}/lists/${listId}`;
    const existing = new Map((await columnsOf(graph, listPath)).map((column) => [column.name, column]));
    let changed = false;
    for (const column of spec.columns) {
      const found = existing.get(column.name);
      const label = `${spec.displayName}.${column.name}`;
      if (!found) {
        await graph.post(`${listPath}/columns`, columnDefinition(column));
        report.addedColumns.push(label);
        changed = true;
        continue;
      }
      const type = columnTypeOf(found);
      if (type !== column.type) {
        report.wrongTypes.push(`${label}: is ${type}, should be ${column.type}`);
        continue;
      }
      if (column.indexed && !found.indexed) {
        await graph.patch(`${listPath}/columns/${found.id}`, { indexed: true });
        report.indexedColumns.push(label);
        changed = true;
      }
    }
    if (!changed) report.unchangedLists.push(spec.displayName);
  }
  return report;
}

export function describeReport(report: ProvisioningReport): string {
  const lines = [
    `Lists created: ${report.createdLists.length ? report.createdLists.join(", ") : "none"}`,
    `Columns added: ${report.addedColumns.length ? report.addedColumns.join(", ") : "none"}`,
    `Columns indexed: ${report.indexedColumns.length ? report.indexedColumns.join(", ") : "none"}`,
    `Lists already as needed: ${report.unchangedLists.length}`,
  ];
  if (report.wrongTypes.length > 0) {
    lines.push(
      `Columns of the wrong type (left unchanged; fix or delete them in SharePoint, then run this again):`,
      ...report.wrongTypes.map((problem) => `  - ${problem}`),
    );
  }
  return lines.join("\n");
}
