/**
 * How deeply a JSON text nests its arrays and objects, found by one linear pass over the text
 * (strings skipped, escapes honoured; no recursion). JSON.parse accepts any depth, but the
 * recursive code after it — JSON.stringify in an error message, schema validation — overflows
 * the stack near 10⁴ levels (a file of 100,000 "[" was an internal error, found by the CLI
 * fuzz, test/cli/fuzz/). Inputs are refused above MAX_JSON_DEPTH before they are parsed.
 */

/** Deepest nesting accepted: far beyond any input of this suite (a config nests ≤ 4 levels, a conformance.json ≤ 20). */
export const MAX_JSON_DEPTH = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE = new Set([0x5d, 0x7d]);

/** The deepest nesting of `text` (0 for a scalar), or stops early and returns `stopAbove + 1` once it is exceeded. */
export function jsonDepth(text: string, stopAbove = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (OPEN.has(c)) {
      depth++;
      if (depth > max) max = depth;
      if (max > stopAbove) return max;
    } else if (CLOSE.has(c)) depth--;
  }
  return max;
}
