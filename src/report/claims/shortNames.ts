/**
 * Short row labels for a claim's properties in figures. Property names of one claim often
 * share a long opening ("KS accepts σ2²χ²(Nh) ⊛ Nh·σ1²·MP(Ni/Nh) at γ = 0.25 …", "… at
 * γ = 1.5 …"); cutting each at a fixed length would make them identical. So each name loses
 * the longest opening (whole words, ≥ MIN_SHARED characters, ending before a word that starts
 * with a letter) it shares with another name of the list, then is cut to `max` characters at
 * a word boundary.
 */
const MIN_SHARED = 12;

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Back up to a word boundary so no word is split, then to a word that starts with a letter,
  // so "at γ = 0.25" keeps "γ = 0.25" rather than "0.25".
  while (i > 0 && i < a.length && a[i - 1] !== ' ') i--;
  while (i > 0 && !/^\p{L}/u.test(a.slice(i))) {
    i--;
    while (i > 0 && a[i - 1] !== ' ') i--;
  }
  return i;
}

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const at = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, at > max / 2 ? at : max - 1)}…`;
}

export function shortNames(names: readonly string[], max = 40): Map<string, string> {
  const out = new Map<string, string>();
  const distinct = [...new Set(names)];
  for (const n of distinct) {
    const shared = Math.max(0, ...distinct.filter((m) => m !== n).map((m) => sharedPrefix(n, m)));
    const rest = shared >= MIN_SHARED ? `…${n.slice(shared)}` : n;
    out.set(n, cut(rest.split(';')[0].trim(), max));
  }
  return out;
}
