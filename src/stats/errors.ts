/**
 * Argument validation for the public (throwing) layer of src/stats.
 *
 * Error policy (see README.md in this folder): special functions return NaN on domain errors,
 * like scipy.special; distribution constructors and public test functions throw an Error whose
 * message names the function, the field and the fix, e.g.
 *   "ChiSquared: field `df` must be a finite number > 0 (got -1); pass the degrees of freedom."
 */

/** Throws `Error("<fn>: field `<field>` <problem> (got <value>); <fix>")`. */
export function invalidArgument(fn: string, field: string, problem: string, value: unknown, fix: string): never {
  throw new Error(`${fn}: field \`${field}\` ${problem} (got ${formatValue(value)}); ${fix}`);
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `typed array of length ${(value as unknown as ArrayLike<unknown>).length}`;
  return typeof value;
}

/** Requires a finite number > 0. */
export function requirePositive(fn: string, field: string, value: unknown, fix: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) {
    invalidArgument(fn, field, 'must be a finite number > 0', value, fix);
  }
  return value;
}

/** Requires an integer ≥ min. */
export function requireInteger(fn: string, field: string, value: unknown, min: number, fix: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    invalidArgument(fn, field, `must be an integer >= ${min}`, value, fix);
  }
  return value;
}

/** Requires a number in [lo, hi]. */
export function requireInRange(fn: string, field: string, value: unknown, lo: number, hi: number, fix: string): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < lo || value > hi) {
    invalidArgument(fn, field, `must be a number in [${lo}, ${hi}]`, value, fix);
  }
  return value;
}

/** Requires a non-empty array (or typed array) of finite numbers; returns a Float64Array copy. */
export function requireFiniteSample(fn: string, field: string, value: unknown, fix: string): Float64Array {
  const isArrayLike = Array.isArray(value) || value instanceof Float64Array || value instanceof Float32Array;
  if (!isArrayLike) invalidArgument(fn, field, 'must be an array of finite numbers', value, fix);
  const arr = value as ArrayLike<number>;
  if (arr.length === 0) invalidArgument(fn, field, 'must not be empty', value, fix);
  const out = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      invalidArgument(fn, `${field}[${i}]`, 'must be a finite number', v, fix);
    }
    out[i] = v;
  }
  return out;
}
