/**
 * Backend selection, the barrel, and the backend's input validation.
 */
import { describe, expect, it } from 'vitest';
import { getBackend, numericalRank, zeros, BACKEND_NAMES, type LinalgBackend } from '../../src/linalg/index.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';

describe('getBackend', () => {
  // 'auto' prefers the native backend when its addon is built (test/linalg/nativeBackend.test.ts
  // covers that choice); 'portable' is always the portable backend.
  it("'portable' returns the portable backend; 'auto' and the default return a backend", () => {
    expect(getBackend('portable')).toBe(portableBackend);
    expect(['portable', 'native']).toContain(getBackend('auto').name);
    expect(getBackend()).toBe(getBackend('auto'));
    expect(BACKEND_NAMES).toEqual(['portable', 'native', 'auto']);
  });

  it('an unknown name is rejected', () => {
    expect(() => getBackend('lapack' as never)).toThrow(/unknown backend name "lapack"/);
  });

  it('the barrel exposes matrices, backends and numericalRank together', () => {
    const b: LinalgBackend = getBackend();
    const s = b.singularValues(zeros(3, 2));
    expect(numericalRank(s, 3, 2).rank).toBe(0);
  });
});

describe('portable backend input validation', () => {
  const b = portableBackend;

  it('non-square input to symmetricEigenvalues / symmetricEigen', () => {
    expect(() => b.symmetricEigenvalues(zeros(2, 3))).toThrow(/portableBackend\.symmetricEigenvalues: a must be square \(symmetric\), got 2x3/);
    expect(() => b.symmetricEigen(zeros(3, 2))).toThrow(/portableBackend\.symmetricEigen: a must be square \(symmetric\), got 3x2/);
  });

  it('non-finite entries name the method, index and position', () => {
    const a = zeros(3, 3);
    a.data[5] = NaN;
    expect(() => b.symmetricEigenvalues(a)).toThrow(/symmetricEigenvalues: a\.data\[5\] \(row 1, col 2\) is NaN; entries must be finite/);
    a.data[5] = Infinity;
    expect(() => b.symmetricEigen(a)).toThrow(/symmetricEigen: a\.data\[5\] \(row 1, col 2\) is Infinity/);
    const c = zeros(2, 4);
    c.data[7] = -Infinity;
    expect(() => b.singularValues(c)).toThrow(/singularValues: a\.data\[7\] \(row 1, col 3\) is -Infinity/);
  });

  it('malformed matrices', () => {
    expect(() => b.symmetricEigenvalues({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(/a\.data has length 3, expected rows\*cols = 4/);
    expect(() => b.singularValues({ rows: -1, cols: 2, data: new Float64Array(0) })).toThrow(/non-negative integers/);
    expect(() => b.singularValues({ rows: 1, cols: 1, data: [1] as unknown as Float64Array })).toThrow(/must be a Matrix/);
  });
});
