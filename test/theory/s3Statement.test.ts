/**
 * S3's statement quotes the constants of theory/spikedCovariance.ts, writes γ (not α) for the
 * ratio M/N, and no number outside its formulas that is not a constant; Z_ALPHA is the
 * two-sided normal quantile of ALPHA.
 */
import { describe, expect, it } from 'vitest';
import { erfc } from '../../src/stats/erfc.js';
import { ALPHA, GAMMA_MAX, GAMMA_MIN_ABOVE, GAMMA_MIN_BELOW, GAMMA_WIDE, MARGIN_MIN, N_LARGE, N_SMALL, R_DRAWS, S3_CLAIM, Z_ALPHA } from '../../theory/spikedCovariance.js';

const numbersIn = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
/** The formulas the statement writes (their digits are mathematics, not constants). */
const FORMULAS = ['diag(ℓ, 1, …, 1)', 'N(0, Σ)', 'ℓ(1 + γ/(ℓ − 1))', '(1 + √γ)²', '1 + √γ', 'O(N^{−1/2})', 'O(N^{−2/3})', '"threshold at ℓ > 1"'];

describe('S3 statement', () => {
  const s = S3_CLAIM.statement;
  it('names each constant where it applies', () => {
    expect(s).toContain(`from N = ${N_SMALL} to N = ${N_LARGE} at fixed γ`);
    expect(s).toContain(`γ ∈ [${GAMMA_MIN_BELOW}, ${GAMMA_MAX}] and ${GAMMA_WIDE}; from ${GAMMA_MIN_ABOVE} above the threshold`);
    expect(s).toContain(`Mean of ${R_DRAWS} independent top eigenvalues per size, z-test at α = ${ALPHA} per case`);
    expect(s).toContain(`margin ≥ ${MARGIN_MIN}`);
  });
  it('uses γ for the ratio M/N and α only for the significance level', () => {
    expect(s).toContain('ratio γ = M/N');
    expect(s.match(/α/g)).toHaveLength(1);
    expect(s).toContain(`α = ${ALPHA}`);
  });
  it('writes no number outside its formulas that is not a constant', () => {
    let prose = s;
    for (const f of FORMULAS) {
      expect(s, f).toContain(f);
      prose = prose.split(f).join(' ');
    }
    const allowed = new Set([N_SMALL, N_LARGE, GAMMA_MIN_BELOW, GAMMA_MIN_ABOVE, GAMMA_MAX, GAMMA_WIDE, R_DRAWS, ALPHA, MARGIN_MIN]);
    expect(numbersIn(prose).filter((n) => !allowed.has(n))).toEqual([]);
  });
  it('Z_ALPHA is z_{1 − α/2}: P(|Z| > Z_ALPHA) = ALPHA', () => {
    // erfc(z/√2) = P(|Z| > z); erfc is accurate to ≤ 26 eps relative (src/stats/README.md).
    expect(Math.abs(erfc(Z_ALPHA / Math.SQRT2) - ALPHA) / ALPHA).toBeLessThan(1e-11);
  });
});
