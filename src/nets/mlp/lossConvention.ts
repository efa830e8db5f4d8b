/**
 * Which loss a spec denotes, exactly as PyTorch defines it, so that the Hessian the engine
 * computes is the Hessian of the loss the user trained. Over a batch B of samples (the full
 * data when omitted) with logits f_n = net(x_n) ∈ ℝ^k:
 *
 *   'cross-entropy'       nn.CrossEntropyLoss(reduction) with integer labels y_n:
 *                           ℓ_n = log Σ_c e^{f_nc} − f_{n,y_n};   mean: (1/|B|) Σ ℓ_n,  sum: Σ ℓ_n.
 *   'mse'                 nn.MSELoss(reduction), targets t_n ∈ ℝ^k (one-hot labels if absent):
 *                           ℓ_n = Σ_c (f_nc − t_nc)²;          mean: (1/(|B|·k)) Σ ℓ_n (every entry, no ½),  sum: Σ ℓ_n.
 *   'half-squared-error'  the papers' loss (docs/theory.md#setting; the engine's 'mse' before PyTorch naming):
 *                           ℓ_n = ½ Σ_c (f_nc − t_nc)²;        mean: (1/|B|) Σ ℓ_n,  sum: Σ ℓ_n.
 *   'softmax-cross-entropy' = 'cross-entropy' (alias kept for older callers).
 *
 * One kernel per per-sample loss (softmaxCrossEntropy.ts; squaredError.ts with c = 1 or ½);
 * the reduction is one divisor D applied to the summed per-sample terms: D = |B| (·k for
 * 'mse') for 'mean', D = 1 for 'sum'. The loss is Σ/D and every derivative route (gradient,
 * H·v, GN·v, R·v, dense H, GN, R) accumulates with weight w = 1/D, so 'sum' = D × 'mean'
 * up to the rounding of 1/D. Not modelled: CrossEntropyLoss's weight, ignore_index and
 * label_smoothing, and probability targets.
 */
import type { OutputLoss } from './outputLoss.js';
import { softmaxCrossEntropyLoss } from './softmaxCrossEntropy.js';
import { squaredErrorLoss } from './squaredError.js';
import type { MlpData, MlpLoss, MlpReduction } from './types.js';

export type CanonicalLoss = Exclude<MlpLoss, 'softmax-cross-entropy'>;

export const MLP_LOSSES: readonly MlpLoss[] = ['cross-entropy', 'mse', 'half-squared-error', 'softmax-cross-entropy'];
export const MLP_REDUCTIONS: readonly MlpReduction[] = ['mean', 'sum'];

export function canonicalLoss(loss: MlpLoss): CanonicalLoss {
  return loss === 'softmax-cross-entropy' ? 'cross-entropy' : loss;
}

/** The per-sample loss ℓ_n of a canonical loss name. */
export function perSampleLoss(loss: CanonicalLoss, k: number, data: MlpData): OutputLoss {
  if (loss === 'cross-entropy') return softmaxCrossEntropyLoss(k, data.labels as Int32Array);
  const T = data.targets ? data.targets.data : oneHot(data.labels as Int32Array, k);
  return squaredErrorLoss(k, T, loss === 'mse' ? 1 : 0.5);
}

/** The reduction's divisor D for a batch of B samples: L = (Σ_n ℓ_n)/D, derivatives weighted by 1/D. */
export function reductionDivisor(loss: CanonicalLoss, reduction: MlpReduction, B: number, k: number): number {
  if (reduction === 'sum') return 1;
  return loss === 'mse' ? B * k : B;
}

/** A one-line statement of the loss, for reports and the CLI. */
export function lossDescription(loss: CanonicalLoss, reduction: MlpReduction): string {
  const mean = reduction === 'mean';
  switch (loss) {
    case 'cross-entropy':
      return `nn.CrossEntropyLoss(reduction='${reduction}'): L = ${mean ? '(1/B) ' : ''}Σ_n [log Σ_c e^{f_nc} − f_{n,y_n}]`;
    case 'mse':
      return `nn.MSELoss(reduction='${reduction}'): L = ${mean ? '1/(B·k) ' : ''}Σ_n Σ_c (f_nc − t_nc)²`;
    case 'half-squared-error':
      return `half squared error (reduction '${reduction}'): L = ${mean ? '1/(2B)' : '½'} Σ_n Σ_c (f_nc − t_nc)²${mean ? ' = ½·k·nn.MSELoss(mean)' : ' = ½·nn.MSELoss(sum)'}`;
  }
}

function oneHot(labels: Int32Array, k: number): Float64Array {
  const T = new Float64Array(labels.length * k);
  for (let n = 0; n < labels.length; n++) T[n * k + labels[n]] = 1;
  return T;
}
