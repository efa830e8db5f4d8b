/** theory/longTimeLearning.ts and longTimeLearningPredictions.ts: the C4 predictions and their wrong neighbours, on closed forms. */
import { describe, expect, it } from 'vitest';
import { quadraticModelOfMatrix } from '../../src/dynamics/eigenbasis.js';
import { gradientDescentPrediction, logLossAt, slowestModes } from '../../src/dynamics/modeMixture.js';
import { predictedTimeToFraction } from '../../src/dynamics/timeToFraction.js';
import { CONVERGING_NEIGHBOURS, orderRatioBand, TOP_MODE_NEIGHBOURS } from '../../theory/longTimeLearning.js';
import { c4FlowLateSlope, c4LateSlope, c4NormalisedTimeBand, c4TimeToFraction, neighbourSlope } from '../../theory/longTimeLearningPredictions.js';
import { diagonalQuadratic } from './diagonalQuadratic.js';

const S = { lambdaMinPositive: 0.1, lambdaMax: 1.9, meanPositive: 0.8 };

describe('C4 predictions', () => {
  it('late slope by regime', () => {
    expect(c4LateSlope(S, 0.5)).toEqual({ regime: 'converging', eigenvalue: 0.1, slope: 2 * Math.log1p(-0.05) });
    const top = c4LateSlope(S, 1.01); // balanced step 2/2 = 1, edge 2/1.9
    expect(top.regime).toBe('top-mode-slowest');
    expect(top.slope).toBeCloseTo(2 * Math.log(1.01 * 1.9 - 1), 14);
    expect(c4LateSlope(S, 1.1).regime).toBe('divergent');
    expect(c4FlowLateSlope(S)).toBe(-0.2);
  });
  it('the normalised-time band contains the exact t_f of the formula (three modes, any f)', () => {
    const m = quadraticModelOfMatrix(diagonalQuadratic([0.1, 0.7, 1.9]).H);
    const d0 = Float64Array.from([0.2, 1, -0.6]);
    const eta = 0.5;
    const mix = gradientDescentPrediction(m, d0, eta);
    const slope = c4LateSlope(S, eta).slope;
    const share = Math.exp(slowestModes(mix).logAmplitude - logLossAt(mix, 0));
    for (const f of [0.3, 1e-2, 1e-6, 1e-12]) {
      const tf = predictedTimeToFraction(mix, f)!;
      const band = c4NormalisedTimeBand(share, f, slope);
      expect(tf * -slope).toBeGreaterThanOrEqual(band.lower);
      expect(tf * -slope).toBeLessThanOrEqual(band.upper);
    }
    // Deep in the late regime the asymptotic form is within one step.
    expect(Math.abs(predictedTimeToFraction(mix, 1e-12)! - c4TimeToFraction(share, 1e-12, slope))).toBeLessThanOrEqual(1);
  });
  it('rejects nonsense inputs by name', () => {
    expect(() => c4NormalisedTimeBand(0, 0.1, -1)).toThrow(/share/);
    expect(() => c4NormalisedTimeBand(0.5, 1, -1)).toThrow(/f must/);
    expect(() => c4NormalisedTimeBand(0.5, 0.1, 0)).toThrow(/slope/);
    expect(() => orderRatioBand(1, 1)).toThrow(/k > 1/);
  });
});

describe('orderRatioBand', () => {
  it('gives disjoint bands for orders 1, 2 and 4 at k = 4', () => {
    const b1 = orderRatioBand(1, 4);
    const b2 = orderRatioBand(2, 4);
    const b4 = orderRatioBand(4, 4);
    expect(b1.lower).toBeCloseTo(16 / 7, 14);
    expect(b1.upper).toBeCloseTo(16 / 3, 14);
    expect(b1.upper).toBeLessThan(b2.lower);
    expect(b2.upper).toBeLessThan(b4.lower);
    expect(orderRatioBand(2, 4, 0)).toEqual({ lower: 16, upper: 16 });
  });
});

describe('wrong neighbours', () => {
  it('name λ_max, the mean and (past the balanced step) λ_min⁺', () => {
    expect(CONVERGING_NEIGHBOURS.map((n) => n.eigenvalue(S))).toEqual([1.9, 0.8]);
    expect(TOP_MODE_NEIGHBOURS.map((n) => n.eigenvalue(S))).toEqual([0.1, 0.8]);
    expect(neighbourSlope(CONVERGING_NEIGHBOURS[0], S, 0.5)).toBeCloseTo(2 * Math.log(0.05), 14);
  });
});
