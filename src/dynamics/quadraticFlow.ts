/**
 * Exact solutions of the quadratic model in the eigenbasis of H (standard):
 *
 *   gradient flow    ḋ = −Hd:            d(t) = Σ_i e^{−λ_i t} c_i v_i
 *   gradient descent d ← d − ηHd, t steps: d_t = Σ_i (1 − ηλ_i)^t c_i v_i
 *
 * with c_i = v_iᵀd₀. Flat modes (src/dynamics/eigenbasis.ts) are given λ = 0 EXACTLY —
 * the model's definition, not their rounding-level computed values — so their
 * components are carried unchanged. Loss curves of these states are
 * src/dynamics/modeMixture.ts; this module returns the state itself.
 *
 * Accuracy: ‖d(t)‖ to about P·eps·‖d₀‖ plus the eigenvector error of the basis.
 * Cost: O(P²) per evaluation.
 */
import { modeAmplitudes, type QuadraticModel } from './eigenbasis.js';

function combine(m: QuadraticModel, c: Float64Array, factor: (lambda: number) => number): Float64Array {
  const P = m.P;
  const V = m.eigenvectors.data;
  const out = new Float64Array(P);
  for (let k = 0; k < P; k++) {
    const f = k < m.firstCurved ? 1 : factor(m.eigenvalues[k]);
    const ck = c[k] * f;
    if (ck === 0) continue;
    for (let i = 0; i < P; i++) out[i] += ck * V[i * P + k];
  }
  return out;
}

/** d(t) under gradient flow on the quadratic model, t ≥ 0 (continuous time). */
export function quadraticFlowState(m: QuadraticModel, d0: Float64Array, t: number): Float64Array {
  if (!(Number.isFinite(t) && t >= 0)) throw new Error(`quadraticFlowState: t must be a finite number ≥ 0, got ${t}`);
  return combine(m, modeAmplitudes(m, d0), (l) => Math.exp(-l * t));
}

/** d_t after t gradient-descent steps of size η on the quadratic model. */
export function quadraticDescentState(m: QuadraticModel, d0: Float64Array, eta: number, t: number): Float64Array {
  if (!(Number.isSafeInteger(t) && t >= 0)) throw new Error(`quadraticDescentState: t must be an integer ≥ 0, got ${t}`);
  if (!(Number.isFinite(eta) && eta > 0)) throw new Error(`quadraticDescentState: eta must be a finite number > 0, got ${eta}`);
  return combine(m, modeAmplitudes(m, d0), (l) => (t === 0 ? 1 : Math.pow(1 - eta * l, t)));
}
