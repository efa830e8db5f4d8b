/**
 * The report is a function of its evidence. Writing one: conformance.json is serialised from
 * the assembled report, read back through the same validation `report render` uses, and the
 * HTML and Markdown are rendered from what was read back — so a run's HTML and
 * `report render <conformance.json>` are the same function of the same bytes.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { claimFigures } from './assemble/assemble.js';
import { claimIn, type ClaimCatalogue } from './claims/claimHook.js';
import type { RenderedFigure } from './figures/figure.js';
import { renderFigure } from './figures/render.js';
import { renderHtml } from './html/renderHtml.js';
import { ReportInputError, serializeReport } from './json.js';
import { renderMarkdown } from './markdown.js';
import { MAX_REPORT_BYTES, parseReportText } from './readReport.js';
import type { ConformanceReport } from './types.js';

export interface WrittenReport {
  readonly dir: string;
  readonly json: string;
  readonly html: string;
  readonly markdown: string;
}

export interface RenderedReport {
  readonly html: string;
  readonly markdown: string;
}

/** HTML and Markdown of a report, figures built by each claim's hook from the recorded evidence. */
export async function renderReport(report: ConformanceReport, catalogue: ClaimCatalogue): Promise<RenderedReport> {
  const figures = new Map<string, RenderedFigure[]>();
  for (const c of report.claims) {
    const hook = claimIn(catalogue, c.id)?.hook ?? {};
    const specs = claimFigures({ claim: c.id, units: c.evidence.properties }, hook);
    figures.set(c.id, await Promise.all(specs.map(renderFigure)));
  }
  return { html: renderHtml(report, figures), markdown: renderMarkdown(report) };
}

function filesIn(dir: string): WrittenReport {
  return { dir, json: join(dir, 'conformance.json'), html: join(dir, 'conformance.html'), markdown: join(dir, 'conformance.md') };
}

export async function writeReport(dir: string, report: ConformanceReport, catalogue: ClaimCatalogue): Promise<WrittenReport> {
  const text = serializeReport(report);
  const rendered = await renderReport(parseReportText(text, 'the assembled report', catalogue), catalogue);
  mkdirSync(dir, { recursive: true });
  const files = filesIn(dir);
  writeFileSync(files.json, text);
  writeFileSync(files.html, rendered.html);
  writeFileSync(files.markdown, rendered.markdown);
  return files;
}

/** Reads a conformance.json from disk with its size checked first. */
export function readReportFile(file: string, catalogue: ClaimCatalogue): ConformanceReport {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new ReportInputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)}); pass the path of a conformance.json`);
  }
  if (size > MAX_REPORT_BYTES) throw new ReportInputError(`${file}: ${size} bytes is larger than the ${MAX_REPORT_BYTES}-byte limit for a conformance.json; is this the right file?`);
  return parseReportText(readFileSync(file, 'utf8'), file, catalogue);
}

/** `report render`: HTML and Markdown rebuilt from a conformance.json alone (no property, no engine). */
export async function renderReportFile(file: string, outDir: string, catalogue: ClaimCatalogue): Promise<WrittenReport> {
  const report = readReportFile(file, catalogue);
  const rendered = await renderReport(report, catalogue);
  mkdirSync(outDir, { recursive: true });
  const files = filesIn(outDir);
  if (resolve(outDir, 'conformance.json') !== resolve(file)) writeFileSync(files.json, serializeReport(report));
  writeFileSync(files.html, rendered.html);
  writeFileSync(files.markdown, rendered.markdown);
  return files;
}
