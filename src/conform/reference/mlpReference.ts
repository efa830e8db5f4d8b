/**
 * The suite's float64 answers for an MLP as the protocol sends it (PyTorch's nn.Sequential
 * layout and losses), computed by the MLP engine (src/nets/mlp: dense Hessian by
 * forward-over-reverse, H·v by Pearlmutter's R-operator), and the error bound of
 * ../tolerance/mlpErrorBound.ts.
 *
 * The engine on this branch names losses the papers' way ('mse' = ½Σ_c(f_c − t_c)² per sample,
 * mean over samples; 'softmax-cross-entropy' = nn.CrossEntropyLoss(mean)), always has biases,
 * and has no reduction. The protocol's forms map onto it exactly:
 *
 *   cross-entropy        mean: ×1          sum: ×N
 *   half-squared-error   mean: ×1          sum: ×N
 *   mse (nn.MSELoss)     mean: ×2/k        sum: ×2N        (Σ(f − t)² = 2·½Σ(f − t)²)
 *   bias: false          biases held at 0; the weights' rows and columns of H (the Hessian in the
 *                        weights alone at b = 0 is that submatrix)
 *
 * An engine that speaks PyTorch's names itself (it fills spec.reduction in; branch mlp-engine)
 * is detected and given the protocol's loss, reduction and bias unchanged. Either way
 * test/conform/mlpReference.test.ts holds the result to closed forms (linear models) and to an
 * independent hyper-dual evaluation of the loss.
 */
import { zeros, type Matrix } from '../../linalg/matrix.js';
import { MLP_ACTIVATIONS, buildMlpProblem, type MlpProblem, type MlpSpec } from '../../nets/mlp/index.js';
import type { MlpModelJson } from '../protocol/modelSchemas.js';
import { mlpErrorBound } from '../tolerance/mlpErrorBound.js';
import type { FamilyCase } from './familyCaseShape.js';

/** Activations the bound has magnitudes for (../tolerance/activationMagnitudes.ts). */
const BOUNDED_ACTIVATIONS = ['relu', 'tanh', 'identity', 'sigmoid', 'softplus', 'erf'];

/** MLP activations the suite can check: the engine's, where the error bound has magnitudes. */
export function mlpCheckedActivations(): string[] {
  return (MLP_ACTIVATIONS as readonly string[]).filter((a) => BOUNDED_ACTIVATIONS.includes(a));
}

interface EngineView {
  readonly problem: MlpProblem;
  /** θ in the engine's layout. */
  readonly theta: Float64Array;
  /** Positions of the protocol's θ entries in the engine's θ (null: the same layout). */
  readonly select: Int32Array | null;
  /** Protocol loss = scale × engine loss. */
  readonly scale: number;
}

function engineView(m: MlpModelJson): EngineView {
  const X = { rows: m.X.length, cols: m.X[0].length, data: Float64Array.from(m.X.flat()) };
  const k = m.layers[m.layers.length - 1].weight.length;
  const N = X.rows;
  const data = {
    X,
    ...(m.labels ? { labels: Int32Array.from(m.labels) } : {}),
    ...(m.targets ? { targets: { rows: N, cols: k, data: Float64Array.from(m.targets.flat()) } } : {}),
  };
  const base = { inputDim: X.cols, hidden: m.layers.slice(0, -1).map((l) => l.weight.length), outputs: k, activation: m.activation } as unknown as MlpSpec;
  const paperLoss = m.loss === 'cross-entropy' ? 'softmax-cross-entropy' : 'mse';
  const probe = buildMlpProblem({ ...base, loss: paperLoss } as MlpSpec, data);
  const speaksTorch = (probe.spec as { reduction?: unknown }).reduction !== undefined;
  // θ in the engine's layout (W1, b1, W2, b2, …; biases 0 when the model has none).
  const engineP = probe.P;
  const theta = new Float64Array(engineP);
  const select: number[] = [];
  let off = 0;
  for (const layer of m.layers) {
    for (const row of layer.weight) for (const w of row) {
      select.push(off);
      theta[off++] = w;
    }
    for (let i = 0; i < layer.weight.length; i++) {
      if (layer.bias) {
        select.push(off);
        theta[off] = layer.bias[i];
      }
      off++;
    }
  }
  if (speaksTorch) {
    const problem = buildMlpProblem({ ...base, loss: m.loss, reduction: m.reduction, bias: m.bias } as unknown as MlpSpec, data);
    const compact = new Float64Array(select.length);
    select.forEach((s, i) => (compact[i] = theta[s]));
    return { problem, theta: compact, select: null, scale: 1 };
  }
  const sum = m.reduction === 'sum';
  const scale = m.loss === 'mse' ? (sum ? 2 * N : 2 / k) : sum ? N : 1;
  return { problem: probe, theta, select: select.length === engineP ? null : Int32Array.from(select), scale };
}

export function mlpCase(model: MlpModelJson): FamilyCase {
  const view = engineView(model);
  const P = view.select ? view.select.length : view.problem.P;
  return {
    P,
    hessian(): Matrix {
      const H = view.problem.hessian(view.theta);
      const out = zeros(P, P);
      const s = view.select;
      const EP = H.cols;
      for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) out.data[i * P + j] = view.scale * H.data[(s ? s[i] : i) * EP + (s ? s[j] : j)];
      return out;
    },
    hvp(v: Float64Array): Float64Array {
      const s = view.select;
      const ve = new Float64Array(view.theta.length);
      for (let i = 0; i < P; i++) ve[s ? s[i] : i] = v[i];
      const hv = view.problem.hessianVector(view.theta, ve);
      return Float64Array.from({ length: P }, (_, i) => view.scale * hv[s ? s[i] : i]);
    },
    errorBound: () => mlpErrorBound(model),
  };
}
