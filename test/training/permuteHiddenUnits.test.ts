/**
 * permuteHiddenUnits: a hidden-unit permutation is a symmetry of the MLP, so the loss and the
 * accuracy are unchanged (to summation-order rounding: the hidden sums are reordered), while θ
 * moves; permuting back restores θ exactly.
 */
import { describe, expect, it } from 'vitest';
import { EPS } from '../../src/linalg/matrix.js';
import { buildMlpProblem, type MlpSpec } from '../../src/nets/mlp/index.js';
import { Rng } from '../../src/rng/index.js';
import { gaussianClusters } from '../../src/training/gaussianClusters.js';
import { permuteHiddenUnits } from '../../src/training/permuteHiddenUnits.js';

describe('permuteHiddenUnits', () => {
  const spec: MlpSpec = { inputDim: 5, hidden: [6, 4], outputs: 3, activation: 'relu', loss: 'softmax-cross-entropy' };
  const data = gaussianClusters({ k: 3, d: 5, N: 40, spread: 0.5 }, Rng.fromSeed(1));
  const p = buildMlpProblem(spec, { X: data.X, labels: data.labels });
  const theta = p.initialTheta(Rng.fromSeed(2)).map((v, i) => v + 0.01 * Math.sin(i)); // nonzero biases too
  it('keeps the function: same loss (to reordering rounding), different θ; the inverse restores θ', () => {
    const perm1 = [2, 0, 5, 1, 3, 4];
    const perm2 = [3, 2, 0, 1];
    const moved = permuteHiddenUnits(spec, permuteHiddenUnits(spec, theta, 1, perm1), 2, perm2);
    expect(moved).not.toEqual(theta);
    const l = p.loss(theta);
    // Reordering sums of ≤ 7 terms per unit: a few eps relative per unit, amplified little by a
    // smooth softmax; 64·eps·(1 + L) is a generous bound.
    expect(Math.abs(p.loss(moved) - l)).toBeLessThanOrEqual(64 * EPS * (1 + l));
    expect(p.accuracy(moved)).toBe(p.accuracy(theta));
    const inv = (q: number[]) => q.reduce((a, v, i) => ((a[v] = i), a), new Array<number>(q.length));
    const back = permuteHiddenUnits(spec, permuteHiddenUnits(spec, moved, 2, inv(perm2)), 1, inv(perm1));
    expect(back).toEqual(theta);
  });
  it('rejects a non-permutation and an output layer', () => {
    expect(() => permuteHiddenUnits(spec, theta, 1, [0, 0, 1, 2, 3, 4])).toThrow(/permutation/);
    expect(() => permuteHiddenUnits(spec, theta, 3, [0, 1, 2])).toThrow(/hidden layer/);
  });
});
