/**
 * Input checks for the native backend, so errors name the backend method and the fix before
 * any data crosses into C++ (the addon itself only re-checks lengths).
 */
import type { Matrix } from '../matrix.js';

export function checkNativeMatrix(a: Matrix, fn: string, square: boolean, requireFinite = true): void {
  if (a === null || typeof a !== 'object' || !(a.data instanceof Float64Array)) {
    throw new TypeError(`nativeBackend.${fn}: argument must be a Matrix {rows, cols, data: Float64Array}`);
  }
  const { rows, cols, data } = a;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new Error(`nativeBackend.${fn}: rows and cols must be non-negative integers, got ${rows}x${cols}`);
  }
  if (square && rows !== cols) throw new Error(`nativeBackend.${fn}: a must be square (symmetric), got ${rows}x${cols}`);
  if (data.length !== rows * cols) throw new Error(`nativeBackend.${fn}: data has length ${data.length}, expected rows*cols = ${rows * cols}`);
  if (!requireFinite) return;
  for (let idx = 0; idx < data.length; idx++) {
    const v = data[idx];
    if (!Number.isFinite(v)) {
      throw new Error(`nativeBackend.${fn}: a.data[${idx}] (row ${Math.floor(idx / cols)}, col ${idx % cols}) is ${v}; entries must be finite`);
    }
  }
}
