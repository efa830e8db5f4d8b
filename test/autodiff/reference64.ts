/**
 * Float64 references for the autodiff tests (plain TypeScript, no tfjs):
 * seeded PRNG, scalar activations with exact first/second derivatives, the two
 * model families' loss and analytic gradient, a central-finite-difference
 * Hessian of that gradient, and the Gauss–Newton/absolute "cancellation scale"
 * used to derive float32 tolerances.
 *
 * Not a test file (no `.test.ts`): imported by the tests in this directory.
 */
import type { Matrix } from '../../src/linalg/matrix.js';
import type { ActivationSpec } from '../../src/nets/activationSpec.js';
import type { AutodiffProblem } from '../../src/autodiff/tfjsHessian.js';

// ---------------------------------------------------------------- PRNG

/** mulberry32: small, fast, seeded uint32 generator → [0, 1). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal sampler (Box–Muller on mulberry32). */
export function gaussian(seed: number): () => number {
  const u = mulberry32(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    let u1 = u();
    while (u1 <= 0) u1 = u();
    const u2 = u();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
}

export function randMatrix(rows: number, cols: number, rnd: () => number, scale = 1): Matrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = scale * rnd();
  return { rows, cols, data };
}

export function randVector(n: number, rnd: () => number, scale = 1): Float64Array {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = scale * rnd();
  return v;
}

// ---------------------------------------------------------------- activations (float64)

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * erf in float64: erf(x) = (2/√π) e^{−x²} Σ_{n≥0} 2ⁿ x^{2n+1} / (1·3·…·(2n+1)),
 * a series of positive terms (no cancellation), relative error ~1e-15; |x| ≥ 6
 * returns ±1 (erfc(6) ≈ 2e-17).
 */
export function erf64(x: number): number {
  const ax = Math.abs(x);
  if (ax >= 6) return Math.sign(x);
  let term = ax;
  let sum = ax;
  const x2 = ax * ax;
  for (let n = 1; n < 500; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return Math.sign(x) * TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

export interface Scalar3 {
  g: (z: number) => number;
  d1: (z: number) => number;
  d2: (z: number) => number;
}

const sig = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function activation64(spec: ActivationSpec): Scalar3 {
  if (typeof spec === 'object') {
    const c = spec.polynomial;
    return {
      g: (z) => c.reduceRight((acc, ck) => acc * z + ck, 0),
      d1: (z) => c.slice(1).reduceRight((acc, ck, i) => acc * z + (i + 1) * ck, 0),
      d2: (z) => c.slice(2).reduceRight((acc, ck, i) => acc * z + (i + 2) * (i + 1) * ck, 0),
    };
  }
  switch (spec) {
    case 'identity':
    case 'linear':
      return { g: (z) => z, d1: () => 1, d2: () => 0 };
    case 'tanh':
      return { g: Math.tanh, d1: (z) => 1 - Math.tanh(z) ** 2, d2: (z) => -2 * Math.tanh(z) * (1 - Math.tanh(z) ** 2) };
    case 'sigmoid':
      return { g: sig, d1: (z) => sig(z) * (1 - sig(z)), d2: (z) => sig(z) * (1 - sig(z)) * (1 - 2 * sig(z)) };
    case 'erf':
      return { g: erf64, d1: (z) => TWO_OVER_SQRT_PI * Math.exp(-z * z), d2: (z) => -2 * z * TWO_OVER_SQRT_PI * Math.exp(-z * z) };
    case 'softplus':
      return { g: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))), d1: sig, d2: (z) => sig(z) * (1 - sig(z)) };
    case 'relu':
      return { g: (z) => Math.max(z, 0), d1: (z) => (z > 0 ? 1 : 0), d2: () => 0 };
    default: {
      const k = Number(/^z\^(\d+)$/.exec(spec)?.[1]);
      if (!Number.isInteger(k)) throw new Error(`activation64: ${spec}`);
      return { g: (z) => z ** k, d1: (z) => k * z ** (k - 1), d2: (z) => (k < 2 ? 0 : k * (k - 1) * z ** (k - 2)) };
    }
  }
}

// ---------------------------------------------------------------- models (float64)

export interface LossGrad {
  loss: number;
  grad: Float64Array;
  residuals: Float64Array;
}

/** Parameter vector θ in the documented order. */
export function thetaOf(p: AutodiffProblem): Float64Array {
  if (p.family === 'two-layer') {
    const th = new Float64Array(p.W.data.length + p.a.length);
    th.set(p.W.data, 0);
    th.set(p.a, p.W.data.length);
    return th;
  }
  const th = new Float64Array(p.layers.reduce((s, l) => s + l.data.length, 0));
  let off = 0;
  for (const l of p.layers) {
    th.set(l.data, off);
    off += l.data.length;
  }
  return th;
}

/** The same problem with parameters replaced by θ. */
export function withTheta(p: AutodiffProblem, th: Float64Array): AutodiffProblem {
  if (p.family === 'two-layer') {
    const nW = p.W.data.length;
    return { ...p, W: { rows: p.W.rows, cols: p.W.cols, data: th.slice(0, nW) }, a: th.slice(nW) };
  }
  let off = 0;
  const layers = p.layers.map((l) => {
    const m = { rows: l.rows, cols: l.cols, data: th.slice(off, off + l.data.length) };
    off += l.data.length;
    return m;
  });
  return { ...p, layers };
}

/** Model outputs y_n (float64). */
export function outputs64(p: AutodiffProblem): Float64Array {
  const { X } = p;
  const N = X.rows;
  const Ni = X.cols;
  const y = new Float64Array(N);
  if (p.family === 'two-layer') {
    const act = activation64(p.activation);
    const Nh = p.W.rows;
    for (let n = 0; n < N; n++) {
      let s = 0;
      for (let j = 0; j < Nh; j++) {
        let z = 0;
        for (let k = 0; k < Ni; k++) z += p.W.data[j * Ni + k] * X.data[n * Ni + k];
        s += p.a[j] * act.g(z);
      }
      y[n] = s;
    }
    return y;
  }
  for (let n = 0; n < N; n++) {
    let v = Array.from(X.data.subarray(n * Ni, (n + 1) * Ni));
    for (const W of p.layers) {
      const out = new Array<number>(W.rows).fill(0);
      for (let i = 0; i < W.rows; i++) for (let k = 0; k < W.cols; k++) out[i] += W.data[i * W.cols + k] * v[k];
      v = out;
    }
    y[n] = v[0];
  }
  return y;
}

/** Loss 1/(2N) Σ (y − t)² and its analytic gradient, float64. */
export function lossGrad64(p: AutodiffProblem): LossGrad {
  const { X, targets } = p;
  const N = X.rows;
  const Ni = X.cols;
  const y = outputs64(p);
  const r = new Float64Array(N);
  let loss = 0;
  for (let n = 0; n < N; n++) {
    r[n] = y[n] - targets[n];
    loss += r[n] * r[n];
  }
  loss /= 2 * N;
  if (p.family === 'two-layer') {
    const act = activation64(p.activation);
    const Nh = p.W.rows;
    const grad = new Float64Array(Nh * Ni + Nh);
    for (let n = 0; n < N; n++) {
      const rn = r[n] / N;
      for (let j = 0; j < Nh; j++) {
        let z = 0;
        for (let k = 0; k < Ni; k++) z += p.W.data[j * Ni + k] * X.data[n * Ni + k];
        const c = rn * p.a[j] * act.d1(z);
        for (let k = 0; k < Ni; k++) grad[j * Ni + k] += c * X.data[n * Ni + k];
        grad[Nh * Ni + j] += rn * act.g(z);
      }
    }
    return { loss, grad, residuals: r };
  }
  // Deep linear: forward activations, then backprop of e = r/N.
  const L = p.layers.length;
  const offs: number[] = [];
  let P = 0;
  for (const W of p.layers) {
    offs.push(P);
    P += W.data.length;
  }
  const grad = new Float64Array(P);
  for (let n = 0; n < N; n++) {
    const acts: number[][] = [Array.from(X.data.subarray(n * Ni, (n + 1) * Ni))];
    for (const W of p.layers) {
      const v = acts[acts.length - 1];
      const out = new Array<number>(W.rows).fill(0);
      for (let i = 0; i < W.rows; i++) for (let k = 0; k < W.cols; k++) out[i] += W.data[i * W.cols + k] * v[k];
      acts.push(out);
    }
    let e = [r[n] / N];
    for (let l = L - 1; l >= 0; l--) {
      const W = p.layers[l];
      const a = acts[l];
      for (let i = 0; i < W.rows; i++) for (let k = 0; k < W.cols; k++) grad[offs[l] + i * W.cols + k] += e[i] * a[k];
      const back = new Array<number>(W.cols).fill(0);
      for (let i = 0; i < W.rows; i++) for (let k = 0; k < W.cols; k++) back[k] += W.data[i * W.cols + k] * e[i];
      e = back;
    }
  }
  return { loss, grad, residuals: r };
}

/**
 * Central finite differences of the analytic float64 gradient:
 * column i = (∇L(θ + h e_i) − ∇L(θ − h e_i)) / 2h, then symmetrized.
 * Truncation error h²·|∂³L|/6, round-off ~ eps64·|∇L|/h; with h = 1e-5 both are
 * ≲ 1e-10 relative here — four orders below any float32 tolerance.
 */
export function fdHessian64(p: AutodiffProblem, h = 1e-5): Matrix {
  const th = thetaOf(p);
  const P = th.length;
  const H = new Float64Array(P * P);
  for (let i = 0; i < P; i++) {
    const tp = th.slice();
    tp[i] += h;
    const tm = th.slice();
    tm[i] -= h;
    const gp = lossGrad64(withTheta(p, tp)).grad;
    const gm = lossGrad64(withTheta(p, tm)).grad;
    for (let j = 0; j < P; j++) H[j * P + i] = (gp[j] - gm[j]) / (2 * h);
  }
  for (let i = 0; i < P; i++)
    for (let j = i + 1; j < P; j++) {
      const s = 0.5 * (H[i * P + j] + H[j * P + i]);
      H[i * P + j] = s;
      H[j * P + i] = s;
    }
  return { rows: P, cols: P, data: H };
}

/**
 * Closed-form two-layer Hessian (float64) and its "absolute" companion
 * |H|_abs = (1/N) Σ_n (|J_n||J_n|ᵀ + |r_n| |∇²y_n|): the sum of absolute values
 * of the terms each float32 entry accumulates. ‖|H|_abs‖_F / ‖H‖_F measures
 * cancellation and enters the float32 tolerance.
 */
export function twoLayerHessian64(p: Extract<AutodiffProblem, { family: 'two-layer' }>): { H: Matrix; Habs: Matrix } {
  const { X, W, a } = p;
  const act = activation64(p.activation);
  const N = X.rows;
  const Ni = X.cols;
  const Nh = W.rows;
  const P = Nh * Ni + Nh;
  const H = new Float64Array(P * P);
  const A = new Float64Array(P * P);
  const r = lossGrad64(p).residuals;
  const J = new Float64Array(P);
  for (let n = 0; n < N; n++) {
    const xn = X.data.subarray(n * Ni, (n + 1) * Ni);
    const z = new Float64Array(Nh);
    for (let j = 0; j < Nh; j++) {
      let s = 0;
      for (let k = 0; k < Ni; k++) s += W.data[j * Ni + k] * xn[k];
      z[j] = s;
      for (let k = 0; k < Ni; k++) J[j * Ni + k] = a[j] * act.d1(s) * xn[k];
      J[Nh * Ni + j] = act.g(s);
    }
    for (let u = 0; u < P; u++)
      for (let v = 0; v < P; v++) {
        H[u * P + v] += (J[u] * J[v]) / N;
        A[u * P + v] += Math.abs(J[u] * J[v]) / N;
      }
    const rn = r[n] / N;
    for (let j = 0; j < Nh; j++) {
      const d2 = a[j] * act.d2(z[j]);
      const d1 = act.d1(z[j]);
      for (let k = 0; k < Ni; k++) {
        for (let l = 0; l < Ni; l++) {
          const v = rn * d2 * xn[k] * xn[l];
          H[(j * Ni + k) * P + j * Ni + l] += v;
          A[(j * Ni + k) * P + j * Ni + l] += Math.abs(v);
        }
        const c = rn * d1 * xn[k];
        const u = j * Ni + k;
        const v = Nh * Ni + j;
        H[u * P + v] += c;
        H[v * P + u] += c;
        A[u * P + v] += Math.abs(c);
        A[v * P + u] += Math.abs(c);
      }
    }
  }
  return { H: { rows: P, cols: P, data: H }, Habs: { rows: P, cols: P, data: A } };
}

/**
 * Closed-form Hessian of a TWO-layer deep-linear net y = v·(W x), v = layers[1]
 * (1×n1), W = layers[0] (n1×Ni):
 *   ∂y/∂W_ik = v_i x_k,  ∂y/∂v_i = (W x)_i,  ∂²y/∂W_ik∂v_m = δ_im x_k, other second derivatives 0;
 *   H = (1/N) Σ_n [J_n J_nᵀ + r_n ∇²y_n].
 */
export function deepLinear2Hessian64(p: Extract<AutodiffProblem, { family: 'deep-linear' }>): Matrix {
  if (p.layers.length !== 2) throw new Error('deepLinear2Hessian64: needs exactly 2 layers');
  const [W, V] = p.layers;
  const { X } = p;
  const N = X.rows;
  const Ni = X.cols;
  const n1 = W.rows;
  const P = n1 * Ni + n1;
  const H = new Float64Array(P * P);
  const r = lossGrad64(p).residuals;
  const J = new Float64Array(P);
  for (let n = 0; n < N; n++) {
    const xn = X.data.subarray(n * Ni, (n + 1) * Ni);
    for (let i = 0; i < n1; i++) {
      let h = 0;
      for (let k = 0; k < Ni; k++) {
        J[i * Ni + k] = V.data[i] * xn[k];
        h += W.data[i * Ni + k] * xn[k];
      }
      J[n1 * Ni + i] = h;
    }
    for (let u = 0; u < P; u++) for (let v = 0; v < P; v++) H[u * P + v] += (J[u] * J[v]) / N;
    for (let i = 0; i < n1; i++)
      for (let k = 0; k < Ni; k++) {
        const u = i * Ni + k;
        const v = n1 * Ni + i;
        H[u * P + v] += (r[n] * xn[k]) / N;
        H[v * P + u] += (r[n] * xn[k]) / N;
      }
  }
  return { rows: P, cols: P, data: H };
}

/**
 * The deep-linear "absolute" problem: |W_l|, |X|, and targets −(|r_n| + |t_n|),
 * so its residuals are ρ_n = |r_n| + |t_n| + y^abs_n — the scale on which the
 * float32 residual y − t is rounded. Because y is a sum of products of weights
 * and inputs, its gradient and Hessian bound, entry by entry, the sums of
 * ABSOLUTE values of the terms the real ones accumulate (with |r_n| → ρ_n).
 */
export function deepLinearAbsProblem(p: Extract<AutodiffProblem, { family: 'deep-linear' }>): AutodiffProblem {
  const abs = (m: Matrix): Matrix => ({ rows: m.rows, cols: m.cols, data: m.data.map(Math.abs) });
  const r = lossGrad64(p).residuals;
  return { family: 'deep-linear', layers: p.layers.map(abs), X: abs(p.X), targets: r.map((rn, n) => -(Math.abs(rn) + Math.abs(p.targets[n]))) };
}

/** Residual rounding scale ρ_n = |r_n| + |t_n| + Σ_j |a_j g(z_jn)| (two-layer). */
export function twoLayerResidualScale64(p: Extract<AutodiffProblem, { family: 'two-layer' }>): Float64Array {
  const { X, W, a } = p;
  const act = activation64(p.activation);
  const Ni = X.cols;
  const r = lossGrad64(p).residuals;
  return r.map((rn, n) => {
    let s = Math.abs(rn) + Math.abs(p.targets[n]);
    for (let j = 0; j < W.rows; j++) {
      let z = 0;
      for (let k = 0; k < Ni; k++) z += W.data[j * Ni + k] * X.data[n * Ni + k];
      s += Math.abs(a[j] * act.g(z));
    }
    return s;
  });
}

/**
 * Two-layer absolute gradient scale: (1/N) Σ_n ρ_n |J_n| (elementwise), the sum
 * of |terms| each float32 gradient entry accumulates, with the residual taken at
 * its rounding scale ρ_n (see twoLayerResidualScale64).
 */
export function twoLayerGradAbs64(p: Extract<AutodiffProblem, { family: 'two-layer' }>): Float64Array {
  const { X, W, a } = p;
  const act = activation64(p.activation);
  const N = X.rows;
  const Ni = X.cols;
  const Nh = W.rows;
  const rho = twoLayerResidualScale64(p);
  const out = new Float64Array(Nh * Ni + Nh);
  for (let n = 0; n < N; n++) {
    const rn = rho[n] / N;
    for (let j = 0; j < Nh; j++) {
      let z = 0;
      for (let k = 0; k < Ni; k++) z += W.data[j * Ni + k] * X.data[n * Ni + k];
      for (let k = 0; k < Ni; k++) out[j * Ni + k] += rn * Math.abs(a[j] * act.d1(z) * X.data[n * Ni + k]);
      out[Nh * Ni + j] += rn * Math.abs(act.g(z));
    }
  }
  return out;
}

/**
 * The part of the two-layer Hessian that tfjs's naive tanh/sigmoid drop: the
 * residual-weighted activation curvature (1/N) Σ_n r_n a_j g''(z_jn) x_n x_nᵀ
 * on each W_j diagonal block (zero elsewhere).
 */
export function twoLayerCurvatureTerm64(p: Extract<AutodiffProblem, { family: 'two-layer' }>): Matrix {
  const { X, W, a } = p;
  const act = activation64(p.activation);
  const N = X.rows;
  const Ni = X.cols;
  const Nh = W.rows;
  const P = Nh * Ni + Nh;
  const T = new Float64Array(P * P);
  const r = lossGrad64(p).residuals;
  for (let n = 0; n < N; n++)
    for (let j = 0; j < Nh; j++) {
      let z = 0;
      for (let k = 0; k < Ni; k++) z += W.data[j * Ni + k] * X.data[n * Ni + k];
      const c = (r[n] * a[j] * act.d2(z)) / N;
      for (let k = 0; k < Ni; k++)
        for (let l = 0; l < Ni; l++) T[(j * Ni + k) * P + j * Ni + l] += c * X.data[n * Ni + k] * X.data[n * Ni + l];
    }
  return { rows: P, cols: P, data: T };
}

export function subtract(a: Matrix, b: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v, i) => v - b.data[i]) };
}

// ---------------------------------------------------------------- norms

export function frob(m: Matrix | Float64Array): number {
  const d = m instanceof Float64Array ? m : m.data;
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i] * d[i];
  return Math.sqrt(s);
}

/** ‖A − B‖_F / ‖B‖_F. */
export function relFrob(a: Matrix | Float64Array, b: Matrix | Float64Array): number {
  const da = a instanceof Float64Array ? a : a.data;
  const db = b instanceof Float64Array ? b : b.data;
  if (da.length !== db.length) throw new Error(`relFrob: sizes ${da.length} vs ${db.length}`);
  let num = 0;
  for (let i = 0; i < da.length; i++) num += (da[i] - db[i]) ** 2;
  return Math.sqrt(num) / frob(db);
}

/** unit roundoff of float32 (2^-24). */
export const U32 = 2 ** -24;

/**
 * Float32 tolerance for a relative Frobenius (or max-abs/scale) error — derived,
 * not tuned. Every tfjs entry is an accumulation of at most K rounded float32
 * products (K = N·(Ni + Nh) for two-layer, N·(Ni + Σ widths) for deep-linear).
 * Probabilistic rounding-error analysis (Higham & Mary 2019) gives, with high
 * probability, |error| ≲ λ·√K·u·Σ|terms| per entry, u = 2⁻²⁴; over all entries
 *   relative Frobenius error ≲ λ·√K·u·κ,  κ = ‖|H|_abs‖_F / ‖H‖_F
 * (κ measures cancellation, computed in float64 by the helpers above). λ = 16
 * absorbs the fixed chain of kernels (matmul, activation kernels accurate to a
 * few ulp, both reverse passes) and the rounding of θ, X, t to float32. Observed
 * errors sit at 1–3·u·κ, i.e. ~1e-7, two orders inside; the dropped-curvature
 * trap is ≥ 1e-2, two to three orders outside (tests also assert tol < 1e-3).
 */
export function f32Tolerance(K: number, kappa: number): number {
  return 16 * U32 * Math.sqrt(K) * kappa;
}
