/**
 * The shape of the compiled addon (native/src/addon.cc, API version 3): flat row-major
 * Float64Arrays with explicit dimensions in; results written into Float64Arrays the caller
 * allocated (so an oversized request fails as a catchable RangeError in JavaScript, never as
 * an abort inside N-API). `scratch` arguments receive LAPACK's destroyed copy of the input.
 */
export interface NativeAddon {
  eigvalsh(a: Float64Array, n: number, w: Float64Array, scratch: Float64Array): void;
  eigh(a: Float64Array, n: number, w: Float64Array, v: Float64Array): void;
  svdvals(a: Float64Array, rows: number, cols: number, s: Float64Array, scratch: Float64Array): void;
  syrk(a: Float64Array, rows: number, cols: number, alpha: number, transpose: boolean, c: Float64Array): void;
  gemm(a: Float64Array, aRows: number, aCols: number, transA: boolean, b: Float64Array, bRows: number, bCols: number, transB: boolean, alpha: number, beta: number, c: Float64Array): void;
  gemv(a: Float64Array, rows: number, cols: number, transA: boolean, x: Float64Array, alpha: number, beta: number, y: Float64Array): void;
  /**
   * The row pass of the two-layer Hessian-vector product (API 3): the native twin of
   * `twoLayerRowPass` in src/hessian/twoLayerHessianOperator.ts, bitwise identical to it.
   * `aD2` is empty at the optimum; S is overwritten with C, u and outA are written/accumulated.
   */
  twoLayerHvpPass(N: number, Nh: number, a: Float64Array, D1: Float64Array, aD2: Float64Array, r: Float64Array, invN: number, gva: Float64Array, va: Float64Array, S: Float64Array, u: Float64Array, outA: Float64Array): void;
  info(): { config: string; threads: number; api?: number };
}

/** The addon API this TypeScript expects (info().api); an older build is reported as stale. */
export const NATIVE_API_VERSION = 3;

const METHODS = ['eigvalsh', 'eigh', 'svdvals', 'syrk', 'gemm', 'gemv', 'twoLayerHvpPass', 'info'] as const;

/** True when `x` has every addon function (guards against a foreign build; the API version is checked on load). */
export function isNativeAddon(x: unknown): x is NativeAddon {
  return typeof x === 'object' && x !== null && METHODS.every((m) => typeof (x as Record<string, unknown>)[m] === 'function');
}
