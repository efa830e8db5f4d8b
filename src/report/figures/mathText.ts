/**
 * Mathematics inside the report's prose (statements, captions, titles, key numbers, reasons).
 *
 * Two ways math reaches a string:
 *  - explicitly, as a TeX span `$…$` — written with the `math` tag (math`\lambda_{\min}^{+}`),
 *    String.raw so backslashes need no doubling;
 *  - implicitly, in the house's Unicode-math style the theory statements use: a single-letter
 *    base with TeX scripts, `λ_i`, `σ_{r+1}`, `λ_min⁺`, `W_{l−1}`, `(1 − ηλ_i)^{2t}`. A base
 *    is one letter not preceded by a letter, digit or '_' (so `HC_SEED` and file names are
 *    left alone), or a closing bracket for a superscript.
 *
 * `mathSegments` splits a string into text and TeX; the HTML renderer turns the TeX into
 * MathML (../html/mathml.ts, temml), and `plainMath` into Unicode for places that cannot hold
 * MathML — SVG text inside figures and conformance.md: sub- and superscripts become Unicode
 * sub/superscript characters where every character has one, else a bracketed form
 * `f_(n,c)`. No `^{` or `_{` survives either route.
 */

/** A piece of prose: plain text, or TeX to be typeset. */
export type MathSegment = { readonly text: string } | { readonly tex: string };

/** Marks a TeX span inside prose: `math\`\\lambda_{\\min}\`` → "$\lambda_{\min}$". */
export function math(strings: TemplateStringsArray, ...values: unknown[]): string {
  return `$${String.raw(strings, ...values)}$`;
}

const SUPERSCRIPT_CHARS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁺': '+', '⁻': '−', '⁼': '=', '⁽': '(', '⁾': ')', 'ᵀ': '\\mathrm{T}', 'ⁱ': 'i', 'ⁿ': 'n', '′': '\\prime',
};
const SUPERSCRIPTS = Object.keys(SUPERSCRIPT_CHARS).join('');

/**
 * One implicit math token: base, then one or more scripts (`_x`, `_{…}`, `^x`, `^{…}`), each
 * optionally followed by Unicode superscripts (ᵀ, ², ⁺ …) that belong to it.
 */
// A Latin base must not follow an ASCII letter or digit (HC_SEED, snake_case); a Greek one may (ηλ_i is η·λ_i).
const LETTER_BASE = String.raw`(?:(?<![A-Za-z0-9_])\p{L}|(?<!_)[\p{Script=Greek}ℓ])\p{M}*`;
const BRACKET_BASE = String.raw`[)\]‖|0-9]`;
const GROUP = String.raw`\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}`;
/** A run of letters and digits that are not Unicode superscripts (those follow a script: c_i² is c_i squared). */
const RUN = String.raw`(?:(?![${SUPERSCRIPTS}])[\p{L}\p{N}])+`;
const SCRIPT = String.raw`[_^](?:${GROUP}|${RUN})[${SUPERSCRIPTS}]*`;
const TOKEN = new RegExp(String.raw`(?:${LETTER_BASE}[${SUPERSCRIPTS}]*(?:${SCRIPT})+|${BRACKET_BASE}\^(?:${GROUP}|${RUN})[${SUPERSCRIPTS}]*)`, 'gu');

/** Multi-letter subscripts that are words (min, max, fd) are set upright; single letters stay italic. */
function scriptTex(body: string): string {
  if (body.startsWith('{')) return body.slice(1, -1);
  return /^\p{L}{2,}$/u.test(body) ? `\\mathrm{${body}}` : body;
}

function superscriptTex(chars: string): string {
  return [...chars].map((c) => SUPERSCRIPT_CHARS[c] ?? c).join('');
}

/** TeX of one implicit token (see TOKEN). */
function tokenTex(token: string): string {
  const m = new RegExp(String.raw`^(${LETTER_BASE}|${BRACKET_BASE})([${SUPERSCRIPTS}]*)`, 'u').exec(token)!;
  const base = m[1];
  let rest = token.slice(m[0].length);
  // A bracket is text; only its script is typeset (on an empty base).
  let tex = /\p{L}/u.test(base) ? base.replace(/(\p{L})\u0302/u, '\\hat{$1}') : '{}';
  let sup = superscriptTex(m[2]);
  let sub = '';
  const scripts = new RegExp(String.raw`^([_^])(${GROUP}|${RUN})([${SUPERSCRIPTS}]*)`, 'u');
  while (rest.length) {
    const s = scripts.exec(rest);
    if (!s) break;
    if (s[1] === '_') sub += scriptTex(s[2]);
    else sup += scriptTex(s[2]);
    sup += superscriptTex(s[3]);
    rest = rest.slice(s[0].length);
  }
  if (sub) tex += `_{${sub}}`;
  if (sup) tex += `^{${sup}}`;
  return tex;
}

/** Splits implicit tokens out of plain text (no `$` spans inside). */
function implicitSegments(text: string): MathSegment[] {
  const out: MathSegment[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    const bracket = !/\p{L}/u.test(m[0][0]);
    // A bracket base stays in the text; only its superscript becomes math.
    const start = m.index! + (bracket ? 1 : 0);
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ tex: tokenTex(m[0]) });
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Text and TeX pieces of a prose string: `$…$` spans, then implicit tokens in the rest. */
export function mathSegments(s: string): MathSegment[] {
  const out: MathSegment[] = [];
  const parts = s.split(/\$([^$]+)\$/);
  parts.forEach((p, i) => {
    if (i % 2 === 1) out.push({ tex: p });
    else if (p) out.push(...implicitSegments(p));
  });
  return out;
}

/** Whether a string holds math that needs typesetting. */
export function hasMath(s: string): boolean {
  return mathSegments(s).some((seg) => 'tex' in seg);
}

const SUB: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
  a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ', β: 'ᵦ', γ: 'ᵧ', ρ: 'ᵨ', φ: 'ᵩ', χ: 'ᵪ',
};
const SUP: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
  a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ', f: 'ᶠ', g: 'ᵍ', h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', l: 'ˡ', m: 'ᵐ', n: 'ⁿ', o: 'ᵒ', p: 'ᵖ', r: 'ʳ', s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ', w: 'ʷ', x: 'ˣ', y: 'ʸ', z: 'ᶻ', T: 'ᵀ', '′': '′',
};

/** Stand-ins for '_' and '^' in the bracketed fallback, so a later pass does not read them as scripts. */
const FALLBACK = { _: '\uE000', '^': '\uE001' } as const;

/** A script body in Unicode: every character mapped, or the bracketed fallback `_(…)` / `^(…)`. */
function unicodeScript(body: string, marker: '_' | '^'): string {
  const map = marker === '_' ? SUB : SUP;
  const chars = [...body];
  return chars.every((c) => map[c]) ? chars.map((c) => map[c]).join('') : `${FALLBACK[marker]}(${body})`;
}

/** TeX commands the report's own TeX uses, as the characters they stand for. */
const COMMANDS: Record<string, string> = {
  '\\lambda': 'λ', '\\sigma': 'σ', '\\eta': 'η', '\\gamma': 'γ', '\\alpha': 'α', '\\kappa': 'κ', '\\theta': 'θ', '\\tau': 'τ', '\\ell': 'ℓ', '\\varepsilon': 'ε', '\\epsilon': 'ε', '\\Sigma': 'Σ', '\\sum': 'Σ', '\\mu': 'μ', '\\chi': 'χ', '\\delta': 'δ', '\\nabla': '∇',
  '\\cdot': '·', '\\times': '×', '\\le': '≤', '\\leq': '≤', '\\ge': '≥', '\\geq': '≥', '\\approx': '≈', '\\to': '→', '\\infty': '∞', '\\pm': '±', '\\lvert': '|', '\\rvert': '|', '\\lVert': '‖', '\\rVert': '‖', '\\prime': '′', '\\min': 'min', '\\max': 'max', '\\log': 'log', '\\sqrt': '√', '\\,': ' ', '\\;': ' ', '\\ ': ' ',
};

/** One TeX span as Unicode text (the subset of TeX the report writes: letters, commands above, scripts, \mathrm{…}, \frac{a}{b}). */
export function texToPlain(tex: string): string {
  let s = tex
    .replace(/\\(?:mathrm|mathsf|text|operatorname|mathit|mathbf)\{([^{}]*)\}/g, '$1')
    .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)')
    .replace(/\\hat\{([^{}])\}/g, '$1\u0302')
    .replace(/\\[a-zA-Z]+|\\[,; ]/g, (c) => COMMANDS[c] ?? c.slice(1));
  s = s.replace(/\{\}(?=[_^])/g, '');
  // Innermost braced scripts first (a body may hold scripts), then single-character ones.
  const braced = /([_^])\{([^{}]*)\}/g;
  for (let i = 0; i < 4 && braced.test(s); i++) s = s.replace(braced, (_, m: '_' | '^', body: string) => unicodeScript(body, m));
  s = s.replace(/([_^])([^\s{}\uE000\uE001])/gu, (_, m: '_' | '^', c: string) => unicodeScript(c, m));
  return s.replace(/[{}]/g, '').replace(/\uE000/g, '_').replace(/\uE001/g, '^');
}

/** A prose string as plain Unicode text: every TeX span and implicit token converted. */
export function plainMath(s: string): string {
  return mathSegments(s)
    .map((seg) => ('text' in seg ? seg.text : texToPlain(seg.tex)))
    .join('');
}
