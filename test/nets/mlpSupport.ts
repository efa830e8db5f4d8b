/** Shared builders for the MLP unit tests: small seeded problems and points. */
import { zeros, type Matrix } from '../../src/linalg/matrix.js';
import { buildMlpProblem, type MlpActivation, type MlpLoss, type MlpProblem } from '../../src/nets/mlp/index.js';
import { Rng } from '../../src/rng/index.js';

export interface SmallCase {
  readonly p: MlpProblem;
  readonly theta: Float64Array;
  readonly rng: Rng;
}

/** A seeded problem with N samples and θ = initialisation + N(0, 0.3²) noise (biases nonzero). */
export function smallCase(activation: MlpActivation, loss: MlpLoss, opts: { d?: number; hidden?: number[]; k?: number; N?: number; seed?: number } = {}): SmallCase {
  const rng = Rng.fromSeed(opts.seed ?? 7);
  const d = opts.d ?? 3;
  const k = opts.k ?? 3;
  const N = opts.N ?? 6;
  const X: Matrix = { rows: N, cols: d, data: rng.split('x').normals(N * d) };
  const lab = rng.split('y');
  const labels = Int32Array.from({ length: N }, () => lab.integer(k));
  const targets = loss === 'half-squared-error' ? { ...zeros(N, k), data: rng.split('t').normals(N * k) } : undefined;
  const p = buildMlpProblem({ inputDim: d, hidden: opts.hidden ?? [4, 3], outputs: k, activation, loss }, targets ? { X, targets } : { X, labels });
  const theta = p.initialTheta(rng.split('theta'));
  const noise = rng.split('noise');
  for (let i = 0; i < theta.length; i++) theta[i] += 0.3 * noise.normal();
  return { p, theta, rng: rng.split('test') };
}

export const ACTIVATIONS: readonly MlpActivation[] = ['relu', 'tanh', 'identity'];
export const LOSSES: readonly MlpLoss[] = ['cross-entropy', 'half-squared-error'];
