/**
 * Text width for Vega's layout without a canvas. Vega measures text with node-canvas when
 * present; without it (our case: no native dependency) it guesses 0.8 em per character,
 * which is ~45% too wide for proportional fonts — long axis titles then push plots down
 * and labels get truncated early. This estimate uses Helvetica's advance widths (Adobe AFM,
 * per 1000 em) scaled by DEJAVU_FACTOR, since the page asks for DejaVu Sans first (the
 * default sans font of Debian's Chromium), which is wider than Helvetica. Erring wide only
 * costs a little white space; erring narrow clips labels at the SVG's edge.
 * Characters outside the table (Greek, math, sub/superscripts) count 0.62 em.
 * Vega supports replacing textMetrics.width for exactly this purpose (as vl-convert does).
 */
import * as vega from 'vega';

/** Measured in Chromium on the report's own labels: DejaVu Sans runs 4–19% wider than Helvetica's AFM widths; 1.15 errs wide. */
const DEJAVU_FACTOR = 1.15;
const OTHER = 620;

// prettier-ignore
const HELVETICA: Record<string, number> = {
  ' ': 278, '!': 278, '"': 355, '#': 556, '$': 556, '%': 889, '&': 667, "'": 191, '(': 333, ')': 333, '*': 389, '+': 584, ',': 278, '-': 333, '.': 278, '/': 278,
  '0': 556, '1': 556, '2': 556, '3': 556, '4': 556, '5': 556, '6': 556, '7': 556, '8': 556, '9': 556, ':': 278, ';': 278, '<': 584, '=': 584, '>': 584, '?': 556, '@': 1015,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833, N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  '[': 278, '\\': 278, ']': 278, '^': 469, _: 556, '`': 333,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833, n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
  '{': 334, '|': 260, '}': 334, '~': 584, '−': 584, '×': 584, '÷': 584, '·': 278, '…': 1000, '–': 556, '—': 1000, '≤': 584, '≥': 584,
};

export function approximateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += HELVETICA[ch] ?? OTHER;
  return (units / 1000) * fontSize * DEJAVU_FACTOR;
}

interface TextItem {
  fontSize?: number;
  text?: unknown;
  limit?: number;
}

let installed = false;

/** Makes Vega lay out text with approximateTextWidth (idempotent; process-wide). */
export function installTextMetrics(): void {
  if (installed) return;
  installed = true;
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
  metrics.width = (item: TextItem, text?: unknown) => {
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    // A multi-line label (an array of lines, wrapLabel.ts) is as wide as its widest line.
    const lines = Array.isArray(text) ? text : [text];
    const w = Math.max(0, ...lines.map((l) => approximateTextWidth(l == null ? '' : String(l).trim(), size)));
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
}
