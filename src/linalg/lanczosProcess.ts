/**
 * The Lanczos process with full reorthogonalisation: from a unit start vector q₁ it builds
 * an orthonormal Krylov basis Q_j = [q₁ … q_j] and the tridiagonal T_j = Q_jᵀ A Q_j
 * (diagonal α, off-diagonal β), one operator application per step.
 *
 * Source: Lanczos (1950); Golub & Van Loan (4th ed.) §10.1; full reorthogonalisation by
 * classical Gram–Schmidt after the three-term recurrence, repeated once when the DGKS test asks
 * (at most twice: "twice is enough", Giraud, Langou & Rozložník 2005), which keeps
 * ‖Q_jᵀQ_j − I‖ = O(eps) — so no ghost (spurious duplicate) Ritz values.
 *
 * Breakdown: β_j ≤ BREAKDOWN_RELATIVE·‖T‖ means span(Q_j) is numerically invariant. The
 * process then continues from a random vector orthogonal to Q_j with β_j := 0 (T becomes
 * block diagonal), which is how repeated eigenvalues are found; `restarts` counts these.
 *
 * Cost per step: one apply + 4·j·n flops per reorthogonalisation pass (one, sometimes two) (through the backend's dgemm
 * when it has one); memory (j + 1)·n float64 for the basis, and j·n more when the products
 * A·q_i are stored (`storeProducts`: Ritz residuals then need no further applications).
 */
import type { LinalgBackend } from './backend.js';
import { multiply, portableMultiply } from './backendOps.js';
import type { Matrix } from './matrix.js';
import { NonFiniteError } from './nonFinite.js';
import type { SymmetricOperator } from './operator.js';
import { Rng } from '../rng/rng.js';

/**
 * Below this fraction of ‖T‖ a β is treated as zero: dropping it perturbs A by at most
 * 1e-12·‖A‖ — rounding level for the reorthogonalised process, and far below the 1e-8
 * relative accuracy any caller asks for.
 */
export const BREAKDOWN_RELATIVE = 1e-12;
/** DGKS: reorthogonalise again when one pass leaves less than 1/√2 of the norm. */
const DGKS_ETA = Math.SQRT1_2;
const EPS_LANCZOS = 2 ** -52;
/** Partial reorthogonalisation keeps every |q_iᵀq_j| below √eps (semi-orthogonality, Simon 1984). */
const SEMI_ORTHOGONALITY = Math.sqrt(EPS_LANCZOS);

export type Reorthogonalisation = 'full' | 'partial';

export class LanczosProcess {
  readonly n: number;
  /** α_1..α_j. */
  readonly alpha: number[] = [];
  /** β_1..β_j: β_i couples q_i and q_{i+1} (β_j is the residual norm of the last step). */
  readonly beta: number[] = [];
  /** Number of invariant-subspace restarts so far. */
  restarts = 0;
  /** Largest Gershgorin row sum |α_i| + β_{i−1} + β_i of T seen: ≥ ‖T‖ (≤ 3‖A‖); scales the breakdown test. */
  normEstimate = 0;
  /** Full reorthogonalisation passes made (every step for 'full'). */
  fullReorthogonalisations = 0;
  private basis: Float64Array;
  private count = 0; // basis vectors stored (= j + 1 after j steps, the last being q_{j+1})
  /** A·q_i for i < steps, when stored. */
  private products: Float64Array | null;
  // Partial reorthogonalisation state: ω estimates for q_{j−1}, q_j, q_{j+1} against earlier vectors.
  private omegaPrev = new Float64Array(8);
  private omegaCur = Float64Array.of(1, 0, 0, 0, 0, 0, 0, 0);
  private omegaNext = new Float64Array(8);
  private forceNext = false;
  /** Level of |q_{j+1}ᵀq_j| after local reorthogonalisation (PROPACK's eps1 = √n·eps/2). */
  private readonly psi: number;

  constructor(
    private readonly op: SymmetricOperator,
    start: Float64Array,
    private readonly rng: Rng,
    private readonly backend: LinalgBackend | null,
    capacityHint = 32,
    storeProducts = false,
    /** Most basis vectors ever held (growth stops here; a caller capping its steps at m passes m + 1). */
    private readonly maxVectors = op.size + 1,
    /** 'full': against every basis vector at every step; 'partial': when the ω-recurrence says so. */
    readonly reorthogonalisation: Reorthogonalisation = 'full',
    /**
     * 'partial' only: reorthogonalise when some estimated |q_iᵀq_j| exceeds this level
     * (≤ √eps, semi-orthogonality). The reorthogonalisation coefficients it leaves out of T are
     * of this size, so explicit Ritz residuals carry an error of about level·‖A‖: callers
     * asking for residuals ≤ tol·‖A‖ pass a level below tol.
     */
    private readonly orthogonalityLevel = SEMI_ORTHOGONALITY,
  ) {
    this.n = op.size;
    if (start.length !== this.n) throw new Error(`LanczosProcess: start vector has ${start.length} entries, expected ${this.n}`);
    this.basis = new Float64Array(Math.max(2, Math.min(capacityHint, this.n + 1)) * this.n);
    this.products = storeProducts ? new Float64Array(this.basis.length) : null;
    this.psi = (Math.sqrt(this.n) * EPS_LANCZOS) / 2;
    const q = Float64Array.from(start);
    const nq = Math.sqrt(dot(q, q));
    if (!(nq > 0) || !Number.isFinite(nq)) throw new Error('LanczosProcess: start vector must be nonzero and finite');
    for (let i = 0; i < q.length; i++) q[i] /= nq;
    this.push(q);
  }

  /** Steps taken (the order of T). */
  get steps(): number {
    return this.alpha.length;
  }

  /** True when the Krylov space fills R^n: T's eigenvalues are then A's. */
  get exhausted(): boolean {
    return this.steps >= this.n;
  }

  /** One Lanczos step; returns false (and does nothing) once the space is exhausted. */
  step(): boolean {
    if (this.exhausted) return false;
    const j = this.steps; // 0-based index of the current vector q
    const n = this.n;
    const q = this.basis.subarray(j * n, (j + 1) * n);
    const w = this.op.apply(q);
    if (w.length !== n) throw new Error(`LanczosProcess: operator returned ${w.length} entries, expected ${n}`);
    if (this.products !== null) {
      if ((j + 1) * n > this.products.length) {
        const grown = new Float64Array(this.basis.length);
        grown.set(this.products.subarray(0, j * n));
        this.products = grown;
      }
      this.products.set(w, j * n);
    }
    let a = dot(q, w);
    // An input error, not a bug: the operator (e.g. H·v of a net with a weight of 1e308)
    // overflowed; NonFiniteError reaches the user as one line (found by the CLI fuzz).
    if (!Number.isFinite(a)) throw new NonFiniteError(`the operator product (H·v) at Lanczos step ${j + 1}`, a);
    // Three-term recurrence first, then reorthogonalisation against q_1..q_{j+1}: one classical
    // Gram–Schmidt pass, and a second only when the first removed more than 1 − 1/√2 of the
    // norm (the DGKS criterion; Daniel, Gragg, Kaufman & Stewart 1976) — at every step ('full'),
    // or only when the estimated loss of orthogonality calls for it ('partial').
    const bPrev = j > 0 ? this.beta[j - 1] : 0;
    const qPrev = j > 0 ? this.basis.subarray((j - 1) * n, j * n) : null;
    for (let i = 0; i < n; i++) w[i] -= a * q[i] + (qPrev === null ? 0 : bPrev * qPrev[i]);
    if (this.reorthogonalisation === 'partial') {
      // Local reorthogonalisation against q_j (O(n)): keeps |q_jᵀq_{j+1}| at rounding level.
      const c = dot(q, w);
      for (let i = 0; i < n; i++) w[i] -= c * q[i];
      a += c;
    }
    if (this.reorthogonalisation === 'full' || this.needsReorthogonalisation(j, a, Math.sqrt(dot(w, w)))) {
      this.fullReorthogonalisations++;
      for (let pass = 0; pass < 2; pass++) {
        const before = Math.sqrt(dot(w, w));
        a += this.orthogonalise(w, j + 1)[j];
        if (Math.sqrt(dot(w, w)) > DGKS_ETA * before) break;
      }
      this.omegaNext.fill(this.psi, 0, j + 1);
    }
    this.alpha.push(a);
    let b = Math.sqrt(dot(w, w));
    this.normEstimate = Math.max(this.normEstimate, Math.abs(a) + b + (j > 0 ? this.beta[j - 1] : 0));
    if (j + 1 === n) {
      this.beta.push(0); // T is n×n: nothing left to extend
      return true;
    }
    if (b <= BREAKDOWN_RELATIVE * this.normEstimate) {
      // Invariant subspace: continue from a random direction orthogonal to the basis.
      this.restarts++;
      b = 0;
      const r = this.rng.normals(n);
      this.orthogonalise(r, j + 1);
      this.orthogonalise(r, j + 1);
      const nr = Math.sqrt(dot(r, r));
      if (!(nr > 0)) throw new Error('LanczosProcess: could not extend the basis after breakdown');
      for (let i = 0; i < n; i++) r[i] /= nr;
      this.beta.push(0);
      this.push(r);
      this.omegaNext.fill(this.psi, 0, j + 1);
      this.rotateOmega(j);
      return true;
    }
    for (let i = 0; i < n; i++) w[i] /= b;
    this.beta.push(b);
    this.push(w);
    this.rotateOmega(j);
    return true;
  }

  /**
   * Partial reorthogonalisation (Simon 1984): estimates ω_{j+1,k} ≈ q_{j+1}ᵀq_k by the
   * recurrence β_j ω_{j+1,k} = β_k ω_{j,k+1} + (α_k − α_j) ω_{j,k} + β_{k−1} ω_{j,k−1}
   * − β_{j−1} ω_{j−1,k}, plus a rounding term 2·eps·‖A‖ of the sign of the estimate
   * (Templates for the Solution of Algebraic Eigenvalue Problems, Bai et al. 2000, §4.4).
   * Asks for a full reorthogonalisation when some |ω| exceeds the orthogonality level (√eps at
   * most) — and then for the next step's too, as Simon prescribes — which keeps the basis semi-orthogonal: T_j's
   * eigenvalues are then as accurate as with full reorthogonalisation (Simon, Thm 4) and no
   * spurious copies appear. Fills omegaNext with the estimates.
   */
  private needsReorthogonalisation(j: number, alphaJ: number, betaJ: number): boolean {
    const cur = this.omegaCur; // ω_{j,k}, k ≤ j (ω_{j,j} = 1)
    const prev = this.omegaPrev; // ω_{j−1,k}, k ≤ j − 1 (ω_{j−1,j−1} = 1)
    const next = this.omegaNext;
    const normA = Math.max(this.normEstimate, Math.abs(alphaJ) + betaJ);
    const bPrev = j > 0 ? this.beta[j - 1] : 0;
    let worst = 0;
    if (betaJ > 0) {
      for (let k = 0; k < j; k++) {
        const bk = this.beta[k];
        const bkm1 = k > 0 ? this.beta[k - 1] : 0;
        let x = bk * cur[k + 1] + (this.alpha[k] - alphaJ) * cur[k] + (k > 0 ? bkm1 * cur[k - 1] : 0) - bPrev * prev[k];
        x = (x + (x >= 0 ? 1 : -1) * 2 * EPS_LANCZOS * normA) / betaJ;
        next[k] = x;
        worst = Math.max(worst, Math.abs(x));
      }
    }
    next[j] = this.psi;
    const forced = this.forceNext;
    this.forceNext = false;
    if (forced) return true;
    if (betaJ > 0 && worst > this.orthogonalityLevel) {
      this.forceNext = true;
      return true;
    }
    return false;
  }

  /** After step j: ω_{j−1} ← ω_j, ω_j ← ω_{j+1} (with ω_{j+1,j+1} = 1). */
  private rotateOmega(j: number): void {
    if (this.reorthogonalisation !== 'partial') return;
    const needed = j + 3;
    if (this.omegaNext.length < needed) {
      const grow = (x: Float64Array) => {
        const y = new Float64Array(2 * needed);
        y.set(x);
        return y;
      };
      this.omegaPrev = grow(this.omegaPrev);
      this.omegaCur = grow(this.omegaCur);
      this.omegaNext = grow(this.omegaNext);
    }
    const t = this.omegaPrev;
    this.omegaPrev = this.omegaCur;
    this.omegaCur = this.omegaNext;
    this.omegaCur[j + 1] = 1;
    this.omegaNext = t;
  }

  /** Q_j s for a coefficient vector s of length ≤ steps (a Ritz vector when s is an eigenvector of T). */
  combine(s: ArrayLike<number>): Float64Array {
    const n = this.n;
    const out = new Float64Array(n);
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === 0) continue;
      const qi = this.basis.subarray(i * n, (i + 1) * n);
      for (let t = 0; t < n; t++) out[t] += c * qi[t];
    }
    return out;
  }

  /** True when A·q_i is stored for every applied basis vector. */
  get storesProducts(): boolean {
    return this.products !== null;
  }

  /**
   * Σ_i s[t][i]·q_i (source 'basis') or Σ_i s[t][i]·A q_i ('products', when stored) for each
   * coefficient vector s[t] (length ≤ steps): one product S·Q (k×j times j×n) through the
   * backend's dgemm when it has one, the portable blocked kernel otherwise.
   */
  combineMany(s: readonly ArrayLike<number>[], source: 'basis' | 'products'): Float64Array[] {
    const n = this.n;
    const src = source === 'basis' ? this.basis : this.products;
    if (src === null) throw new Error('LanczosProcess.combineMany: products were not stored (construct with storeProducts = true)');
    const k = s.length;
    const j = s.reduce((m, c) => Math.max(m, c.length), 0);
    if (j > this.steps) throw new Error(`LanczosProcess.combineMany: ${j} coefficients for ${this.steps} steps`);
    if (k === 0) return [];
    const S: Matrix = { rows: k, cols: j, data: new Float64Array(k * j) };
    s.forEach((c, t) => S.data.set(Array.from(c), t * j));
    const Q: Matrix = { rows: j, cols: n, data: src.subarray(0, j * n) };
    const Y = this.backend ? multiply(this.backend, S, Q) : portableMultiply(S, Q, false, false, 1);
    return s.map((_, t) => Y.data.slice(t * n, (t + 1) * n));
  }

  /** w ← w − Q_m (Q_mᵀ w) over the first m basis vectors; returns the coefficients Q_mᵀ w. */
  private orthogonalise(w: Float64Array, m: number): Float64Array {
    const n = this.n;
    if (this.backend && this.backend.multiply && m * n >= 4096) {
      const Q = { rows: m, cols: n, data: this.basis.subarray(0, m * n) };
      const c = multiply(this.backend, Q, { rows: n, cols: 1, data: w }); // m×1
      const corr = multiply(this.backend, Q, c, true, false); // n×1
      for (let t = 0; t < n; t++) w[t] -= corr.data[t];
      return c.data;
    }
    const c = new Float64Array(m);
    for (let i = 0; i < m; i++) c[i] = dot(this.basis.subarray(i * n, (i + 1) * n), w);
    for (let i = 0; i < m; i++) {
      const ci = c[i];
      const qi = this.basis.subarray(i * n, (i + 1) * n);
      for (let t = 0; t < n; t++) w[t] -= ci * qi[t];
    }
    return c;
  }

  private push(q: Float64Array): void {
    const n = this.n;
    if ((this.count + 1) * n > this.basis.length) {
      const cap = Math.min(this.n + 1, this.maxVectors);
      if (this.count + 1 > cap) throw new Error(`LanczosProcess: more than ${cap} basis vectors requested (raise maxVectors)`);
      const grown = new Float64Array(Math.min(2 * (this.count + 1), cap) * n);
      grown.set(this.basis.subarray(0, this.count * n));
      this.basis = grown;
      if (this.products !== null) {
        const p = new Float64Array(grown.length);
        p.set(this.products.subarray(0, this.steps * n));
        this.products = p;
      }
    }
    this.basis.set(q, this.count * n);
    this.count++;
  }
}

export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}
