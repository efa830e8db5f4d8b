/**
 * Dense float64 matrices: flat row-major `Float64Array` storage with an explicit
 * shape. Every hot loop indexes `data[i * cols + j]`; no arrays of rows.
 */
import { portableGemm, portableSyrk } from './portable/gemm.js';
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major: entry (i, j) is data[i * cols + j]. */
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function identity(n: number): Matrix {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/** Build from nested arrays (as read from JSON); the caller validates shapes first. */
export function fromRows(rows: ReadonlyArray<ReadonlyArray<number>>): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const m = zeros(r, c);
  for (let i = 0; i < r; i++) {
    const row = rows[i];
    if (row.length !== c) throw new Error(`fromRows: row ${i} has ${row.length} entries, expected ${c}`);
    for (let j = 0; j < c; j++) m.data[i * c + j] = row[j];
  }
  return m;
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

export function transpose(m: Matrix): Matrix {
  const t = zeros(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j];
  return t;
}

/** C = A·B, through the cache-blocked kernel of ./portable/gemm.ts (≈ 3 GF/s in Node). */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new Error(`matmul: inner dimensions ${a.rows}x${a.cols} · ${b.rows}x${b.cols}`);
  return portableGemm(a, b, false, false, 1);
}

/** y = A·x */
export function matvec(a: Matrix, x: Float64Array): Float64Array {
  if (a.cols !== x.length) throw new Error(`matvec: ${a.rows}x${a.cols} · vector of ${x.length}`);
  const y = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    const ai = i * a.cols;
    for (let j = 0; j < a.cols; j++) s += a.data[ai + j] * x[j];
    y[i] = s;
  }
  return y;
}

/** y = Aᵀ·x */
export function matTvec(a: Matrix, x: Float64Array): Float64Array {
  if (a.rows !== x.length) throw new Error(`matTvec: (${a.rows}x${a.cols})ᵀ · vector of ${x.length}`);
  const y = new Float64Array(a.cols);
  for (let i = 0; i < a.rows; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const ai = i * a.cols;
    for (let j = 0; j < a.cols; j++) y[j] += a.data[ai + j] * xi;
  }
  return y;
}

/** scale · AᵀA (cols×cols), symmetric to the bit (blocked kernel of ./portable/gemm.ts). */
export function gramAtA(a: Matrix, scale = 1): Matrix {
  return portableSyrk(a, scale, 'AtA');
}

/** scale · AAᵀ (rows×rows), symmetric to the bit (blocked kernel of ./portable/gemm.ts). */
export function gramAAt(a: Matrix, scale = 1): Matrix {
  return portableSyrk(a, scale, 'AAt');
}

export function add(a: Matrix, b: Matrix, scaleB = 1): Matrix {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(`add: shapes ${a.rows}x${a.cols} and ${b.rows}x${b.cols}`);
  const c = zeros(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) c.data[i] = a.data[i] + scaleB * b.data[i];
  return c;
}

export function scale(a: Matrix, s: number): Matrix {
  const c = zeros(a.rows, a.cols);
  for (let i = 0; i < a.data.length; i++) c.data[i] = a.data[i] * s;
  return c;
}

export function trace(a: Matrix): number {
  let s = 0;
  for (let i = 0; i < Math.min(a.rows, a.cols); i++) s += a.data[i * a.cols + i];
  return s;
}

/** Frobenius norm, scaled to avoid overflow. */
export function frobenius(a: Matrix): number {
  return norm2(a.data);
}

/** Euclidean norm of a vector, scaled (LAPACK dnrm2 style) so no overflow or underflow. */
export function norm2(x: ArrayLike<number>): number {
  let scaleV = 0;
  let ssq = 1;
  for (let i = 0; i < x.length; i++) {
    const v = Math.abs(x[i]);
    if (v === 0) continue;
    if (scaleV < v) {
      ssq = 1 + ssq * (scaleV / v) * (scaleV / v);
      scaleV = v;
    } else {
      ssq += (v / scaleV) * (v / scaleV);
    }
  }
  return scaleV * Math.sqrt(ssq);
}

export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

/** Largest |A_ij − B_ij|. */
export function maxAbsDiff(a: Matrix, b: Matrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new Error(`maxAbsDiff: shapes ${a.rows}x${a.cols} and ${b.rows}x${b.cols}`);
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
  return m;
}

export function isSymmetric(a: Matrix, tol = 0): boolean {
  if (a.rows !== a.cols) return false;
  const n = a.rows;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (Math.abs(a.data[i * n + j] - a.data[j * n + i]) > tol) return false;
  return true;
}

/** Machine epsilon of float64 (2^-52). */
export const EPS = 2 ** -52;
