/**
 * Small multilayer-perceptron configurations for S1 (Sagun et al. 2018, Eq. 4 beyond MSE):
 * input dimension d, one or two hidden layers of 1–5 units, k = 2..5 outputs, N = 3..12
 * samples, hidden activation relu | tanh | identity, loss cross-entropy or the ½-scaled squared
 * error (half-squared-error, the papers' MSE).
 * The configuration is JSON; data and θ come from one Rng seeded by `seed`, split by key
 * ('data', 'labels', 'targets', 'theta', 'offset'), as in teacherConfigs.ts, so a printed
 * counterexample replays exactly. θ is a He/Glorot initialisation plus N(0, thetaNoise²)
 * on every entry (biases included): a random point, not an optimum.
 */
import * as fc from 'fast-check';
import { zeros } from '../../src/linalg/matrix.js';
import { buildMlpProblem } from '../../src/nets/mlp/index.js';
import type { MlpActivation, MlpLoss, MlpProblem, MlpSpec } from '../../src/nets/mlp/types.js';
import { Rng } from '../../src/rng/index.js';
import { scaleArb, seedArb } from './common.js';

export interface MlpConfig {
  readonly d: number;
  readonly hidden: number[];
  readonly k: number;
  readonly N: number;
  readonly activation: MlpActivation;
  readonly loss: MlpLoss;
  /** Standard deviation of the perturbation added to the initialisation (every entry). */
  readonly thetaNoise: number;
  readonly seed: number;
}

export interface MlpConfigOptions {
  /** Largest hidden width. @defaultValue 5 */
  maxWidth?: number;
  /** Largest N. @defaultValue 12 */
  maxN?: number;
  /** Losses to draw from. @defaultValue both */
  losses?: readonly MlpLoss[];
}

export function mlpConfigArb(opts: MlpConfigOptions = {}): fc.Arbitrary<MlpConfig> {
  const maxWidth = opts.maxWidth ?? 5;
  return fc.record({
    d: fc.integer({ min: 1, max: 4 }),
    hidden: fc.array(fc.integer({ min: 1, max: maxWidth }), { minLength: 1, maxLength: 2 }),
    k: fc.integer({ min: 2, max: 5 }),
    N: fc.integer({ min: 3, max: opts.maxN ?? 12 }),
    activation: fc.constantFrom<MlpActivation>('relu', 'tanh', 'identity'),
    loss: fc.constantFrom<MlpLoss>(...(opts.losses ?? (['cross-entropy', 'half-squared-error'] as const))),
    thetaNoise: scaleArb(0.1, 0.8),
    seed: seedArb,
  });
}

export interface MlpCase {
  readonly config: MlpConfig;
  readonly problem: MlpProblem;
  readonly theta: Float64Array;
}

/** The problem and the point θ a configuration denotes (deterministic in the config). */
export function buildMlpCase(config: MlpConfig): MlpCase {
  const rng = Rng.fromSeed(config.seed);
  const { d, k, N } = config;
  const spec: MlpSpec = { inputDim: d, hidden: config.hidden, outputs: k, activation: config.activation, loss: config.loss };
  const X = { rows: N, cols: d, data: rng.split('data').normals(N * d) };
  const lab = rng.split('labels');
  const labels = Int32Array.from({ length: N }, () => lab.integer(k));
  const data =
    config.loss === 'cross-entropy' ? { X, labels } : { X, labels, targets: { ...zeros(N, k), data: rng.split('targets').normals(N * k) } };
  const problem = buildMlpProblem(spec, data);
  const theta = problem.initialTheta(rng.split('theta'));
  const offset = rng.split('offset');
  for (let i = 0; i < theta.length; i++) theta[i] += config.thetaNoise * offset.normal();
  return { config, problem, theta };
}

/** Coverage label: activation × loss × k. */
export function mlpLabelOf(c: MlpConfig): string {
  return `${c.activation} × ${c.loss === 'half-squared-error' ? 'mse' : 'softmax-ce'} × k=${c.k}`;
}
