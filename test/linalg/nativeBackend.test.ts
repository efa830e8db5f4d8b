/**
 * The native LAPACK backend against the portable one (two independent implementations of the
 * same contract) and against identities; skipped, with the reason, where the addon is not built.
 * Backend selection (auto, HC_BACKEND, the fallback note) is tested either way.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { gram, multiply, portableMultiply } from '../../src/linalg/backendOps.js';
import { EPS, gramAAt, gramAtA, type Matrix } from '../../src/linalg/matrix.js';
import { nativeStatus } from '../../src/linalg/native/loadNative.js';
import { portableBackend } from '../../src/linalg/portableBackend.js';
import { BACKEND_ENV, backendNote, describeBackend, getBackend, nativeAvailable } from '../../src/linalg/selectBackend.js';
import { Rng } from '../../src/rng/rng.js';

function random(rows: number, cols: number, seed: number): Matrix {
  return { rows, cols, data: Rng.fromSeed(seed).normals(rows * cols) };
}
function symmetric(n: number, seed: number): Matrix {
  const a = random(n, n, seed);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a.data[j * n + i] = a.data[i * n + j];
  return a;
}
const maxAbs = (x: ArrayLike<number>) => Math.max(...Array.from(x, Math.abs));

const status = nativeStatus();

describe('backend selection', () => {
  const saved = process.env[BACKEND_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[BACKEND_ENV];
    else process.env[BACKEND_ENV] = saved;
  });

  it("'auto' is native exactly when the addon loaded, and the note says why not otherwise", () => {
    delete process.env[BACKEND_ENV];
    expect(getBackend('auto').name).toBe(nativeAvailable() ? 'native' : 'portable');
    if (nativeAvailable()) expect(backendNote()).toBeNull();
    else expect(backendNote()).toMatch(/^using the portable backend: native LAPACK addon not available .*liblapacke-dev/);
    expect(backendNote('portable')).toBeNull();
  });

  it(`${BACKEND_ENV} pins what 'auto' means; a bad value names the variable`, () => {
    process.env[BACKEND_ENV] = 'portable';
    expect(getBackend()).toBe(portableBackend);
    expect(backendNote()).toBeNull();
    process.env[BACKEND_ENV] = 'lapack';
    expect(() => getBackend()).toThrow(/^HC_BACKEND: must be portable, native or auto, got "lapack"/);
  });

  it("'native' either returns the native backend or throws naming the reason and --backend portable", () => {
    if (status.loaded) {
      expect(getBackend('native').name).toBe('native');
      expect(describeBackend(getBackend('native'))).toMatch(/^native \(.*\d+ threads\)$/);
    } else {
      expect(() => getBackend('native')).toThrow(/native LAPACK backend is not built.*--backend portable/);
    }
  });
});

describe('the native build in CI', () => {
  // CI installs liblapacke-dev and libopenblas-dev (.ci/apt-packages.txt) before npm ci; a build
  // that then silently fails would leave every native path untested, so CI insists on it.
  const ciWithLibraries = process.env.CI === 'true' && existsSync('/usr/include/lapacke.h') && existsSync('/usr/lib/x86_64-linux-gnu/libopenblas.so');
  it.runIf(ciWithLibraries)('with LAPACKE and OpenBLAS installed, the addon is built and loads', () => {
    expect(status.loaded ? 'loaded' : status.reason).toBe('loaded');
  });
});

describe('portable multiply (the fallback of backendOps.multiply)', () => {
  it('all four transpose combinations match the definition', () => {
    const A = random(4, 3, 1);
    const B = random(3, 5, 2);
    const ref = (i: number, j: number) => {
      let s = 0;
      for (let r = 0; r < 3; r++) s += A.data[i * 3 + r] * B.data[r * 5 + j];
      return 2 * s;
    };
    const At: Matrix = { rows: 3, cols: 4, data: new Float64Array(12) };
    for (let i = 0; i < 4; i++) for (let r = 0; r < 3; r++) At.data[r * 4 + i] = A.data[i * 3 + r];
    const Bt: Matrix = { rows: 5, cols: 3, data: new Float64Array(15) };
    for (let r = 0; r < 3; r++) for (let j = 0; j < 5; j++) Bt.data[j * 3 + r] = B.data[r * 5 + j];
    for (const [a, b, ta, tb] of [[A, B, false, false], [At, B, true, false], [A, Bt, false, true], [At, Bt, true, true]] as const) {
      const C = portableMultiply(a, b, ta, tb, 2);
      expect([C.rows, C.cols]).toEqual([4, 5]);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 5; j++) expect(C.data[i * 5 + j]).toBeCloseTo(ref(i, j), 12);
    }
    expect(() => portableMultiply(A, A, false, false, 1)).toThrow(/inner dimensions differ/);
  });
});

describe.skipIf(!status.loaded)(`native backend vs portable${status.loaded ? '' : ` (skipped: ${status.loaded ? '' : status.reason})`}`, () => {
  const native = status.loaded ? getBackend('native') : portableBackend;

  it('symmetric eigenvalues agree to c·n·eps·‖A‖ (both backward stable)', () => {
    const n = 120;
    const A = symmetric(n, 5);
    const a = native.symmetricEigenvalues(A);
    const b = portableBackend.symmetricEigenvalues(A);
    const bound = 2 * 4 * n * EPS * maxAbs(b); // c = 4 per backend
    for (let i = 0; i < n; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(bound);
    expect(A.data[1]).toBe(symmetric(n, 5).data[1]); // input not modified
  });

  it('symmetricEigen: A·v_k = λ_k·v_k and VᵀV = I to O(n·eps)', () => {
    const n = 60;
    const A = symmetric(n, 6);
    const { values, vectors } = native.symmetricEigen(A);
    const scale = maxAbs(values);
    for (let k = 0; k < n; k += 7) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += A.data[i * n + j] * vectors.data[j * n + k];
        expect(Math.abs(s - values[k] * vectors.data[i * n + k])).toBeLessThan(16 * n * EPS * scale);
      }
      let nrm = 0;
      for (let i = 0; i < n; i++) nrm += vectors.data[i * n + k] ** 2;
      expect(Math.abs(nrm - 1)).toBeLessThan(16 * n * EPS);
    }
  });

  it('singular values agree with the portable Jacobi SVD (tall and wide)', () => {
    for (const [r, c] of [[50, 20], [20, 50]]) {
      const A = random(r, c, r + c);
      const a = native.singularValues(A);
      const b = portableBackend.singularValues(A);
      expect(a).toHaveLength(20);
      for (let i = 0; i < 20; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(8 * 50 * EPS * b[0]);
    }
  });

  it('gram (dsyrk) and multiply (dgemm) match the portable loops', () => {
    const A = random(30, 17, 9);
    const scale = 1 / 30;
    const pairs: [Matrix, Matrix][] = [
      [gram(native, A, scale, 'AtA'), gramAtA(A, scale)],
      [gram(native, A, scale, 'AAt'), gramAAt(A, scale)],
      [multiply(native, A, random(17, 4, 3)), portableMultiply(A, random(17, 4, 3), false, false, 1)],
      [multiply(native, A, random(30, 4, 3), true, false, -2), portableMultiply(A, random(30, 4, 3), true, false, -2)],
      [multiply(native, A, random(5, 17, 3), false, true), portableMultiply(A, random(5, 17, 3), false, true, 1)],
    ];
    for (const [x, y] of pairs) {
      expect([x.rows, x.cols]).toEqual([y.rows, y.cols]);
      // Sums of ≤ 30 products of N(0,1) entries: error ≤ 30·eps·Σ|a b| ≲ 30·eps·30·max².
      for (let i = 0; i < x.data.length; i++) expect(Math.abs(x.data[i] - y.data[i])).toBeLessThan(30 * 30 * EPS * 25);
    }
    const G = gram(native, A, 1, 'AtA');
    for (let i = 0; i < 17; i++) for (let j = 0; j < 17; j++) expect(G.data[i * 17 + j]).toBe(G.data[j * 17 + i]);
  });

  it('validates before calling LAPACK: errors name the method', () => {
    const bad: Matrix = { rows: 2, cols: 2, data: new Float64Array([1, NaN, NaN, 1]) };
    expect(() => native.symmetricEigenvalues(bad)).toThrow(/nativeBackend\.symmetricEigenvalues: a\.data\[1\] \(row 0, col 1\) is NaN/);
    expect(() => native.symmetricEigen({ rows: 2, cols: 3, data: new Float64Array(6) })).toThrow(/must be square/);
    expect(() => native.singularValues({ rows: 2, cols: 2, data: new Float64Array(3) })).toThrow(/data has length 3, expected rows\*cols = 4/);
    expect(() => multiply(native, random(2, 3, 1), random(2, 3, 1))).toThrow(/inner dimensions differ/);
  });

  it('empty matrices', () => {
    expect(native.symmetricEigenvalues({ rows: 0, cols: 0, data: new Float64Array(0) })).toHaveLength(0);
    expect(native.singularValues({ rows: 0, cols: 3, data: new Float64Array(0) })).toHaveLength(0);
  });
});
