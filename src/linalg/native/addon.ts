/**
 * The shape of the compiled addon (native/src/addon.cc): flat row-major Float64Arrays with
 * explicit dimensions in, fresh Float64Arrays out.
 */
export interface NativeAddon {
  eigvalsh(a: Float64Array, n: number): Float64Array;
  eigh(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array };
  svdvals(a: Float64Array, rows: number, cols: number): Float64Array;
  syrk(a: Float64Array, rows: number, cols: number, alpha: number, transpose: boolean): Float64Array;
  gemm(a: Float64Array, aRows: number, aCols: number, transA: boolean, b: Float64Array, bRows: number, bCols: number, transB: boolean, alpha: number): Float64Array;
  info(): { config: string; threads: number };
}

const METHODS = ['eigvalsh', 'eigh', 'svdvals', 'syrk', 'gemm', 'info'] as const;

/** True when `x` has every addon function (guards against a stale or foreign build). */
export function isNativeAddon(x: unknown): x is NativeAddon {
  return typeof x === 'object' && x !== null && METHODS.every((m) => typeof (x as Record<string, unknown>)[m] === 'function');
}
