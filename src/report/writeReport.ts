/**
 * Writes the three files of a report into one folder: conformance.json (everything, machine
 * readable), conformance.html (self-contained page with the figures) and conformance.md
 * (the summary table). Figures are rendered here, from the Figure specs, to inline SVG.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure, RenderedFigure } from './figures/figure.js';
import { renderFigure } from './figures/render.js';
import { renderHtml } from './html/renderHtml.js';
import { serializeReport } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { ConformanceReport } from './types.js';

export interface WrittenReport {
  readonly dir: string;
  readonly json: string;
  readonly html: string;
  readonly markdown: string;
}

export async function renderFigures(figures: ReadonlyMap<string, readonly Figure[]>): Promise<Map<string, RenderedFigure[]>> {
  const out = new Map<string, RenderedFigure[]>();
  for (const [claim, list] of figures) out.set(claim, await Promise.all(list.map(renderFigure)));
  return out;
}

export async function writeReport(dir: string, report: ConformanceReport, figures: ReadonlyMap<string, readonly Figure[]>): Promise<WrittenReport> {
  const rendered = await renderFigures(figures);
  mkdirSync(dir, { recursive: true });
  const files = { dir, json: join(dir, 'conformance.json'), html: join(dir, 'conformance.html'), markdown: join(dir, 'conformance.md') };
  writeFileSync(files.json, serializeReport(report));
  writeFileSync(files.html, renderHtml(report, rendered));
  writeFileSync(files.markdown, renderMarkdown(report));
  return files;
}
