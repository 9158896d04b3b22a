// The report pack as one self-contained, printable HTML page: inline SVG
// charts (with their alt text as title and description), tables with
// captions and a print style sheet, so the browser's "Print → Save as PDF"
// gives the PDF. Every text from the model is escaped.
import { chartSvg, escapeXml } from "../domain/chart-svg.js";
import type { ReportPack, ReportTable } from "../domain/report-pack.js";
import { NARRATIVE_HEADING, NO_NARRATIVE } from "./report-pack-docx.js";

const html = escapeXml;

const styles = `
body { font-family: "Segoe UI", Arial, sans-serif; color: #1a1a1a; max-width: 960px; margin: 0 auto; padding: 24px; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #2f5597; padding-bottom: 4px; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #999; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #e7e6e6; }
dl.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 0.6rem 0; }
dl.figures div { border: 1px solid #bbb; padding: 8px 12px; min-width: 140px; }
dl.figures dt { font-size: 0.85rem; } dl.figures dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
figure { margin: 0.6rem 0; } figure svg { max-width: 100%; height: auto; }
.narrative { border: 1px solid #555; padding: 8px 12px; white-space: pre-wrap; }
.empty { font-style: italic; }
section { break-inside: auto; }
@media print {
  body { padding: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-before: page; } section:first-of-type h2 { break-before: auto; }
  figure, table, .narrative { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 18mm 15mm; }
`;

function tableHtml(table: ReportTable): string {
  if (table.rows.length === 0) return `<h3>${html(table.caption)}</h3>\n<p class="empty">${html(table.emptyText)}</p>`;
  const head = table.columns.map((column) => `<th scope="col">${html(column)}</th>`).join("");
  const body = table.rows.map((row) => `<tr>${row.map((value) => `<td>${html(value)}</td>`).join("")}</tr>`).join("\n");
  return `<table>\n<caption>${html(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function reportPackHtml(pack: ReportPack): string {
  const sections = pack.sections.map((section, index) => {
    const figures = section.figures.length
      ? `<dl class="figures">${section.figures.map((figure) => `<div><dt>${html(figure.label)}</dt><dd>${html(figure.value)}</dd></div>`).join("")}</dl>`
      : "";
    const chart = section.chart ? `<figure>${chartSvg(section.chart, `chart-${index + 1}`)}<figcaption>${html(section.chart.title)}</figcaption></figure>` : "";
    const narrative = section.narrative.trim() ? `<div class="narrative">${html(section.narrative.trim())}</div>` : `<div class="narrative empty">${html(NO_NARRATIVE)}</div>`;
    return [
      `<section id="section-${html(section.key)}" aria-labelledby="heading-${html(section.key)}">`,
      `<h2 id="heading-${html(section.key)}">${html(section.heading)}</h2>`,
      `<p>${html(section.intro)}</p>`,
      figures,
      chart,
      ...section.tables.map(tableHtml),
      `<h3>${html(NARRATIVE_HEADING)}</h3>`,
      narrative,
      `</section>`,
    ].join("\n");
  });
  return [
    `<!doctype html>`,
    `<html lang="en-GB">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${html(`${pack.title}: ${pack.scopeLabel}`)}</title>`,
    `<style>${styles}</style></head>`,
    `<body>`,
    `<header><h1>${html(pack.title)}</h1>`,
    `<p><strong>${html(`${pack.authorityName}: ${pack.scopeLabel}`)}</strong></p>`,
    `<p>Period: ${html(pack.period.from)} to ${html(pack.period.to)}. Generated ${html(pack.generatedAt.slice(0, 16).replace("T", " "))} UTC by Golden Thread. To save as PDF, print this page and choose "Save as PDF".</p></header>`,
    `<main>`,
    ...sections,
    `</main>`,
    `</body></html>`,
  ].join("\n");
}
