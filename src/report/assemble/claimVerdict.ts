/**
 * A claim's verdict from its units: fail if any unit failed; inconclusive if none failed but
 * one exceeded its allowance of undecidable cases, or if the claim has no property yet;
 * pass otherwise. The reason names the units that decided it.
 */
import type { ClaimMultipleTesting, PropertyRecord, Verdict } from '../types.js';

export function claimVerdict(units: readonly PropertyRecord[]): { verdict: Verdict; reason: string } {
  if (units.length === 0) return { verdict: 'inconclusive', reason: 'no property of this claim is registered yet, so nothing was checked.' };
  const cases = units.reduce((s, u) => s + u.cases.length, 0);
  const failed = units.filter((u) => u.verdict === 'fail');
  if (failed.length > 0) {
    return { verdict: 'fail', reason: `${failed.length} of ${units.length} properties found a counterexample (${failed.map((u) => `“${u.name}”, seed ${u.seed}`).join('; ')}).` };
  }
  const inconclusive = units.filter((u) => u.verdict === 'inconclusive');
  if (inconclusive.length > 0) {
    return {
      verdict: 'inconclusive',
      reason: `no case failed, but ${inconclusive.map((u) => `“${u.name}” had ${u.inconclusive} of ${u.cases.length} cases undecidable in float64 (allowed ${u.maxInconclusiveFraction * 100}%)`).join('; ')}.`,
    };
  }
  const undecided = units.reduce((s, u) => s + u.inconclusive, 0);
  return { verdict: 'pass', reason: `all ${cases} cases of ${units.length} propert${units.length === 1 ? 'y' : 'ies'} passed${undecided ? ` (${undecided} undecidable, within the allowance)` : ''}.` };
}

/**
 * A statistical claim's verdict after Holm across the report (multipleTesting.ts): 'fail' when
 * Holm rejects one of its right-theory tests at the family-wise α, whatever the units say; a
 * failure of the units stands either way (the per-test verdicts are binding, as in vitest), and
 * its reason then says whether Holm confirms it.
 */
export function withMultipleTesting(base: { verdict: Verdict; reason: string }, mt: ClaimMultipleTesting | null | undefined, familyAlpha: number, familySize: number): { verdict: Verdict; reason: string } {
  if (!mt) return base;
  const fmt = (p: number) => (p === 0 ? '0' : p < 1e-3 ? p.toExponential(2) : String(Number(p.toPrecision(3))));
  const family = `Holm across the report's ${familySize} right-theory tests at family-wise α = ${familyAlpha}`;
  if (mt.rejected > 0) {
    return { verdict: 'fail', reason: `${base.verdict === 'fail' ? `${base.reason} ` : ''}${family} rejects ${mt.rejected} of this claim's ${mt.tests} (smallest adjusted p = ${fmt(mt.adjustedMinP)}).` };
  }
  if (base.verdict === 'fail') return { verdict: 'fail', reason: `${base.reason} ${family} does not confirm it (smallest adjusted p = ${fmt(mt.adjustedMinP)} > ${familyAlpha}): consistent with a per-test false positive.` };
  return base;
}
