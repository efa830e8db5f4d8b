/**
 * "Did you mean" for misspelt keys and names: the closest candidate by optimal-string-alignment
 * distance (Damerau–Levenshtein with adjacent transpositions, each edit costing 1), compared
 * case-insensitively, offered when the distance is at most max(1, ⌊len/3⌋) — close enough that a
 * typo is the likely story ("sigma_1" → "sigma1", "whitten" → "whiten", "Nh " → "Nh").
 */

export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[s.length][t.length];
}

/** The closest candidate within the typo threshold, or null. Ignores `_`/`-` differences first. */
export function closest(input: string, candidates: readonly string[]): string | null {
  const squash = (x: string) => x.replace(/[_\-\s]/g, '').toLowerCase();
  const exactish = candidates.find((c) => squash(c) === squash(input));
  if (exactish) return exactish;
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = editDistance(input, c);
    if (dist < bestD) {
      bestD = dist;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(1, Math.floor(input.length / 3)) ? best : null;
}

/** " (did you mean "x"?)" or "". */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const c = closest(input, candidates);
  return c ? ` (did you mean "${c}"?)` : '';
}
