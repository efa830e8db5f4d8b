/**
 * The MLP family's unit error bound (./unitErrorBound.ts) by automated running-error analysis
 * (./trackedHyperDual.ts): the protocol's loss is evaluated, sample by sample, on tracked
 * hyper-dual numbers seeded at (θ_p, θ_q) for every pair p ≤ q, giving
 *
 *   H_pq = Σ_n w·ℓ_n,pq,   Habs_pq = Σ_n w·|ℓ_n,pq|_magnitude,   E₁,pq = Σ_n w·(error of ℓ_n,pq) + (N + 2)·Habs_pq
 *
 * (w the reduction's weight: 1/N, 1/(N·k) for nn.MSELoss's mean, 1 for sum; the last term the
 * sum over samples and the weighting). The forward pass is nn.Sequential's: z_l = W_l h_{l−1} + b_l,
 * h_l = σ(z_l) between layers, logits f = z_L; the losses are written as PyTorch computes them —
 * cross-entropy as log Σ_c exp(f_c − s) + s − f_y with s = max_c f_c (an exact shift), squared
 * errors as Σ_c (f_c − t_c)² (× ½ for half-squared-error).
 *
 * It also returns H itself: an evaluation of the Hessian independent of the MLP engine
 * (forward-over-forward in hyper-dual arithmetic), which the tests hold the engine's answer to.
 * Cost: P(P + 1)/2 · N forward passes of O(P) tracked operations — milliseconds at the sizes
 * drawn (P ≲ 40); not meant for large models.
 */
import { zeros, type Matrix } from '../../linalg/matrix.js';
import { resolveActivation } from '../../nets/activation.js';
import type { MlpModelJson } from '../protocol/modelSchemas.js';
import { activationMagnitudes } from './activationMagnitudes.js';
import { ZERO, add, apply, constant, expFn, logFn, mul, parameter, scale, sub, type ScalarFunction, type Tracked } from './trackedHyperDual.js';
import type { UnitErrorBound } from './unitErrorBound.js';

export interface MlpBound extends UnitErrorBound {
  /** The Hessian evaluated in hyper-dual arithmetic (an independent reference). */
  readonly H: Matrix;
}

function activationFunction(name: string): ScalarFunction {
  const act = resolveActivation(name, 'model.activation');
  const mags = activationMagnitudes(act);
  return (z) => ({ d: [act.g(z), act.d1(z), act.d2(z)], M: mags(z) });
}

const exact = (x: number): Tracked => ({ v: [x, 0, 0, 0], m: [Math.abs(x), 0, 0, 0], e: [0, 0, 0, 0] });

export function mlpErrorBound(m: MlpModelJson): MlpBound {
  const sigma = activationFunction(m.activation);
  const layers = m.layers;
  const k = layers[layers.length - 1].weight.length;
  const N = m.X.length;
  // Flat θ in the protocol's order, and where each layer's entries start.
  const theta: number[] = [];
  for (const l of layers) {
    for (const row of l.weight) theta.push(...row);
    if (m.bias && l.bias) theta.push(...l.bias);
  }
  const P = theta.length;
  const w = m.reduction === 'sum' ? 1 : m.loss === 'mse' ? 1 / (N * k) : 1 / N;
  const H = zeros(P, P);
  const Habs = zeros(P, P);
  const E1 = zeros(P, P);
  const targets = m.targets ?? (m.labels ? m.labels.map((c) => Array.from({ length: k }, (_, j) => (j === c ? 1 : 0))) : null);
  for (let p = 0; p < P; p++) {
    for (let q = p; q < P; q++) {
      const th = theta.map((x, i) => parameter(x, i === p, i === q));
      let hv = 0;
      let hm = 0;
      let he = 0;
      for (let n = 0; n < N; n++) {
        let h: Tracked[] = m.X[n].map(constant);
        let off = 0;
        layers.forEach((layer, li) => {
          const out = layer.weight.length;
          const inn = layer.weight[0].length;
          const z: Tracked[] = [];
          for (let i = 0; i < out; i++) {
            let s: Tracked = ZERO;
            for (let j = 0; j < inn; j++) s = add(s, mul(th[off + i * inn + j], h[j]));
            z.push(s);
          }
          off += out * inn;
          if (m.bias) {
            for (let i = 0; i < out; i++) z[i] = add(z[i], th[off + i]);
            off += out;
          }
          h = li < layers.length - 1 ? z.map((zi) => apply(sigma, zi)) : z;
        });
        let ell: Tracked;
        if (m.loss === 'cross-entropy') {
          const y = (m.labels as number[])[n];
          const s = Math.max(...h.map((f) => f.v[0]));
          let acc: Tracked = ZERO;
          for (const f of h) acc = add(acc, apply(expFn, add(f, exact(-s))));
          ell = sub(add(apply(logFn, acc), exact(s)), h[y]);
        } else {
          let acc: Tracked = ZERO;
          h.forEach((f, c) => {
            const r = sub(f, constant((targets as number[][])[n][c]));
            acc = add(acc, mul(r, r));
          });
          ell = m.loss === 'half-squared-error' ? scale(acc, 0.5) : acc;
        }
        hv += w * ell.v[3];
        hm += w * ell.m[3];
        he += w * (ell.e[3] + ell.m[3]);
      }
      const e = he + (N + 2) * hm;
      for (const [i, j] of [[p, q], [q, p]]) {
        H.data[i * P + j] = hv;
        Habs.data[i * P + j] = hm;
        E1.data[i * P + j] = e;
      }
    }
  }
  return { H, Habs, E1 };
}
