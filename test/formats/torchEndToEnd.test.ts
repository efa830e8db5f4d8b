/**
 * End to end on the PyTorch fixtures: the files read by src/formats, assembled in the layout
 * the readers promise (θ in model.parameters() order, X N×d row-major, labels/targets), and
 * handed to the suite's own MLP engine (src/nets/mlp) reproduce torch's float64 answers:
 * loss, gradient, H·v and every Hessian eigenvalue. A transposed weight, a wrong parameter
 * order, a missing ½ in the MSE or a mean/sum mix-up all give O(1) relative differences; two
 * float64 evaluations of the same expressions differ by rounding only.
 *
 * Tolerances. Gradient: twice the engine's own first-order rounding bound for its gradient
 * (gradientRoundingBound; torch's evaluation has rounding of the same kind and size). Loss,
 * H·v and eigenvalues: m·eps·scale with m = P·N, the worst-case first-order error of a value
 * accumulated over ≈ P·N multiply-adds whose magnitudes are bounded by `scale` (Higham,
 * Accuracy and Stability of Numerical Algorithms, 2nd ed., §3.1, γ_m); for eigenvalues,
 * Weyl's inequality turns a perturbation of H into the same bound on each eigenvalue, and the
 * symmetric eigensolvers' backward errors (≈ P·eps·‖H‖₂) fit inside it. Observed (npx tsx,
 * this branch): at most 2 eps relative for the loss, 12 eps of ‖g‖∞ for the gradient, 7 eps
 * of ‖H·v‖∞ and 6 eps of max|λ| for the eigenvalues, far inside the bounds.
 */
import { describe, expect, it } from 'vitest';
import { flattenLinearLayers, readNpyFloatFile, readNpyLabelsFile, readSafetensorsFile, sequentialLinearLayers } from '../../src/formats/index.js';
import { getBackend } from '../../src/linalg/index.js';
import { buildMlpProblem, type MlpActivation, type MlpData } from '../../src/nets/mlp/index.js';
import { fixturePath, loadReference, TORCH_FIXTURES } from './support.js';

const EPS = 2 ** -52;

interface FullReference {
  config: { inputDim: number; hidden: number[]; outputs: number; activation: MlpActivation; loss: 'cross-entropy' | 'mse'; reduction: 'mean' | 'sum'; weights: string; data: { X: string; labels?: string; targets?: string } };
  P: number;
  N: number;
  loss: number;
  gradient: number[];
  eigenvalues: number[];
  trace: number;
  hvp: { v: number[]; Hv: number[] };
}

const maxAbs = (a: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
};

describe('torch fixtures through the readers and the suite’s MLP engine reproduce torch', () => {
  it.each(TORCH_FIXTURES)('%s: loss, gradient, H·v and all Hessian eigenvalues', (name) => {
    const ref = loadReference(name) as unknown as FullReference;
    const c = ref.config;
    const theta = flattenLinearLayers(sequentialLinearLayers(readSafetensorsFile(fixturePath(name, c.weights)), c.weights));
    const X = readNpyFloatFile(fixturePath(name, c.data.X), { ndim: [2], role: 'X' });
    const data: MlpData =
      c.data.labels !== undefined
        ? { X: { rows: X.shape[0], cols: X.shape[1], data: X.values }, labels: readNpyLabelsFile(fixturePath(name, c.data.labels), { classes: c.outputs }).values }
        : (() => {
            const t = readNpyFloatFile(fixturePath(name, c.data.targets!), { ndim: [2], role: 'targets' });
            return { X: { rows: X.shape[0], cols: X.shape[1], data: X.values }, targets: { rows: t.shape[0], cols: t.shape[1], data: t.values } };
          })();
    const problem = buildMlpProblem({ inputDim: c.inputDim, hidden: c.hidden, outputs: c.outputs, activation: c.activation, loss: c.loss === 'mse' ? 'mse' : 'softmax-cross-entropy' }, data);
    expect(problem.P).toBe(ref.P);
    expect(problem.N).toBe(ref.N);
    // The engine computes the mean loss; "sum" is N times it (every derivative scales alike).
    const s = c.reduction === 'sum' ? problem.N : 1;
    const m = ref.P * ref.N;

    expect(Math.abs(problem.loss(theta) * s - ref.loss)).toBeLessThanOrEqual(m * EPS * Math.abs(ref.loss));

    const g = problem.gradient(theta);
    const gBound = 2 * s * problem.gradientRoundingBound!(theta);
    const gGap = maxAbs(ref.gradient.map((v, i) => g[i] * s - v));
    expect(gGap, `gradient gap ${gGap} vs bound ${gBound}`).toBeLessThanOrEqual(gBound);

    const lambdaMax = maxAbs(ref.eigenvalues);
    const hv = problem.hessianVector(theta, Float64Array.from(ref.hvp.v));
    const hvGap = maxAbs(ref.hvp.Hv.map((v, i) => hv[i] * s - v));
    expect(hvGap).toBeLessThanOrEqual(m * EPS * lambdaMax * maxAbs(ref.hvp.v) * Math.sqrt(ref.P));

    const ev = [...getBackend().symmetricEigenvalues(problem.hessian(theta))].reverse(); // descending, like the reference
    const evGap = maxAbs(ref.eigenvalues.map((v, i) => ev[i] * s - v));
    expect(evGap, `eigenvalue gap ${evGap / (EPS * lambdaMax)} eps·max|λ|`).toBeLessThanOrEqual(m * EPS * lambdaMax);
    expect(Math.abs(ev.reduce((a, b) => a + b, 0) * s - ref.trace)).toBeLessThanOrEqual(m * EPS * ref.P * lambdaMax);
  });
});
