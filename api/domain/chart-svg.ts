// Draws a report chart (ChartSpec) as SVG text: vertical bars, stacked or
// not, with a value axis, category labels and a legend. The same SVG goes
// inline into the printable HTML and, converted to PNG, into the Word
// document. The chart's title and alt text travel inside it (<title>,
// <desc>) for screen readers. Pure string building; every text is escaped.
import type { ChartSpec } from "./report-pack.js";

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 340;

// Distinguishable colours with at least 3:1 contrast on white (WCAG 1.4.11).
const palette = ["#1d6b3a", "#2f7fbf", "#b35c00", "#b0232a", "#6b4ea0", "#40717d"];

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Up to two lines of about `width` characters; longer labels end in an ellipsis. */
function labelLines(label: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/)) {
    if ((line + " " + word).trim().length > width && line) {
      lines.push(line);
      line = word;
    } else line = (line + " " + word).trim();
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines.map((text) => (text.length > width + 4 ? `${text.slice(0, width)}…` : text));
  return [lines[0]!, `${lines[1]!.slice(0, width)}…`];
}

/** A round number at or above `max` for the top of the value axis. */
function axisTop(max: number, unit: ChartSpec["unit"]): number {
  if (unit === "percent") return 100;
  if (max <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

/** `elementId` keeps the title and description ids unique when several charts share a page. */
export function chartSvg(spec: ChartSpec, elementId = "chart"): string {
  const left = 48;
  const right = 16;
  const top = 40;
  const legendHeight = spec.series.length > 1 ? 28 : 0;
  const bottom = 56 + legendHeight;
  const plotWidth = CHART_WIDTH - left - right;
  const plotHeight = CHART_HEIGHT - top - bottom;
  const stacked = spec.kind === "stacked_bar";
  const heights = spec.categories.map((_, index) =>
    stacked ? spec.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0) : Math.max(0, ...spec.series.map((series) => series.values[index] ?? 0)),
  );
  const top100 = axisTop(Math.max(0, ...heights), spec.unit);
  const y = (value: number) => top + plotHeight - (value / top100) * plotHeight;
  const parts: string[] = [];
  const font = `font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"`;

  parts.push(`<text x="${left}" y="24" ${font} font-size="15" font-weight="bold" fill="#1a1a1a">${escapeXml(spec.title)}</text>`);
  // Counts get whole-number ticks: 5 ticks for 5, 10, 50…; 4 for 20, 100, 200…
  const ticks = spec.unit === "count" && top100 % 4 !== 0 ? 5 : 4;
  for (let tick = 0; tick <= ticks; tick += 1) {
    const value = (top100 * tick) / ticks;
    const ty = y(value);
    parts.push(`<line x1="${left}" y1="${ty}" x2="${left + plotWidth}" y2="${ty}" stroke="#d0d0d0" stroke-width="1"/>`);
    const label = Number.isInteger(value) ? String(value) : value.toFixed(1);
    parts.push(`<text x="${left - 6}" y="${ty + 4}" ${font} font-size="11" text-anchor="end" fill="#444">${label}${spec.unit === "percent" ? "%" : ""}</text>`);
  }

  if (spec.categories.length === 0) {
    parts.push(`<text x="${left + plotWidth / 2}" y="${top + plotHeight / 2}" ${font} font-size="13" text-anchor="middle" fill="#444">No data for this period</text>`);
  }
  const slot = spec.categories.length ? plotWidth / spec.categories.length : plotWidth;
  const barGroup = slot * 0.7;
  const labelWidth = Math.max(6, Math.floor(slot / 7));
  spec.categories.forEach((category, index) => {
    const x0 = left + index * slot + (slot - barGroup) / 2;
    let stackBase = 0;
    spec.series.forEach((series, seriesIndex) => {
      const value = series.values[index] ?? 0;
      const colour = palette[seriesIndex % palette.length];
      const barWidth = stacked ? barGroup : barGroup / spec.series.length;
      const x = stacked ? x0 : x0 + seriesIndex * barWidth;
      const from = stacked ? stackBase : 0;
      const height = y(from) - y(from + value);
      if (value === 0 && !stacked) {
        // A zero is a figure too: say so, rather than leave a gap that looks like missing data.
        parts.push(`<text x="${(x + barWidth / 2).toFixed(1)}" y="${(y(0) - 4).toFixed(1)}" ${font} font-size="11" text-anchor="middle" fill="#1a1a1a">0${spec.unit === "percent" ? "%" : ""}</text>`);
      }
      if (value > 0) {
        parts.push(`<rect x="${x.toFixed(1)}" y="${y(from + value).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}" fill="${colour}"><title>${escapeXml(`${category}, ${series.name}: ${value}${spec.unit === "percent" ? "%" : ""}`)}</title></rect>`);
        if (!stacked || height >= 14) {
          const labelY = stacked ? y(from + value) + height / 2 + 4 : y(value) - 4;
          parts.push(`<text x="${(x + barWidth / 2).toFixed(1)}" y="${labelY.toFixed(1)}" ${font} font-size="11" text-anchor="middle" fill="${stacked ? "#ffffff" : "#1a1a1a"}">${value}${spec.unit === "percent" ? "%" : ""}</text>`);
        }
      }
      stackBase += stacked ? value : 0;
    });
    labelLines(category, labelWidth).forEach((line, lineIndex) => {
      parts.push(`<text x="${(left + index * slot + slot / 2).toFixed(1)}" y="${top + plotHeight + 16 + lineIndex * 13}" ${font} font-size="11" text-anchor="middle" fill="#1a1a1a">${escapeXml(line)}</text>`);
    });
  });
  parts.push(`<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="#444" stroke-width="1"/>`);

  if (legendHeight) {
    let x = left;
    const legendY = CHART_HEIGHT - 14;
    spec.series.forEach((series, seriesIndex) => {
      parts.push(`<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${palette[seriesIndex % palette.length]}"/>`);
      parts.push(`<text x="${x + 16}" y="${legendY}" ${font} font-size="11" fill="#1a1a1a">${escapeXml(series.name)}</text>`);
      x += 28 + series.name.length * 6.5;
    });
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img" aria-labelledby="${elementId}-title ${elementId}-desc">`,
    `<title id="${elementId}-title">${escapeXml(spec.title)}</title>`,
    `<desc id="${elementId}-desc">${escapeXml(spec.altText)}</desc>`,
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    ...parts,
    `</svg>`,
  ].join("\n");
}
