/**
 * S4's statement states the tolerance theory/connectedBasins.ts computes (½·g·‖θ_B − θ_A‖, the
 * rounding allowance aside), asserts only the neighbour the property asserts, and writes no
 * number (it has no constant to quote).
 */
import { describe, expect, it } from 'vitest';
import { BASIN_NEIGHBOURS, LOSS_ROUNDING, S4_CLAIM, s4BarrierTolerance } from '../../theory/connectedBasins.js';

describe('S4 statement', () => {
  const s = S4_CLAIM.statement;
  it('quotes τ = ½·g·‖θ_B − θ_A‖, which is s4BarrierTolerance without its rounding term', () => {
    expect(s).toContain('τ = ½·g·‖θ_B − θ_A‖');
    expect(s4BarrierTolerance(1e-2, 16, 0)).toBe(0.5 * 1e-2 * 16);
    // The rounding term is LOSS_ROUNDING·maxLoss; the difference of two sums near 0.08 carries
    // ≈ eps·0.08 ≈ 2e-17 of rounding, so compare to 1e-16 absolute.
    expect(Math.abs(s4BarrierTolerance(1e-2, 16, 2) - s4BarrierTolerance(1e-2, 16, 0) - 2 * LOSS_ROUNDING)).toBeLessThan(1e-16);
  });
  it('asserts the permuted twin and only records the independent start', () => {
    expect(BASIN_NEIGHBOURS.map((n) => n.id)).toEqual(['permuted-twin', 'independent-start']);
    expect(s).toMatch(/permuted twin .* show a barrier above the same τ/);
    expect(s).toContain('independent start is recorded, not asserted');
  });
  it('writes no digit', () => {
    expect(s.match(/\d/g)).toBeNull();
  });
});
