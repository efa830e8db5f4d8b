/** Regime boundaries at their exact values, and bad input. */
import { describe, expect, it } from 'vitest';
import { classifyRegime } from '../../src/dynamics/regime.js';

describe('classifyRegime', () => {
  // λ_min⁺ = 0.5, λ_max = 1.5: balanced step 2/(0.5 + 1.5) = 1, edge 2/1.5 = 4/3.
  it('classifies on both sides of 2/(λ_min⁺ + λ_max) and 2/λ_max', () => {
    expect(classifyRegime(0.5, 1.5, 0.999).regime).toBe('converging');
    expect(classifyRegime(0.5, 1.5, 1).regime).toBe('top-mode-slowest');
    expect(classifyRegime(0.5, 1.5, 1.3).regime).toBe('top-mode-slowest');
    expect(classifyRegime(0.5, 1.5, 4 / 3).regime).toBe('divergent');
    expect(classifyRegime(0.5, 1.5, 2).regime).toBe('divergent');
  });
  it('names the governing eigenvalue and its asymptotic slope 2 log|1 − ηλ|', () => {
    const c = classifyRegime(0.5, 1.5, 0.5);
    expect(c.governingEigenvalue).toBe(0.5);
    expect(c.asymptoticLogRate).toBeCloseTo(2 * Math.log(0.75), 15);
    expect(c.etaBalanced).toBe(1);
    expect(c.etaEdge).toBeCloseTo(4 / 3, 15);
    const top = classifyRegime(0.5, 1.5, 1.2);
    expect(top.governingEigenvalue).toBe(1.5);
    expect(top.asymptoticLogRate).toBeCloseTo(2 * Math.log(0.8), 14);
    // At the balanced step both ends decay alike: |1 − ηλ_min⁺| = |1 − ηλ_max| = 1/2.
    expect(classifyRegime(0.5, 1.5, 1).asymptoticLogRate).toBeCloseTo(2 * Math.log(0.5), 15);
    expect(classifyRegime(0.5, 1.5, 2).asymptoticLogRate).toBeGreaterThan(0);
    expect(classifyRegime(0.5, 1.5, 4 / 3).asymptoticLogRate).toBeCloseTo(0, 14);
  });
  it('a single curved eigenvalue: balanced step = 1/λ', () => {
    expect(classifyRegime(2, 2, 0.49).regime).toBe('converging');
    expect(classifyRegime(2, 2, 0.5).regime).toBe('top-mode-slowest');
  });
  it('rejects bad input by name', () => {
    expect(() => classifyRegime(0.5, 1.5, 0)).toThrow(/eta/);
    expect(() => classifyRegime(0.5, 1.5, -1)).toThrow(/eta/);
    expect(() => classifyRegime(0.5, 1.5, Infinity)).toThrow(/eta/);
    expect(() => classifyRegime(0, 1.5, 1)).toThrow(/lambdaMinPositive/);
    expect(() => classifyRegime(2, 1.5, 1)).toThrow(/lambdaMax/);
    expect(() => classifyRegime(0.5, NaN, 1)).toThrow(/lambdaMax/);
  });
});
