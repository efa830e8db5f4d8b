import { describe, expect, it } from 'vitest';
import { gaussNewtonPsdProperty, mlpDecompositionProperty, mlpGaussNewtonRankProperty } from './definitions/gaussNewtonDecomposition.js';
import { assertProperty } from './support/assertProperty.js';

const FILE = 'properties/S1.gaussNewtonDecomposition.test.ts';

describe('S1 · Gauss–Newton decomposition (MSE, two-layer)', () => {
  it(gaussNewtonPsdProperty.name, async (ctx) => {
    const r = await assertProperty(gaussNewtonPsdProperty, FILE, ctx);
    // Coverage: the draw must contain cases with real negative curvature, or the third check is vacuous.
    expect(r.cases.filter((c) => c.evidence?.negativeCurvature === true).length).toBeGreaterThan(5);
  });
});

describe('S1 · Gauss–Newton decomposition (MLP: softmax cross-entropy and MSE, biases)', () => {
  it(mlpDecompositionProperty.name, async (ctx) => {
    const r = await assertProperty(mlpDecompositionProperty, FILE, ctx);
    const ev = r.cases.flatMap((c) => (c.evidence ? [c.evidence] : []));
    // Coverage: the finite-difference check ran on nearly every case (ReLU kinks inside the
    // stencil are rare at h ≈ 6e-6), and the wrong neighbour "H = GN" was owed and rejected often.
    expect(ev.filter((e) => e.fdKinkCrossed === true).length).toBeLessThanOrEqual(Math.ceil(0.1 * r.cases.length));
    expect(ev.filter((e) => e.residualVisible === true && typeof e.gnOnlyFdRatio === 'number' && e.gnOnlyFdRatio > 1).length).toBeGreaterThan(0.5 * r.cases.length);
    for (const loss of ['cross-entropy', 'half-squared-error']) for (const act of ['relu', 'tanh', 'identity']) expect(ev.filter((e) => e.loss === loss && e.activation === act).length, `${act} × ${loss}`).toBeGreaterThan(3);
  });
  it(mlpGaussNewtonRankProperty.name, async (ctx) => {
    const r = await assertProperty(mlpGaussNewtonRankProperty, FILE, ctx);
    const ev = r.cases.flatMap((c) => (c.evidence ? [c.evidence] : []));
    // Coverage: negative curvature occurs (the Weyl check has content), the rank bound binds
    // (N(k−1) < P) and is attained, and there the diag(p) neighbour was rejected.
    expect(ev.filter((e) => e.negativeCurvature === true).length).toBeGreaterThan(5);
    expect(ev.filter((e) => e.diagonalCurvature !== null && e.diagonalCurvature.rank > e.gnRankBound && e.gaussNewtonRank === e.gnRankBound).length).toBeGreaterThan(10);
  });
});
