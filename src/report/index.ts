/**
 * The report's public surface: evidence records → JSON, Markdown, HTML with SVG figures.
 * Generic — nothing here knows a claim; the claim-aware assembly is properties/report/.
 * Figure builders return Figure specs (Vega-Lite or tables); writeReport renders them.
 */
export { calibrationBars, wilsonInterval } from './figures/calibrationBars.js';
export { diagonalScatter } from './figures/diagonalScatter.js';
export { figureId } from './figures/figure.js';
export { formatNumber } from './figures/format.js';
export { histogramWithDensity } from './figures/histogramWithDensity.js';
export { ksCriticalValue } from './figures/ksCriticalValue.js';
export { lossCurves } from './figures/lossCurves.js';
export { outcomeBars } from './figures/outcomeBars.js';
export { ppPlotWithKsBand } from './figures/ppPlotWithKsBand.js';
export { rankTable } from './figures/rankTable.js';
export { ratioStrip } from './figures/ratioStrip.js';
export { renderFigure, renderSvg } from './figures/render.js';
export { screePlot } from './figures/screePlot.js';
export { renderHtml } from './html/renderHtml.js';
export { ReportInputError, serializeReport } from './json.js';
export { parseReportText } from './readReport.js';
export { renderMarkdown } from './markdown.js';
export { mergeUnits } from './merge.js';
export { createProgress, silentProgress } from './progress/progress.js';
export { writeReport } from './writeReport.js';

export type { CalibrationRow } from './figures/calibrationBars.js';
export type { DiagonalPoint } from './figures/diagonalScatter.js';
export type { Figure, RenderedFigure, TableFigure, VegaLiteFigure } from './figures/figure.js';
export type { LossCurve } from './figures/lossCurves.js';
export type { PpPlotResult } from './figures/ppPlotWithKsBand.js';
export type { RankCase } from './figures/rankTable.js';
export type { RatioPoint } from './figures/ratioStrip.js';
export type { ScreeCase } from './figures/screePlot.js';
export type { Progress, UnitSummary } from './progress/progress.js';
export type { CaseRecord, ClaimEntry, ConformanceReport, EnvironmentInfo, KeyNumber, PropertyRecord, Verdict } from './types.js';
