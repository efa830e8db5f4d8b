/**
 * The MLP engine against PyTorch 1.13: test/fixtures/torch-mlp/mlp_hessians.json, written by
 * make_fixture.py beside it (float64 nn.Sequential of nn.Linear + activation modules;
 * nn.CrossEntropyLoss / nn.MSELoss / ½-squared error with reduction 'mean' | 'sum'; loss,
 * gradient and torch.autograd.functional.hessian over torch.cat of model.parameters()).
 * The weights enter through thetaFromLayers from the nested lists torch wrote, so this also
 * checks the parameter order W1, b1, W2, b2, … and the out×in weight layout.
 *
 * Tolerance (derived, first-order — Higham §3): either route's rounding error in an entry is
 * at most γ·(Σ of the absolute values of the terms it sums) with γ ≈ c·m·EPS, m =
 * mlpOperationCount (the longest chain of dot products, loss and the N-term sum) and c ≈ 2
 * for the three chained passes of a Hessian (forward, reverse, and R-/double-reverse pass,
 * EPS = 2u). The term scale S is absoluteHessianTerms (the R-operator on absolute values,
 * with autograd's softmax terms), taken norm-wise: |H_ours − H_torch| ≤ 4·(m + 32)·EPS·max S
 * for every entry, the 32 covering the activations' own few-ulp (erf: ≤ 26 EPS) errors.
 * Gradient: 2 × the engine's gradientRoundingBound (one bound for each side); loss: 4·(m +
 * 32)·EPS·(|L| + max|f|·N/D·2) (errors in the logits reach ℓ with weight ≤ 2). Each case also
 * rejects a neighbour (another activation, the other reduction) to show the tolerance has power.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EPS, maxAbs, type Matrix } from '../../src/linalg/matrix.js';
import { buildMlpProblem, mlpLayout, mlpOperationCount, MLP_ACTIVATIONS, thetaFromLayers, type MlpActivation, type MlpData, type MlpSpec } from '../../src/nets/mlp/index.js';
import { absoluteHessianTerms, divisorOf } from './mlpSupport.js';

interface TorchCase {
  readonly name: string;
  readonly spec: Required<MlpSpec>;
  readonly parameterNames: string[];
  readonly parameterShapes: number[][];
  readonly layers: { weight: number[][]; bias: number[] | null }[];
  readonly X: number[][];
  readonly labels?: number[];
  readonly targets?: number[][];
  readonly loss: number;
  readonly gradient: number[];
  readonly P: number;
  readonly hessianUpperF64LeBase64: string;
  readonly hessianMaxAsymmetry: number;
  readonly maxFirstLayerPreActivation: number;
}

const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/torch-mlp/mlp_hessians.json', import.meta.url), 'utf8')) as { meta: Record<string, unknown>; cases: TorchCase[] };

function matrix(rows: number[][]): Matrix {
  return { rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) };
}

/** torch's Hessian from its stored upper triangle (row-major i ≤ j, little-endian float64). */
function torchHessian(c: TorchCase): Float64Array {
  const bytes = Buffer.from(c.hessianUpperF64LeBase64, 'base64');
  const P = c.P;
  expect(bytes.length).toBe((8 * P * (P + 1)) / 2);
  const H = new Float64Array(P * P);
  let o = 0;
  for (let i = 0; i < P; i++) {
    for (let j = i; j < P; j++, o += 8) {
      H[i * P + j] = bytes.readDoubleLE(o);
      H[j * P + i] = H[i * P + j];
    }
  }
  return H;
}

function build(c: TorchCase, overrides: Partial<MlpSpec> = {}) {
  const spec: MlpSpec = { ...c.spec, ...overrides };
  const data: MlpData = c.labels ? { X: matrix(c.X), labels: Int32Array.from(c.labels) } : { X: matrix(c.X), targets: matrix(c.targets!) };
  return { p: buildMlpProblem(spec, data), theta: thetaFromLayers(c.layers, spec) };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** The next activation in MLP_ACTIVATIONS: a neighbour the tolerance must reject. */
const neighbour = (a: MlpActivation) => MLP_ACTIVATIONS[(MLP_ACTIVATIONS.indexOf(a) + 1) % MLP_ACTIVATIONS.length];

describe('MLP · against torch.autograd.functional.hessian (float64)', () => {
  it('the fixture is what make_fixture.py says (torch 1.13, every activation × cross-entropy and mse)', () => {
    expect(String(FIXTURE.meta.torch)).toMatch(/^1\.13/);
    for (const a of MLP_ACTIVATIONS) for (const l of ['cross-entropy', 'mse']) expect(FIXTURE.cases.some((c) => c.spec.activation === a && c.spec.loss === l), `${a} × ${l}`).toBe(true);
  });
  for (const c of FIXTURE.cases) {
    it(c.name, () => {
      const { p, theta } = build(c);
      // Layout: model.parameters() order and shapes are W_l (out×in), b_l (out), layer by layer.
      const lay = mlpLayout(p.spec);
      const shapes = [];
      for (let l = 1; l <= lay.L; l++) {
        shapes.push([lay.widths[l], lay.widths[l - 1]]);
        if (c.spec.bias) shapes.push([lay.widths[l]]);
      }
      expect(c.parameterShapes).toEqual(shapes);
      expect(p.P).toBe(c.P);

      const m = mlpOperationCount(lay.widths, p.N) + 32;
      const S = absoluteHessianTerms(p, theta);
      const tolH = 4 * m * EPS * maxAbs(S.data);
      const H = p.hessian(theta).data;
      const errH = maxDiff(H, torchHessian(c));
      expect(errH, `max |H − H_torch| = ${errH.toExponential(2)}, tolerance ${tolH.toExponential(2)}`).toBeLessThanOrEqual(tolH);

      const g = p.gradient(theta);
      const tolG = 2 * p.gradientRoundingBound(theta);
      expect(maxDiff(g, c.gradient)).toBeLessThanOrEqual(tolG);
      const f = p.logits(theta);
      const tolL = 4 * m * EPS * (Math.abs(c.loss) + (2 * maxAbs(f.data) * p.N) / divisorOf(p));
      expect(Math.abs(p.loss(theta) - c.loss)).toBeLessThanOrEqual(tolL);

      // Power: a neighbouring activation, and the other reduction, are rejected.
      const other = build(c, { activation: neighbour(c.spec.activation) });
      expect(maxDiff(other.p.hessian(other.theta).data, torchHessian(c))).toBeGreaterThan(10 * tolH);
      const flipped = build(c, { reduction: c.spec.reduction === 'mean' ? 'sum' : 'mean' });
      expect(maxDiff(flipped.p.hessian(flipped.theta).data, torchHessian(c))).toBeGreaterThan(10 * tolH);
    });
  }
  it("softplus beyond torch's threshold: the fixture reaches pre-activations > 20 and still agrees", () => {
    const c = FIXTURE.cases.find((x) => x.name.includes('beyond the threshold'))!;
    expect(c.maxFirstLayerPreActivation).toBeGreaterThan(20);
    const { p, theta } = build(c);
    expect(maxAbs(p.preActivations(theta).data.map((z) => (z > 20 ? 1 : 0)))).toBe(1);
  });
});
