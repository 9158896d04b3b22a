// The report pack as a Word document: a heading per section, its
// introduction, figures, chart (a PNG with alt text), tables, and the QA
// lead's narrative in a box.
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun, type FileChild } from "docx";
import type { ReportPack } from "../domain/report-pack.js";
import { chartPng } from "./chart-png.js";
import { boxedParagraphs, docxTable } from "./docx-parts.js";

export const NARRATIVE_HEADING = "QA lead's narrative";
export const NO_NARRATIVE = "The QA lead has not written a narrative for this section.";

export async function reportPackDocx(pack: ReportPack): Promise<Buffer> {
  const children: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(pack.title)] }),
    new Paragraph({ children: [new TextRun({ text: `${pack.authorityName}: ${pack.scopeLabel}`, bold: true })] }),
    new Paragraph({ children: [new TextRun(`Period: ${pack.period.from} to ${pack.period.to}. Generated ${pack.generatedAt.slice(0, 16).replace("T", " ")} UTC by Golden Thread.`)] }),
  ];
  pack.sections.forEach((section, index) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }));
    children.push(new Paragraph({ children: [new TextRun(section.intro)] }));
    if (section.figures.length > 0) children.push(docxTable(["Figure", "Value"], section.figures.map((figure) => [figure.label, figure.value])), new Paragraph(""));
    if (section.chart) {
      const { png, width, height } = chartPng(section.chart);
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: "png",
              data: png,
              transformation: { width: width * 0.9, height: height * 0.9 },
              altText: { name: `chart-${index + 1}`, title: section.chart.title, description: section.chart.altText },
            }),
          ],
        }),
      );
    }
    for (const table of section.tables) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(table.caption)] }));
      children.push(table.rows.length > 0 ? docxTable(table.columns, table.rows) : new Paragraph({ children: [new TextRun({ text: table.emptyText, italics: true })] }));
    }
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(NARRATIVE_HEADING)] }));
    children.push(...boxedParagraphs(section.narrative, NO_NARRATIVE));
  });
  const document = new Document({
    creator: "Golden Thread",
    title: `${pack.title} (${pack.scopeLabel})`,
    description: `Monthly QA report pack for ${pack.authorityName}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
