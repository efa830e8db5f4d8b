/**
 * The native LAPACK backend against the portable one (two independent implementations of the
 * same contract) and against identities; skipped, with the reason, where the addon is not built.
 * Backend selection (auto, HC_BACKEND, the fallback note) is tested either way.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { gram, multiply, multiplyInto, portableMultiply } from '../../src/linalg/backendOps.js';
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

  it('singular values agree with the portable Golub–Kahan SVD (tall and wide)', () => {
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
    expect(Array.from(gram(native, { rows: 0, cols: 3, data: new Float64Array(0) }, 1, 'AtA').data)).toEqual(new Array(9).fill(0));
    expect(multiply(native, random(2, 0, 1), random(0, 3, 2)).data).toEqual(new Float64Array(6));
  });

  it('multiplyInto (dgemm, β = 0) overwrites a reused buffer and matches multiply bit for bit; checks the output shape', () => {
    const A = random(7, 5, 11);
    const B = random(6, 5, 12);
    const out: Matrix = { rows: 7, cols: 6, data: new Float64Array(42).fill(NaN) };
    multiplyInto(native, A, B, false, true, 0.5, out);
    expect(Array.from(out.data)).toEqual(Array.from(multiply(native, A, B, false, true, 0.5).data));
    expect(() => multiplyInto(native, A, B, false, true, 1, { rows: 6, cols: 7, data: new Float64Array(42) })).toThrow(/multiplyInto: out must be a 7x6 Matrix/);
    expect(() => multiplyInto(native, A, B, false, true, NaN, out)).toThrow(/multiplyInto: alpha must be a finite number/);
    // the portable fallback writes the same shape
    const p: Matrix = { rows: 7, cols: 6, data: new Float64Array(42).fill(NaN) };
    multiplyInto(portableBackend, A, B, false, true, 0.5, p);
    for (let i = 0; i < 42; i++) expect(Math.abs(p.data[i] - out.data[i])).toBeLessThan(5 * 5 * EPS * 25);
  });

  it('vector shapes go through dgemv and match the portable kernel (column, row, transposed)', () => {
    const A = random(40, 30, 21);
    const x = random(30, 1, 22);
    const xt = random(40, 1, 23);
    const pairs: [Matrix, Matrix][] = [
      [multiply(native, A, x), portableMultiply(A, x, false, false, 1)],
      [multiply(native, A, xt, true, false, 3), portableMultiply(A, xt, true, false, 3)],
      [multiply(native, A, { rows: 1, cols: 30, data: x.data }, false, true), portableMultiply(A, { rows: 1, cols: 30, data: x.data }, false, true, 1)],
      [multiply(native, { rows: 1, cols: 40, data: xt.data }, A), portableMultiply({ rows: 1, cols: 40, data: xt.data }, A, false, false, 1)],
      [multiply(native, { rows: 40, cols: 1, data: xt.data }, A, true, false, -1), portableMultiply({ rows: 40, cols: 1, data: xt.data }, A, true, false, -1)],
    ];
    for (const [got, ref] of pairs) {
      expect([got.rows, got.cols]).toEqual([ref.rows, ref.cols]);
      // ≤ 40 products of N(0,1) entries per entry: error ≤ 40·eps·Σ|ab| ≲ 40·eps·40·9·3.
      for (let i = 0; i < got.data.length; i++) expect(Math.abs(got.data[i] - ref.data[i])).toBeLessThan(40 * 40 * 27 * EPS);
    }
  });

  it('a result too large to allocate is an Error naming the method, not an abort', () => {
    // 1 × 2^21 → a 2^21 × 2^21 Gram (32 TiB): refused by the JavaScript allocation before the addon is called.
    const wide: Matrix = { rows: 1, cols: 2 ** 21, data: new Float64Array(2 ** 21) };
    expect(() => native.gram!(wide, 1, 'AtA')).toThrow(/nativeBackend\.gram: cannot allocate the 2097152x2097152 Gram matrix/);
    expect(() => native.multiply!(transposeOf(wide), wide, false, false, 1)).toThrow(/nativeBackend\.multiply: cannot allocate the 2097152x2097152 product/);
    expect(() => native.gram!(random(2, 2, 1), Infinity, 'AtA')).toThrow(/nativeBackend\.gram: scale must be a finite number/);
    expect(() => native.gram!(random(2, 2, 1), 1, 'both' as never)).toThrow(/side must be 'AtA' or 'AAt'/);
  });
});

function transposeOf(a: Matrix): Matrix {
  return { rows: a.cols, cols: a.rows, data: a.data };
}

describe.skipIf(!status.loaded)('the addon re-checks every argument (hc_lapack errors name the function and argument)', () => {
  const addon = status.loaded ? status.addon : (null as never);
  const f = (n: number) => new Float64Array(n);

  it('types, lengths and dimensions', () => {
    expect(() => addon.syrk(new Float32Array(4) as never, 2, 2, 1, true, f(4))).toThrow(/^hc_lapack\.syrk: argument 0 must be a Float64Array$/);
    expect(() => addon.syrk(f(3), 2, 2, 1, true, f(4))).toThrow(/^hc_lapack\.syrk: argument 0 has length 3, expected 4$/);
    expect(() => addon.syrk(f(4), 2, 2, 1, true, f(3))).toThrow(/argument 5 has length 3, expected 4/);
    expect(() => addon.syrk(f(4), 2, 2, 1, 1 as never, f(4))).toThrow(/syrk: argument 4 must be a boolean/);
    expect(() => addon.syrk(f(4), 2, 2, 'x' as never, true, f(4))).toThrow(/syrk: argument 3 must be a number/);
    for (const bad of [-1, 1.5, NaN, 2 ** 31, '2']) {
      expect(() => addon.eigvalsh(f(1), bad as never, f(1), f(1))).toThrow(/^hc_lapack\.eigvalsh: argument 1 must be an integer dimension in \[0, 2\^31 - 1\]$/);
    }
    expect(() => addon.eigvalsh(f(4), 2, f(1), f(4))).toThrow(/eigvalsh: argument 2 has length 1, expected 2/);
    expect(() => addon.eigh(f(4), 2, f(2), f(3))).toThrow(/eigh: argument 3 has length 3, expected 4/);
    expect(() => addon.svdvals(f(6), 2, 3, f(3), f(6))).toThrow(/svdvals: argument 3 has length 3, expected 2/);
    expect(() => (addon.gemm as (...a: unknown[]) => void)(f(1), 1, 1)).toThrow(/gemm: argument 5 must be an integer dimension/);
    expect(() => addon.gemm(f(6), 2, 3, false, f(6), 2, 3, false, 1, 0, f(4))).toThrow(/^hc_lapack\.gemm: inner dimensions differ \(3 vs 2\)$/);
    expect(() => addon.gemm(f(6), 2, 3, false, f(6), 3, 2, false, 1, 0, f(3))).toThrow(/gemm: argument 10 has length 3, expected 4/);
    expect(() => addon.gemm(f(6), 2, 3, false, f(6), 3, 2, false, 1, undefined as never, f(4))).toThrow(/gemm: argument 9 must be a number/);
    expect(() => addon.gemv(f(6), 2, 3, false, f(2), 1, 0, f(2))).toThrow(/^hc_lapack\.gemv: argument 4 has length 2, expected 3$/);
    expect(() => addon.gemv(f(6), 2, 3, true, f(2), 1, 0, f(2))).toThrow(/gemv: argument 7 has length 2, expected 3/);
    expect(() => addon.gemv(f(6), 2, 3, 'yes' as never, f(3), 1, 0, f(2))).toThrow(/gemv: argument 3 must be a boolean/);
  });

  it('an output that overlaps an input is refused (BLAS forbids aliasing)', () => {
    const buf = f(8);
    expect(() => addon.syrk(buf.subarray(0, 4), 2, 2, 1, true, buf.subarray(2, 6))).toThrow(/syrk: output argument 5 overlaps input argument 0/);
    expect(() => addon.gemm(buf.subarray(0, 4), 2, 2, false, f(4), 2, 2, false, 1, 0, buf.subarray(0, 4))).toThrow(/gemm: output argument 10 overlaps input argument 0/);
    expect(() => addon.gemv(buf.subarray(0, 4), 2, 2, false, buf.subarray(4, 6), 1, 0, buf.subarray(5, 7))).toThrow(/gemv: output argument 7 overlaps input argument 4/);
    expect(() => addon.eigvalsh(buf.subarray(0, 4), 2, f(2), buf.subarray(4, 8))).not.toThrow();
    expect(() => addon.eigvalsh(buf.subarray(0, 4), 2, f(2), buf.subarray(3, 7))).toThrow(/eigvalsh: output argument 3 overlaps input argument 0/);
  });

  it('the inputs are not modified; results land in the caller\'s arrays', () => {
    const a = Float64Array.of(2, 1, 1, 2);
    const w = f(2);
    const scratch = f(4);
    addon.eigvalsh(a, 2, w, scratch);
    expect(Array.from(a)).toEqual([2, 1, 1, 2]);
    expect(Math.abs(w[0] - 1)).toBeLessThan(4 * EPS);
    expect(Math.abs(w[1] - 3)).toBeLessThan(4 * EPS);
    expect(addon.info().api).toBe(3);
  });
});
