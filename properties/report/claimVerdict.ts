/**
 * A claim's verdict from its units: fail if any unit failed; inconclusive if none failed but
 * one exceeded its allowance of undecidable cases, or if the claim has no property yet;
 * pass otherwise. The reason names the units that decided it.
 */
import type { PropertyRecord, Verdict } from '../../src/report/types.js';

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
