/**
 * Vega-Lite spec → standalone SVG string, headlessly in Node: vega-lite compiles the spec
 * to Vega, and a Vega View with renderer 'none' serialises its scenegraph with toSVG(). No
 * browser, no canvas, no network: text widths come from a font-metric estimate
 * (textWidth.ts) instead of node-canvas.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { Figure, RenderedFigure, VegaLiteFigure } from './figure.js';
import { plainMath } from './mathText.js';
import { installTextMetrics } from './textWidth.js';
import { FIGURE_CONFIG } from './theme.js';

installTextMetrics();

export async function renderSvg(figure: VegaLiteFigure): Promise<string> {
  let compiled: vega.Spec;
  try {
    compiled = vl.compile({ ...(unicodeMath(figure.spec) as object), config: { ...FIGURE_CONFIG, ...(figure.spec.config ?? {}) } } as vl.TopLevelSpec).spec;
  } catch (e) {
    throw new Error(`renderSvg: figure ${JSON.stringify(figure.id)} has an invalid Vega-Lite spec: ${e instanceof Error ? e.message : String(e)}`);
  }
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    const svg = roundGeometry(await view.toSVG());
    // Accessible name for screen readers and for tests that look figures up by title.
    return svg.replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(figure.title)}" `);
  } finally {
    view.finalize();
  }
}

export async function renderFigure(figure: Figure): Promise<RenderedFigure> {
  if (figure.kind === 'table') return figure;
  return { kind: 'svg', id: figure.id, title: figure.title, caption: figure.caption, ...(figure.showsFailure ? { showsFailure: true } : {}), svg: await renderSvg(figure) };
}

/**
 * Vega writes coordinates at full double precision (14.080000000000005); 0.01 px is far below
 * what a screen shows, and rounding geometry attributes (never text) halves the page's size.
 */
function roundGeometry(svg: string): string {
  return svg.replace(/ (d|transform|x|y|x1|y1|x2|y2|width|height)="([^"]*)"/g, (_, name: string, value: string) => ` ${name}="${value.replace(/(\.\d{2})\d+/g, '$1')}"`);
}

/** Keys whose strings are Vega code or names, never text a reader sees. */
const CODE_KEYS = new Set(['labelExpr', 'expr', 'field', 'type', 'calculate', 'filter', 'as', 'signal', 'test']);

/**
 * The spec with every string a reader sees (titles, legend and axis labels, data labels) in
 * Unicode math (plainMath): SVG text cannot hold MathML, and no TeX may reach the page.
 */
function unicodeMath(v: unknown, key = ''): unknown {
  if (typeof v === 'string') return CODE_KEYS.has(key) ? v : plainMath(v);
  if (Array.isArray(v)) return v.map((x) => unicodeMath(x, key));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unicodeMath(x, k)]));
  return v;
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
