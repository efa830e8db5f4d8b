/**
 * The native row pass of the two-layer Hessian-vector product (native/src/addon.cc,
 * twoLayerHvpPass, API 3) against its JavaScript twin (twoLayerRowPass): the same operations in
 * the same order, compiled without fused multiply-adds, so the results must be bitwise equal —
 * on and off the optimum, including rows whose residual is exactly 0. Then the addon's error
 * paths: every argument checked, nothing read or written out of bounds. Skipped, with the
 * reason, where the addon is not built (the operator then uses the JavaScript pass; the
 * operator itself is checked against the dense Hessian in test/perf/matrixFreeHvp.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { twoLayerRowPass } from '../../src/hessian/twoLayerHessianOperator.js';
import { nativeStatus } from '../../src/linalg/native/loadNative.js';
import { Rng } from '../../src/rng/rng.js';

const status = nativeStatus();
const f = (n: number) => new Float64Array(n);

function inputs(N: number, Nh: number, residual: boolean, seed: number) {
  const rng = Rng.fromSeed(seed);
  const r = rng.normals(N);
  if (residual) for (let n = 0; n < N; n += 3) r[n] = 0; // rows on the θ*-branch inside an off-θ* pass
  return {
    a: rng.normals(Nh),
    D1: rng.normals(N * Nh),
    aD2: residual ? rng.normals(N * Nh) : f(0),
    r: residual ? r : f(N),
    gva: rng.normals(N),
    va: rng.normals(Nh),
    S: rng.normals(N * Nh),
    outA: rng.normals(Nh),
  };
}

describe.runIf(status.loaded)('native twoLayerHvpPass', () => {
  const addon = status.loaded ? status.addon : (null as never);

  for (const [N, Nh, residual] of [[7, 5, true], [7, 5, false], [64, 33, true], [1, 1, true], [0, 4, true], [3, 0, false]] as const) {
    it(`is bitwise the JavaScript pass (N = ${N}, Nh = ${Nh}, ${residual ? 'off' : 'at'} the optimum)`, () => {
      const x = inputs(N, Nh, residual, 100 + N + Nh);
      const js = { S: x.S.slice(), u: f(N), outA: x.outA.slice() };
      const nat = { S: x.S.slice(), u: f(N), outA: x.outA.slice() };
      twoLayerRowPass(N, Nh, x.a, x.D1, x.aD2, x.r, 1 / Math.max(N, 1), x.gva, x.va, js.S, js.u, js.outA);
      addon.twoLayerHvpPass(N, Nh, x.a, x.D1, x.aD2, x.r, 1 / Math.max(N, 1), x.gva, x.va, nat.S, nat.u, nat.outA);
      // Bitwise: compare the bytes, so -0 vs 0 or a NaN payload would show.
      for (const k of ['S', 'u', 'outA'] as const) expect(Buffer.from(nat[k].buffer).equals(Buffer.from(js[k].buffer)), k).toBe(true);
      if (N > 0 && Nh > 0) expect(nat.S).not.toEqual(x.S); // the pass wrote something
    });
  }

  it('rejects bad arguments with a message naming the argument, and never writes on failure', () => {
    const N = 3;
    const Nh = 2;
    const ok = () => [N, Nh, f(Nh), f(N * Nh), f(0), f(N), 1 / N, f(N), f(Nh), f(N * Nh), f(N), f(Nh)] as unknown[];
    const call = (args: unknown[]) => () => (addon.twoLayerHvpPass as (...a: unknown[]) => void)(...args);
    const swap = (i: number, v: unknown) => {
      const a = ok();
      a[i] = v;
      return call(a);
    };
    expect(call(ok())).not.toThrow();
    expect(swap(0, -1)).toThrow(/^hc_lapack\.twoLayerHvpPass: argument 0 must be an integer dimension in \[0, 2\^31 - 1\]$/);
    expect(swap(1, 1.5)).toThrow(/^hc_lapack\.twoLayerHvpPass: argument 1 must be an integer dimension/);
    expect(swap(6, '1')).toThrow(/^hc_lapack\.twoLayerHvpPass: argument 6 must be a number$/);
    expect(swap(2, f(3))).toThrow(/^hc_lapack\.twoLayerHvpPass: argument 2 has length 3, expected 2$/);
    expect(swap(3, new Float32Array(6))).toThrow(/^hc_lapack\.twoLayerHvpPass: argument 3 must be a Float64Array$/);
    expect(swap(4, [])).toThrow(/^hc_lapack\.twoLayerHvpPass: argument 4 must be a Float64Array$/);
    expect(swap(4, f(5))).toThrow(/^hc_lapack\.twoLayerHvpPass: argument 4 has length 5, expected 0 \(at the optimum\) or 6$/);
    expect(swap(5, f(2))).toThrow(/argument 5 has length 2, expected 3/);
    expect(swap(7, f(4))).toThrow(/argument 7 has length 4, expected 3/);
    expect(swap(8, f(3))).toThrow(/argument 8 has length 3, expected 2/);
    expect(swap(9, f(5))).toThrow(/argument 9 has length 5, expected 6/);
    expect(swap(10, f(2))).toThrow(/argument 10 has length 2, expected 3/);
    expect(swap(11, undefined)).toThrow(/argument 11 must be a Float64Array/);
    expect(call(ok().slice(0, 11))).toThrow(/argument 11 must be a Float64Array/);
    // Outputs may not alias inputs or each other.
    const buf = f(16);
    const aliased = ok();
    aliased[3] = buf.subarray(0, 6);
    aliased[9] = buf.subarray(4, 10);
    expect(call(aliased)).toThrow(/^hc_lapack\.twoLayerHvpPass: output argument 9 overlaps input argument 3$/);
    const uOverA = ok();
    uOverA[11] = buf.subarray(0, 2);
    uOverA[10] = buf.subarray(1, 4);
    expect(call(uOverA)).toThrow(/output argument 10 overlaps input argument 11/);
    // A failed check leaves the outputs untouched.
    const S = Rng.fromSeed(9).normals(N * Nh);
    const before = S.slice();
    const bad = ok();
    bad[9] = S;
    bad[11] = f(1);
    expect(call(bad)).toThrow(/argument 11 has length 1/);
    expect(S).toEqual(before);
  });
});

describe.runIf(!status.loaded)('native twoLayerHvpPass (addon not built)', () => {
  it('is skipped: the operator uses the JavaScript pass', () => {
    expect(status.loaded ? '' : status.reason).toMatch(/native LAPACK addon not available/);
  });
});
