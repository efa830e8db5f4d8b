/**
 * The MLP family: the engine-backed reference agrees with closed forms (linear models under
 * every loss, reduction and bias setting) and with an independent hyper-dual evaluation; the
 * automated running-error bound reproduces the hand-derived two-layer bound on a two-layer
 * network written as an MLP; and `conform` passes a correct MLP subject and fails its near
 * wrong neighbours (θ order, nn.MSELoss's convention, the reduction) with small counterexamples.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mlpModelOrNull, mlpRecipe } from '../../src/conform/arbitraries/mlpDraw.js';
import { twoLayerModelOf } from '../../src/conform/arbitraries/twoLayerDraw.js';
import { ConformResultSchema } from '../../src/conform/output/resultSchema.js';
import type { MlpModelJson } from '../../src/conform/protocol/modelSchemas.js';
import { mlpCase, mlpCheckedActivations } from '../../src/conform/reference/mlpReference.js';
import { twoLayerCase, twoLayerHessian } from '../../src/conform/reference/twoLayerReference.js';
import { mlpErrorBound } from '../../src/conform/tolerance/mlpErrorBound.js';
import { SAFETY } from '../../src/conform/tolerance/opTolerance.js';
import { twoLayerErrorBound } from '../../src/conform/tolerance/twoLayerErrorBound.js';
import { runCli } from '../cli/runCli.js';

const U64 = 2 ** -53;

/** Closed form of a linear model f = W x + b (k×d, no hidden layer) under each loss. */
function linearHessian(m: MlpModelJson): number[][] {
  const d = m.X[0].length;
  const k = m.layers[0].weight.length;
  const N = m.X.length;
  const c = m.reduction === 'sum' ? 1 : 1 / N;
  const factor = m.loss === 'mse' ? 2 * (m.reduction === 'sum' ? 1 : 1 / k) : 1;
  const xs = m.X.map((x) => (m.bias ? [...x, 1] : x));
  const e = xs[0].length;
  // θ order: W row-major (c, j), then b (c): index of (class c, feature j) with j = d meaning the bias.
  const idx = (cl: number, j: number) => (j < d ? cl * d + j : k * d + cl);
  const P = k * e;
  const H = Array.from({ length: P }, () => new Array<number>(P).fill(0));
  for (let cl = 0; cl < k; cl++)
    for (let j = 0; j < e; j++)
      for (let j2 = 0; j2 < e; j2++) {
        let s = 0;
        for (const x of xs) s += x[j] * x[j2];
        H[idx(cl, j)][idx(cl, j2)] = factor * c * s;
      }
  return H;
}

describe('MLP reference', () => {
  it.each([
    ['half-squared-error', 'mean', true],
    ['half-squared-error', 'sum', false],
    ['mse', 'mean', true],
    ['mse', 'sum', true],
    ['mse', 'mean', false],
  ] as const)('linear model, %s (%s), bias %s: the closed form', (loss, reduction, bias) => {
    const m: MlpModelJson = {
      family: 'mlp', activation: 'tanh', loss, reduction, bias,
      layers: [{ weight: [[0.3, -1.2], [0.7, 0.1], [-0.4, 0.9]], ...(bias ? { bias: [0.1, -0.2, 0.3] } : {}) }],
      X: [[1, 2], [-0.5, 0.25], [2, -1], [0.3, 0.3]],
      targets: [[1, 0, 0], [0, 1, 0], [0.5, 0.5, 2], [-1, 0, 1]],
    };
    const H = mlpCase(m).hessian();
    const want = linearHessian(m);
    const P = H.rows;
    expect(P).toBe(want.length);
    for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) expect(H.data[i * P + j]).toBeCloseTo(want[i][j], 12);
  });

  it('every drawn model: the engine agrees with the hyper-dual evaluation within the float64 bound, and H·v with H', () => {
    const acts = mlpCheckedActivations();
    const draws = fc.sample(mlpRecipe(acts), { seed: 42, numRuns: 40 }).map(mlpModelOrNull).filter((m): m is MlpModelJson => m !== null);
    expect(draws.length).toBeGreaterThan(30);
    for (const m of draws) {
      const c = mlpCase(m);
      const H = c.hessian();
      const b = mlpErrorBound(m);
      const P = c.P;
      expect(b.H.rows).toBe(P);
      const v = Float64Array.from({ length: P }, (_, i) => Math.sin(i + 1));
      const hv = c.hvp(v);
      for (let i = 0; i < P; i++) {
        let s = 0;
        for (let j = 0; j < P; j++) {
          // Two float64 evaluations, each within u·E₁ of the truth.
          expect(Math.abs(H.data[i * P + j] - b.H.data[i * P + j])).toBeLessThanOrEqual(SAFETY * 2 * U64 * b.E1.data[i * P + j] + 1e-300);
          s += H.data[i * P + j] * v[j];
        }
        expect(Math.abs(hv[i] - s)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(s)));
      }
    }
  });
});

describe('MLP error bound', () => {
  it.each(['tanh', 'identity', 'relu', 'sigmoid', 'z^3'])('%s: on a two-layer network written as an MLP it reproduces the hand-derived bound (never below it, within 10×) and the Hessian', (act) => {
    const m = twoLayerModelOf({ family: 'two-layer', Ni: 3, Nh: 2, N: 5, activation: act, weightScale: 1, residualScale: 1, seed: 3 })!;
    const asMlp = { family: 'mlp', activation: m.activation, loss: 'half-squared-error', reduction: 'mean', bias: false, layers: [{ weight: m.W }, { weight: [m.a] }], X: m.X, targets: m.y.map((v) => [v]) } as unknown as MlpModelJson;
    const g = mlpErrorBound(asMlp);
    const c = twoLayerCase(m);
    const t = twoLayerErrorBound(c);
    const H = twoLayerHessian(c);
    for (let i = 0; i < H.data.length; i++) {
      expect(Math.abs(H.data[i] - g.H.data[i])).toBeLessThanOrEqual(1e-14 * (t.Habs.data[i] + 1e-300));
      if (t.E1.data[i] === 0) continue;
      const r = g.E1.data[i] / t.E1.data[i];
      expect(r).toBeGreaterThanOrEqual(0.999);
      expect(r).toBeLessThanOrEqual(10);
    }
  });
});

describe('conform on MLP subjects', () => {
  const SUBJECT = 'node test/conform/subjects/mlp.mjs';
  const conform = async (subject: string, ...extra: string[]) => {
    const r = await runCli('conform', '--subject', subject, '--runs', '30', '--seed', '3', '--json', ...extra);
    return { code: r.code, result: ConformResultSchema.parse(JSON.parse(r.out)) };
  };

  it.each([['float64', ''], ['float32', ' --arith float32']])('a correct subject passes at %s', async (_, flags) => {
    const { code, result } = await conform(SUBJECT + flags);
    expect(code).toBe(0);
    expect(result.settings.families).toEqual(['mlp']);
    for (const op of ['hessian', 'hvp', 'top-eigenvalues'] as const) expect(result.ops[op]!.worstRatio!).toBeLessThan(0.5);
  });

  it.each([
    ['θ read as all weights, then all biases', '--bug bias-order', /widths \d→\d→\d, N = \d, bias, P = 4$/],
    ['nn.MSELoss taken as ½·mean over samples', '--bug mse-half', /mse \(mean\), widths 1→1, .* P = 2$/],
    ['reduction sum computed as mean', '--bug sum-as-mean', /\(sum\), widths 1→1, N = 2, .*P = 2$/],
    ['float32 declared as float64', '--arith float32 --declare float64', /P = [12]$/],
  ])('%s fails on hessian, shrunk', async (_, flags, size) => {
    const { code, result } = await conform(`${SUBJECT} ${flags}`, '--ops', 'hessian');
    expect(code).toBe(1);
    expect(result.counterexample!.kind).toBe('wrong-answer');
    expect(result.counterexample!.size).toMatch(size);
  });
});
