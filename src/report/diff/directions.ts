/**
 * Which way is good for a claim's numbers, for the baseline diff. Three sources, in order:
 *
 *   1. keyNumber.better, set by the claim's hook ('lower' for an error ratio, 'higher' for a gap
 *      or a p-value);
 *   2. the hook's summaryBetter, naming the direction of evidence.summary fields explicitly;
 *   3. the naming convention summary fields follow, read from the camelCase words of the name:
 *        worst…Ratio | worst…Tolerance | worst…Error, max…P | max…PValue | max…Ratio   → lower
 *        min…Gap | min…Margin | min…P | min…PValue | min…Ratio | min…Z, weakest…, …power… → higher
 *      e.g. worstRatio, worstBarrierOverTolerance, maxWrongNeighbourP (lower);
 *      minGap, minRightLawP, weakestNeighbourRejection, mlpDiagCurvatureMinMargin (higher).
 *      Anything else (counts, minLambdaGN, …) is not compared.
 */
export type Direction = 'lower' | 'higher';

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

const LOWER_ENDS = new Set(['ratio', 'tolerance', 'error']);
const MAX_LOWER_ENDS = new Set(['p', 'pvalue', 'ratio', 'error']);
const MIN_HIGHER_ENDS = new Set(['gap', 'margin', 'p', 'pvalue', 'ratio', 'z', 'power', 'rejection']);

/** The direction the naming convention gives a summary field, or null (not compared). */
export function conventionDirection(name: string): Direction | null {
  const w = words(name);
  if (w.length === 0) return null;
  // "p value" at the end reads as one word.
  const last = w.length >= 2 && w[w.length - 2] === 'p' && w[w.length - 1] === 'value' ? 'pvalue' : w[w.length - 1];
  if (w.includes('power')) return 'higher';
  if (w.includes('weakest')) return 'higher';
  if (w.includes('worst') && LOWER_ENDS.has(last)) return 'lower';
  if (w.includes('max') && MAX_LOWER_ENDS.has(last)) return 'lower';
  if (w.includes('min') && MIN_HIGHER_ENDS.has(last)) return 'higher';
  return null;
}
