// Word building blocks the report pack and the self-evaluation share: a
// table with a header row, figures as a two-column table, and a boxed
// narrative paragraph.
import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

const border = { style: BorderStyle.SINGLE, size: 4, color: "999999" };
const borders = { top: border, bottom: border, left: border, right: border };

export function docxTable(columns: readonly string[], rows: readonly (readonly string[])[]): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      borders,
      shading: header ? { type: ShadingType.CLEAR, fill: "E7E6E6", color: "auto" } : undefined,
      children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((column) => cell(column, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((value) => cell(value, false)) })),
    ],
  });
}

/** A boxed paragraph per line of the text; `placeholder` (in italics) when there is none. */
export function boxedParagraphs(text: string, placeholder: string): Paragraph[] {
  const box = { top: border, bottom: border, left: border, right: border };
  const lines = text.trim() ? text.trim().split(/\n+/) : [];
  if (lines.length === 0) return [new Paragraph({ border: box, children: [new TextRun({ text: placeholder, italics: true })] })];
  return lines.map((line) => new Paragraph({ border: box, children: [new TextRun(line)] }));
}
