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
import { farthestPairingPermutation, hiddenUnitDescriptors, permuteHiddenUnits } from '../../src/training/permuteHiddenUnits.js';

describe('permuteHiddenUnits', () => {
  const spec: MlpSpec = { inputDim: 5, hidden: [6, 4], outputs: 3, activation: 'relu', loss: 'cross-entropy' };
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
  it('descriptors: ‖θ − θ_π‖² = Σ_i ‖u_i − u_π(i)‖² for a permutation of one layer', () => {
    const perm1 = [2, 0, 5, 1, 3, 4];
    const moved = permuteHiddenUnits(spec, theta, 1, perm1);
    const u = hiddenUnitDescriptors(spec, theta, 1);
    let direct = 0;
    for (let i = 0; i < theta.length; i++) direct += (theta[i] - moved[i]) ** 2;
    let viaUnits = 0;
    perm1.forEach((j, i) => u[i].forEach((v, c) => (viaUnits += (v - u[j][c]) ** 2)));
    // Same squares summed in another order: relative rounding ≤ P·eps.
    expect(Math.abs(direct - viaUnits)).toBeLessThanOrEqual(theta.length * EPS * direct);
    expect(u[0].length).toBe(5 + 1 + 4);
  });
  it('farthest pairing: fixed-point free, an involution for even n, pairs the farthest units first', () => {
    // Units on a line at 0, 1, 2, 10: the farthest pair is (0, 10), then (1, 2).
    const d = [0, 1, 2, 10].map((x) => Float64Array.of(x));
    expect(Array.from(farthestPairingPermutation(d))).toEqual([3, 2, 1, 0]);
    const rng = Rng.fromSeed(5);
    for (const n of [2, 3, 6, 7, 32]) {
      const perm = farthestPairingPermutation(Array.from({ length: n }, () => Float64Array.from(rng.normals(4))));
      expect(new Set(perm).size).toBe(n);
      perm.forEach((j, i) => expect(j).not.toBe(i));
      if (n % 2 === 0) perm.forEach((j, i) => expect(perm[j]).toBe(i));
    }
    expect(() => farthestPairingPermutation([Float64Array.of(1)])).toThrow(/at least 2/);
  });
});
