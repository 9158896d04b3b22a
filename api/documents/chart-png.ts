// A report chart as a PNG for the Word document: the same SVG the HTML shows,
// rasterised by resvg at twice the size so it prints sharply.
import { Resvg } from "@resvg/resvg-js";
import { CHART_HEIGHT, CHART_WIDTH, chartSvg } from "../domain/chart-svg.js";
import type { ChartSpec } from "../domain/report-pack.js";

export function chartPng(spec: ChartSpec): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(chartSvg(spec), {
    fitTo: { mode: "width", value: CHART_WIDTH * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return { png: resvg.render().asPng(), width: CHART_WIDTH, height: CHART_HEIGHT };
}
