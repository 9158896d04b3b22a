// The grades table the moderation cards share: per section, the auditor's
// grade, the moderator's grade, the outcome and (once resolved) the final grade.

const cell = (text: string, bold = false) => ({
  type: "TableCell",
  items: [{ type: "TextBlock", text, wrap: true, ...(bold ? { weight: "Bolder" } : {}) }],
});

/** A table over `${rows}`; `columns` name the headings and the row fields shown. */
export function gradeTable(columns: readonly { heading: string; field: string; width?: number }[]) {
  return {
    type: "Table",
    firstRowAsHeader: true,
    columns: [{ width: 3 }, ...columns.map((column) => ({ width: column.width ?? 2 }))],
    rows: [
      { type: "TableRow", cells: [cell("Section", true), ...columns.map((column) => cell(column.heading, true))] },
      { $data: "${rows}", type: "TableRow", cells: [cell("${title}"), ...columns.map((column) => cell(`\${${column.field}}`))] },
    ],
  } as const;
}
