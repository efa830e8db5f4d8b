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
  // Vega's own logger writes to the console; its errors are collected here instead, so a figure
  // that cannot be drawn never puts a stack trace on a user's terminal.
  const errors: string[] = [];
  const logger: vega.LoggerInterface = {
    level: () => logger,
    error: (...a: readonly unknown[]) => {
      errors.push(a.map((x) => (x instanceof Error ? `${x.name}: ${x.message}` : String(x))).join(' '));
      return logger;
    },
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
  } as unknown as vega.LoggerInterface;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  try {
    let svg: string;
    try {
      svg = roundGeometry(await view.toSVG());
    } catch (e) {
      errors.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      svg = '';
    }
    if (errors.length) return notDrawnSvg(figure.title, errors[0]);
    // Accessible name for screen readers and for tests that look figures up by title.
    return svg.replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(figure.title)}" `);
  } finally {
    view.finalize();
  }
}

/**
 * What stands in for a figure Vega could not draw. The known case: an axis over a range so
 * small that its tick step underflows (eigenvalues near 1e-320: d3's ticks asks for an array
 * of invalid length), found by the CLI fuzz. A figure is never a verdict, so the page or file
 * is still written, saying why the figure is missing.
 */
function notDrawnSvg(title: string, reason: string): string {
  const text = `Figure not drawn (the plotting library failed: ${reason.slice(0, 120)}). The numbers are in the text and JSON output.`;
  return `<svg role="img" aria-label="${escapeAttribute(title)}" xmlns="http://www.w3.org/2000/svg" width="${FIGURE_NOT_DRAWN_WIDTH}" height="40"><text x="4" y="24" font-size="12">${escapeText(text)}</text></svg>`;
}

const FIGURE_NOT_DRAWN_WIDTH = 720;

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
