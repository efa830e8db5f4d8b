/**
 * The dense float64 matrix shape shared by every kernel: flat row-major `Float64Array`
 * storage with an explicit shape. Its own module so that kernels (./portable/gemm.ts) can name
 * the type without importing ./matrix.ts, which imports them.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major: entry (i, j) is data[i * cols + j]. */
  readonly data: Float64Array;
}
