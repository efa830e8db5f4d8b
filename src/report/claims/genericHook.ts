/**
 * The fallback for every part of a claim hook: key number "cases passed", the counts as
 * summary, no α and no right-theory tests (a statistical claim declares both in its own hook),
 * and the outcome bars as the figure.
 */
import { figureId } from '../figures/figure.js';
import { formatNumber } from '../figures/format.js';
import { outcomeBars } from '../figures/outcomeBars.js';
import type { EvidenceRecord, KeyNumber } from '../types.js';
import type { ClaimContext, ClaimReportHook, RightTheoryTest } from './claimHook.js';
import { shortNames } from './shortNames.js';

export function keyNumberOf(label: string, value: number | null, text = formatNumber(value), better: 'lower' | 'higher' | null = null): KeyNumber {
  return { label, value, text, better };
}

export const genericHook: Required<ClaimReportHook<unknown>> = {
  keyNumber(ctx: ClaimContext): KeyNumber {
    const cases = ctx.units.flatMap((u) => u.cases);
    const passed = cases.filter((c) => c.ok).length;
    return keyNumberOf('cases passed', cases.length ? passed / cases.length : null, `${passed}/${cases.length}`, 'higher');
  },
  summary(ctx: ClaimContext): EvidenceRecord {
    const cases = ctx.units.flatMap((u) => u.cases);
    return {
      properties: new Set(ctx.units.map((u) => u.name)).size,
      units: ctx.units.length,
      cases: cases.length,
      passed: cases.filter((c) => c.ok).length,
      inconclusive: cases.filter((c) => c.inconclusive).length,
      failed: cases.filter((c) => !c.ok && !c.inconclusive).length,
    };
  },
  alpha: () => null,
  summaryBetter: {},
  rightTheoryTests: (): RightTheoryTest[] => [],
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
