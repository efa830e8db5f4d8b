/**
 * invertGamma (src/stats/internal/invertGamma.ts) solves T(a, y) = t on the tail T = P or Q that
 * is computed directly. Checked here by the round trip through the FORWARD functions
 * (logGammaP / logGammaQ, tested against mpmath in incompleteGamma.test.ts) on a grid that
 * includes the regions where an unsafeguarded Newton step leaves the bracket: tiny shapes
 * (a = 1e-4 … 1e-2) in the upper tail, where Newton steps in y leave the bracket, and
 * far tails down to 1e-300. Without this grid the bracket/bisection safeguard and the sign of
 * the upper-tail Newton step were untested (mutation testing: reports/mutation/summary.md,
 * invertGamma.ts:78/80; with the safeguard removed y = NaN at a = 1e-3, with the step's sign
 * flipped the 300-iteration cap is hit and ln Q(y) is off by 1e-2). The grid also found a bug,
 * fixed with it: the bisection step √(lo·hi) underflowed to 0 once the bracket had shrunk around a
 * root below ~1e-154, and invertGamma(0.01, 0.01, 'lower') returned 0 instead of 5.66e-201.
 *
 * Tolerance on |ln T(y) − ln t|: the solver stops at |g| ≤ 2 EPS or at a step ≤ 4 EPS·y, which
 * moves ln T by ≤ 4 EPS·|d ln T/d ln y| (≤ ~300 on this grid, so ≤ 3e-13); the forward tail's own
 * relative error is ≤ 2.1e-13 (incompleteGamma.ts header), i.e. the same in ln T, and grows like
 * 2|y − a|·EPS in the far tails (≈ 2|ln t|·EPS). 1e-12·max(1, |ln t|) bounds the sum with
 * margin; the measured maximum on this grid is below it by more than 10× (all points pass).
 */
import { describe, expect, it } from 'vitest';
import { invertGamma } from '../../src/stats/internal/invertGamma.js';
import { logGammaP, logGammaQ } from '../../src/stats/incompleteGamma.js';

const SHAPES = [1e-4, 1e-3, 0.01, 0.05, 0.1, 0.3, 0.5, 1, 2, 5, 20, 100, 1e3, 1e4, 1e5];
/** Targets t = 10^e, from the far tail to (just below) ½. */
const LOG10_TARGETS = [-300, -200, -100, -50, -20, -10, -5, -2, -1, -0.5, -0.30103];

describe('invertGamma round trip through the forward incomplete gamma', () => {
  for (const tail of ['lower', 'upper'] as const) {
    it(`${tail} tail: ln T(a, invertGamma(a, t)) = ln t for a ∈ [1e-4, 1e5], t ∈ [1e-300, ½]`, () => {
      const logTail = tail === 'lower' ? logGammaP : logGammaQ;
      for (const a of SHAPES) {
        for (const e of LOG10_TARGETS) {
          const t = Math.pow(10, e);
          const y = invertGamma(a, t, tail);
          const ctx = `a = ${a}, t = ${t}, ${tail}: y = ${y}`;
          expect(Number.isNaN(y), ctx).toBe(false);
          expect(y >= 0 && Number.isFinite(y), ctx).toBe(true);
          if (y === 0) {
            // 0 only when the root is below the smallest subnormal 2^-1074 (a ≪ 1: P(a, y) ≈ y^a
            // reaches ½ only at y ≈ 2^{-1/a}): there T(a, 2^-1074) is already past t.
            const atMin = logTail(a, Number.MIN_VALUE);
            if (tail === 'lower') expect(atMin, ctx).toBeGreaterThanOrEqual(Math.log(t));
            else expect(atMin, ctx).toBeLessThanOrEqual(Math.log(t));
            continue;
          }
          const err = Math.abs(logTail(a, y) - Math.log(t));
          expect(err, ctx).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(Math.log(t))));
        }
      }
    });
  }
});
