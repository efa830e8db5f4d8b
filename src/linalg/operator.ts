/**
 * A symmetric linear operator known only through its action: `size` and `apply`
 * (hessian-eigenthings' operator shape). The Hessian operators of src/hessian implement
 * it without forming a P×P matrix; `denseOperator` and `diagonalOperator` are the
 * known-answer operators tests use.
 */
import type { Matrix } from './matrix.js';

export interface SymmetricOperator {
  /** Dimension n: `apply` maps R^n → R^n. */
  readonly size: number;
  /** A·v as a new array; v is not modified. */
  apply(v: Float64Array): Float64Array;
}

/** The operator of a dense symmetric matrix (the caller guarantees symmetry). */
export function denseOperator(a: Matrix): SymmetricOperator {
  if (a.rows !== a.cols) throw new Error(`denseOperator: a must be square, got ${a.rows}x${a.cols}`);
  const n = a.rows;
  return {
    size: n,
    apply(v) {
      checkLength(v, n, 'denseOperator');
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        const row = i * n;
        for (let j = 0; j < n; j++) s += a.data[row + j] * v[j];
        out[i] = s;
      }
      return out;
    },
  };
}

/** diag(d): eigenvalues exactly d, eigenvectors the unit vectors. */
export function diagonalOperator(d: Float64Array): SymmetricOperator {
  const n = d.length;
  return {
    size: n,
    apply(v) {
      checkLength(v, n, 'diagonalOperator');
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = d[i] * v[i];
      return out;
    },
  };
}

export interface CountingOperator extends SymmetricOperator {
  /** Number of products taken so far (the cost of a Lanczos run). */
  readonly applications: number;
}

/**
 * An operator from its product: checks v's length (naming `who` in the error), counts the
 * applications, and carries any `extra` read-only fields (e.g. a Hessian's residual norm).
 */
export function countingOperator<E extends object = Record<never, never>>(size: number, who: string, product: (v: Float64Array) => Float64Array, extra?: E): CountingOperator & E {
  let applications = 0;
  return {
    ...(extra as E),
    size,
    get applications() {
      return applications;
    },
    apply(v: Float64Array): Float64Array {
      checkLength(v, size, who);
      applications++;
      return product(v);
    },
  };
}

export function checkLength(v: Float64Array, n: number, who: string): void {
  if (!(v instanceof Float64Array) || v.length !== n) {
    throw new Error(`${who}.apply: v must be a Float64Array of length ${n}, got ${v instanceof Float64Array ? v.length : typeof v}`);
  }
}
