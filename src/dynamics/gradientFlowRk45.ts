/**
 * Gradient flow on the REAL loss, θ̇ = −∇L(θ), integrated from θ₀ = θ* + d₀ by the
 * Dormand–Prince 5(4) embedded Runge–Kutta pair with local error control, recording L at
 * requested times (steps are clipped to land on them exactly).
 *
 * Source: Dormand & Prince, "A family of embedded Runge–Kutta formulae", J. Comput. Appl.
 * Math. 6 (1980); step-size control and error norm of Hairer, Nørsett & Wanner, Solving
 * Ordinary Differential Equations I, 2nd ed., §II.4 (RMS norm, safety 0.9, factors in
 * [0.2, 5], no growth right after a rejection). The coefficients are those of DOPRI5.
 *
 * The unknown is d = θ − θ*, not θ: near the optimum d is tiny against |θ*| = O(1), and a
 * tolerance relative to θ would not control d at all. Per coordinate the scale is
 * atol + rtol·max(|d_i|, |d̃_i|); defaults rtol = 1e-8 and atol = 1e-12·‖d₀‖∞ (the flat
 * components of d stay at ‖d₀‖, so atol only matters for coordinates passing through 0).
 * Accuracy: the local error per step is kept ≲ tolerance; the global error of the loss is
 * not rigorously bounded — on diagonal quadratics it stays ≤ ~10·rtol relative per e-fold
 * of decay (test/dynamics/gradientFlowRk45.test.ts measures it).
 * Stiffness: explicit, so h ≲ 3.3/λ_max for stability; a flow to time T takes
 * ≈ 0.3·T·λ_max steps, ~κ per e-fold of the slowest mode. Loops are capped by maxSteps.
 * Cost: 6 gradient evaluations (O(N·P) each) per accepted or rejected step (FSAL).
 */
import { gradient, loss, type LeastSquaresProblem } from '../hessian/problem.js';

export interface Rk45Options {
  /** Relative tolerance per coordinate of d. @defaultValue 1e-8 */
  readonly rtol?: number;
  /** Absolute tolerance per coordinate of d. @defaultValue 1e-12·‖d₀‖∞ */
  readonly atol?: number;
  /** Cap on accepted + rejected steps. @defaultValue 1e6 */
  readonly maxSteps?: number;
}

export interface Rk45Run {
  /** The requested output times, ascending. */
  readonly times: Float64Array;
  /** L(θ(t)) at each time reached; NaN-free: entries after a stop are absent (array is shorter). */
  readonly losses: Float64Array;
  /** True when every requested time was reached within maxSteps with finite values. */
  readonly completed: boolean;
  readonly acceptedSteps: number;
  readonly rejectedSteps: number;
  /** θ at the last time reached. */
  readonly theta: Float64Array;
  /** θ at each time reached (P floats per requested time). */
  readonly thetas: readonly Float64Array[];
}

// Dormand–Prince 5(4) tableau.
const C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1];
const A: number[][] = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
];
/** 5th-order weights (= A[6], FSAL) minus the embedded 4th-order ones. */
const E = [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];

export function gradientFlowRk45(p: LeastSquaresProblem, thetaStar: Float64Array, d0: Float64Array, times: readonly number[], opts: Rk45Options = {}): Rk45Run {
  const fn = 'gradientFlowRk45';
  const P = p.model.P;
  if (thetaStar.length !== P || d0.length !== P) throw new Error(`${fn}: θ* has ${thetaStar.length} and d₀ ${d0.length} entries, expected P = ${P}`);
  if (!d0.every(Number.isFinite) || !thetaStar.every(Number.isFinite)) throw new Error(`${fn}: θ* and d₀ must be finite`);
  for (let i = 0; i < times.length; i++) {
    if (!(Number.isFinite(times[i]) && times[i] >= 0 && (i === 0 || times[i] > times[i - 1]))) {
      throw new Error(`${fn}: times must be finite, ≥ 0 and strictly ascending; times[${i}] = ${times[i]}`);
    }
  }
  let d0max = 0;
  for (let i = 0; i < P; i++) d0max = Math.max(d0max, Math.abs(d0[i]));
  const rtol = opts.rtol ?? 1e-8;
  const atol = opts.atol ?? 1e-12 * d0max;
  const maxSteps = opts.maxSteps ?? 1_000_000;
  if (!(rtol > 0 && rtol < 1)) throw new Error(`${fn}: rtol must be in (0, 1), got ${rtol}`);
  if (!(atol >= 0 && Number.isFinite(atol)) || (atol === 0 && d0max === 0)) throw new Error(`${fn}: atol must be finite and ≥ 0 (> 0 when d₀ = 0), got ${atol}`);
  if (!(Number.isSafeInteger(maxSteps) && maxSteps > 0)) throw new Error(`${fn}: maxSteps must be a positive integer, got ${maxSteps}`);

  const theta = new Float64Array(P);
  const f = (d: Float64Array): Float64Array => {
    for (let i = 0; i < P; i++) theta[i] = thetaStar[i] + d[i];
    const g = gradient(p, theta);
    for (let i = 0; i < P; i++) g[i] = -g[i];
    return g;
  };
  const lossAt = (d: Float64Array) => {
    for (let i = 0; i < P; i++) theta[i] = thetaStar[i] + d[i];
    return loss(p, theta);
  };

  let d = Float64Array.from(d0);
  let t = 0;
  let k1 = f(d);
  const k: Float64Array[] = new Array(7);
  const losses: number[] = [];
  const thetas: Float64Array[] = [];
  const record = () => {
    const L = lossAt(d); // leaves θ* + d in `theta`
    losses.push(L);
    thetas.push(Float64Array.from(theta));
    return L;
  };
  let accepted = 0;
  let rejected = 0;
  // Starting step (HNW §II.4, simplified): 1% of the time for d to change by its own size.
  const norm = (v: Float64Array, scaleOf: (i: number) => number) => {
    let s = 0;
    for (let i = 0; i < P; i++) s += (v[i] / scaleOf(i)) ** 2;
    return Math.sqrt(s / P);
  };
  const sc0 = (i: number) => atol + rtol * Math.abs(d[i]);
  const n0 = norm(d, sc0);
  const n1 = norm(k1, sc0);
  let h = n0 > 1e-5 && n1 > 1e-5 ? (0.01 * n0) / n1 : 1e-6;
  let lastRejected = false;
  const tmp = new Float64Array(P);
  let out = 0;
  while (out < times.length && times[out] === 0) {
    record();
    out++;
  }
  while (out < times.length) {
    if (accepted + rejected >= maxSteps) break;
    const target = times[out];
    const hStep = Math.min(h, target - t);
    k[0] = k1;
    for (let s = 1; s < 7; s++) {
      for (let i = 0; i < P; i++) {
        let acc = d[i];
        for (let j = 0; j < s; j++) acc += hStep * A[s][j] * k[j][i];
        tmp[i] = acc;
      }
      k[s] = f(tmp);
    }
    const dNew = Float64Array.from(tmp); // stage 7 is evaluated at the 5th-order solution
    let err = 0;
    let finite = true;
    for (let i = 0; i < P; i++) {
      let e = 0;
      for (let j = 0; j < 7; j++) e += E[j] * k[j][i];
      e *= hStep;
      const sc = atol + rtol * Math.max(Math.abs(d[i]), Math.abs(dNew[i]));
      err += (e / sc) ** 2;
      if (!Number.isFinite(dNew[i]) || !Number.isFinite(k[6][i])) finite = false;
    }
    if (!finite) break;
    err = Math.sqrt(err / P);
    if (err <= 1) {
      accepted++;
      t = hStep === target - t ? target : t + hStep;
      d = dNew;
      k1 = k[6];
      if (t === target) {
        if (!Number.isFinite(lossAt(d))) break;
        record();
        out++;
      }
      const grow = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
      const next = hStep * (lastRejected ? Math.min(1, grow) : grow);
      // A step clipped to land on an output time says nothing against the proposal it replaced.
      h = hStep < h ? Math.max(h, next) : next;
      lastRejected = false;
    } else {
      rejected++;
      h = hStep * Math.max(0.2, 0.9 * Math.pow(err, -0.2));
      lastRejected = true;
    }
  }
  for (let i = 0; i < P; i++) theta[i] = thetaStar[i] + d[i];
  return {
    times: Float64Array.from(times),
    losses: Float64Array.from(losses),
    completed: out === times.length,
    acceptedSteps: accepted,
    rejectedSteps: rejected,
    theta: Float64Array.from(theta),
    thetas,
  };
}
