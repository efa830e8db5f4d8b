/** C2e's statement quotes its constants (theory/finiteDataLaw.ts): it must not drift from them. */
import { describe, expect, it } from 'vitest';
import { AGREEMENT_BOUND, C2E_CLAIM, C2E_GROWING_RATIOS, C2E_SMALL_RATIOS } from '../../theory/finiteDataLaw.js';
import { KS_ALPHA } from '../../theory/spectralLaw.js';

describe('C2e statement', () => {
  it('states α, the small ratios, the ladder and the agreement bound from the constants', () => {
    const s = C2E_CLAIM.statement;
    expect(s).toContain(`KS at α = ${KS_ALPHA} per test`);
    expect(s).toContain(`N/Ni ∈ {${C2E_SMALL_RATIOS.join(', ')}}`);
    expect(s).toContain(`N/Ni = ${C2E_GROWING_RATIOS.join(' → ')}`);
    expect(s).toContain(`≤ ${AGREEMENT_BOUND}`);
    const decimals = (s.match(/\d+\.\d+/g) ?? []).map(Number);
    expect(decimals.every((v) => [KS_ALPHA, AGREEMENT_BOUND].includes(v)), `decimals ${decimals.join(', ')}`).toBe(true);
  });
  it('the ladder is increasing, starts at the smallest small ratio and the bound is below the KS resolution of the samples', () => {
    expect([...C2E_GROWING_RATIOS].every((r, i, a) => i === 0 || r > a[i - 1])).toBe(true);
    expect(C2E_GROWING_RATIOS[0]).toBe(Math.min(...C2E_SMALL_RATIOS));
    // KS resolution at α = 0.01 for n ≤ 4000: ≈ 1.63/√4000 = 0.026
    expect(AGREEMENT_BOUND).toBeLessThan(1.63 / Math.sqrt(4000));
  });
});
