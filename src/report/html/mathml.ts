/**
 * Prose with mathematics → HTML: text escaped, every TeX span and implicit math token
 * (../figures/mathText.ts) typeset as MathML by temml at render time, so the page needs no
 * script or font to show it (Chromium, Firefox and Safari render MathML Core natively).
 * A span temml cannot parse falls back to its Unicode form (plainMath), never to raw TeX.
 */
import temml from 'temml';
import { mathSegments, texToPlain } from '../figures/mathText.js';
import { escapeHtml } from './escape.js';

const cache = new Map<string, string>();

/** One TeX span as inline MathML (cached: the same symbols recur in every section). */
export function texToMathml(tex: string): string {
  let out = cache.get(tex);
  if (out === undefined) {
    try {
      out = temml.renderToString(tex, { throwOnError: true, annotate: false });
    } catch {
      out = `<span class="math-fallback">${escapeHtml(texToPlain(tex))}</span>`;
    }
    cache.set(tex, out);
  }
  return out;
}

/** A prose string as HTML: escaped text with MathML for its mathematics. */
export function proseHtml(s: string): string {
  return mathSegments(s)
    .map((seg) => ('text' in seg ? escapeHtml(seg.text) : texToMathml(seg.tex)))
    .join('');
}
