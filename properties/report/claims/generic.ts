/**
 * The fallback for every part of a claim hook: key number "cases passed", the counts as
 * summary, α read from the cases' `alpha` evidence, the outcome bars as the figure, and as the
 * tests under the right theory (for Holm across claims) every case's `pValue` with its `alpha`.
 */
import { figureId } from '../../../src/report/figures/figure.js';
import { formatNumber } from '../../../src/report/figures/format.js';
import { outcomeBars } from '../../../src/report/figures/outcomeBars.js';
import type { EvidenceRecord, KeyNumber } from '../../../src/report/types.js';
import { allCases, num } from '../evidenceValues.js';
import type { ClaimContext, ClaimReportHook, RightTheoryTest } from '../hook.js';
import { shortNames } from '../shortNames.js';

export function keyNumberOf(label: string, value: number | null, text = formatNumber(value)): KeyNumber {
  return { label, value, text };
}

export const genericHook: Required<ClaimReportHook> = {
  keyNumber(ctx: ClaimContext): KeyNumber {
    const cases = allCases(ctx.units);
    const passed = cases.filter((c) => c.ok).length;
    return keyNumberOf('cases passed', cases.length ? passed / cases.length : null, `${passed}/${cases.length}`);
  },
  summary(ctx: ClaimContext): EvidenceRecord {
    const cases = allCases(ctx.units);
    return {
      properties: new Set(ctx.units.map((u) => u.name)).size,
      units: ctx.units.length,
      cases: cases.length,
      passed: cases.filter((c) => c.ok).length,
      inconclusive: cases.filter((c) => c.inconclusive).length,
      failed: cases.filter((c) => !c.ok && !c.inconclusive).length,
    };
  },
  /** The smallest `alpha` any case records (the strictest level), or null when none does. */
  alpha(ctx: ClaimContext): number | null {
    const alphas = allCases(ctx.units)
      .map((c) => num(c, 'alpha'))
      .filter((a): a is number => a !== null);
    return alphas.length ? Math.min(...alphas) : null;
  },
  /** Every case's `pValue` (the test against the claimed law) with the `alpha` it was held to. */
  rightTheoryTests(ctx: ClaimContext): RightTheoryTest[] {
    const out: RightTheoryTest[] = [];
    for (const u of ctx.units) {
      u.cases.forEach((c, i) => {
        const p = num(c, 'pValue');
        const alpha = num(c, 'alpha');
        if (p !== null && alpha !== null) out.push({ property: u.name, seed: u.seed, caseIndex: i, test: 'claimed law', pValue: p, alpha });
      });
    }
    return out;
  },
  figures(ctx: ClaimContext) {
    if (ctx.units.length === 0) return [];
    const names = shortNames(ctx.units.map((u) => u.name), 56);
    return [
      outcomeBars(
        ctx.units.map((u) => ({ property: `${names.get(u.name)}${ctx.units.some((v) => v !== u && v.name === u.name) ? ` (seed ${u.seed})` : ''}`, passed: u.passed, inconclusive: u.inconclusive, failed: u.failed })),
        { id: figureId(ctx.claim, 'outcomes'), title: `${ctx.claim}: cases by outcome` },
      ),
    ];
  },
};
