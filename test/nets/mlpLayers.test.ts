/**
 * θ from trained weights (src/nets/mlp/thetaFromLayers.ts): PyTorch's layout in, the
 * engine's θ out — nested rows and flat row-major agree, layersFromTheta inverts it, the
 * resulting net computes W2·σ(W1 x + b1) + b2 by hand, and every shape mistake names the
 * layer, the field and the fix before anything is allocated.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/configError.js';
import { buildMlpProblem, layersFromTheta, MlpInputError, thetaFromLayers, type MlpLayerWeights, type MlpSpec } from '../../src/nets/mlp/index.js';

const spec: MlpSpec = { inputDim: 3, hidden: [2], outputs: 2, activation: 'tanh', loss: 'mse' };
const W1 = [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]];
const b1 = [0.05, -0.07];
const W2 = [[1.1, -0.9], [0.3, 0.8]];
const b2 = [0.2, -0.1];
const layers: MlpLayerWeights[] = [{ weight: W1, bias: b1 }, { weight: W2, bias: b2 }];

function expectError(fn: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected a throw matching ${message}`).toBeInstanceOf(MlpInputError);
  expect(caught).toBeInstanceOf(ConfigError);
  expect((caught as Error).message).toMatch(message);
  expect((caught as Error).message).toMatch(/; \S/);
}

describe('MLP · thetaFromLayers / layersFromTheta', () => {
  it('θ = W1 (row-major), b1, W2, b2: the order of torch.cat([p.reshape(-1) for p in model.parameters()])', () => {
    expect(Array.from(thetaFromLayers(layers, spec))).toEqual([...W1.flat(), ...b1, ...W2.flat(), ...b2]);
  });
  it('flat row-major Float64Array weights give the same θ; layersFromTheta inverts', () => {
    const flat = thetaFromLayers([{ weight: Float64Array.from(W1.flat()), bias: Float64Array.from(b1) }, { weight: Float64Array.from(W2.flat()), bias: b2 }], spec);
    expect(flat).toEqual(thetaFromLayers(layers, spec));
    const back = layersFromTheta(flat, spec);
    expect(back.map((v) => [v.outFeatures, v.inFeatures])).toEqual([[2, 3], [2, 2]]);
    expect(Array.from(back[0].weight)).toEqual(W1.flat());
    expect(Array.from(back[1].bias!)).toEqual(b2);
  });
  it('the network computes W2·tanh(W1 x + b1) + b2 with these weights', () => {
    const x = [0.7, -1.2, 2.0];
    const h = W1.map((row, i) => Math.tanh(row.reduce((s, w, j) => s + w * x[j], b1[i])));
    const f = W2.map((row, i) => row.reduce((s, w, j) => s + w * h[j], b2[i]));
    const p = buildMlpProblem(spec, { X: { rows: 1, cols: 3, data: Float64Array.from(x) }, targets: { rows: 1, cols: 2, data: new Float64Array(2) } });
    const got = p.logits(thetaFromLayers(layers, spec)).data;
    // Same products in a possibly different order: a few ulp of the O(1) terms.
    for (let c = 0; c < 2; c++) expect(Math.abs(got[c] - f[c])).toBeLessThanOrEqual(1e-15);
  });
  it('bias: false — weights only; layersFromTheta returns null biases', () => {
    const noBias: MlpSpec = { ...spec, bias: false };
    const theta = thetaFromLayers([{ weight: W1 }, { weight: W2, bias: null }], noBias);
    expect(Array.from(theta)).toEqual([...W1.flat(), ...W2.flat()]);
    expect(layersFromTheta(theta, noBias)[0].bias).toBeNull();
    const p = buildMlpProblem(noBias, { X: { rows: 1, cols: 3, data: new Float64Array(3) }, targets: { rows: 1, cols: 2, data: new Float64Array(2) } });
    expect(p.P).toBe(10);
    expect(p.layout).toBe('W1 (2×3) row-major, W2 (2×2) row-major');
    expect(p.spec.bias).toBe(false);
  });
  const bad: Array<[string, () => unknown, RegExp]> = [
    ['layer count', () => thetaFromLayers([layers[0]], spec), /^thetaFromLayers: layers has 1 entries but the spec \(3 → 2 → 2\) has L = 2 nn\.Linear layers; pass one \{ weight, bias \} per nn\.Linear/],
    ['transposed weight', () => thetaFromLayers([{ weight: [[0.1, 0.4], [-0.2, 0.5], [0.3, -0.6]], bias: b1 }, layers[1]], spec), /layers\[0\]\.weight has 3 rows, expected out_features = 2 \(it looks transposed: 3×2\); pass weight, not weight\.T/],
    ['short row', () => thetaFromLayers([{ weight: [[0.1, 0.2, 0.3], [0.4, 0.5]], bias: b1 }, layers[1]], spec), /layers\[0\]\.weight\[1\] must be a row of in_features = 3 numbers, got 2 entries; pass nn\.Linear\(3, 2\)\.weight as stored: 2×3/],
    ['flat length', () => thetaFromLayers([layers[0], { weight: new Float64Array(3), bias: b2 }], spec), /layers\[1\]\.weight has 3 entries, expected 2×2 = 4/],
    ['non-finite weight', () => thetaFromLayers([{ weight: [[0.1, NaN, 0.3], [0.4, 0.5, 0.6]], bias: b1 }, layers[1]], spec), /layers\[0\]\.weight\[0\]\[1\] is not a finite number/],
    ['missing bias', () => thetaFromLayers([{ weight: W1 }, layers[1]], spec), /layers\[0\]\.bias is missing; pass nn\.Linear\.bias \(length out_features\), or set spec\.bias: false/],
    ['bias length', () => thetaFromLayers([layers[0], { weight: W2, bias: [1, 2, 3] }], spec), /layers\[1\]\.bias has 3 entries, expected out_features = 2/],
    ['bias given without biases', () => thetaFromLayers(layers, { ...spec, bias: false }), /layers\[0\]\.bias is given but spec\.bias is false; drop the biases/],
    ['not an array', () => thetaFromLayers({} as unknown as MlpLayerWeights[], spec), /thetaFromLayers: layers must be an array/],
    ['bad spec', () => thetaFromLayers(layers, { ...spec, hidden: [0] }), /^thetaFromLayers: spec\.hidden\[0\] must be a positive integer/],
    ['layersFromTheta length', () => layersFromTheta(new Float64Array(5), spec), /^layersFromTheta: theta must be a Float64Array of P = 14 entries, got 5 entries/],
  ];
  for (const [name, fn, re] of bad) it(`rejects: ${name}`, () => expectError(fn, re));
});
