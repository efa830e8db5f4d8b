/** How a verdict is printed: a word and a symbol that survive copy-paste into Markdown and plain text. */
import type { Verdict } from './types.js';

export const VERDICT_SYMBOL: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️' };

export function verdictText(v: Verdict): string {
  return `${VERDICT_SYMBOL[v]} ${v}`;
}
