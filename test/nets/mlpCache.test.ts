/**
 * The θ cache of the curvature products (src/nets/mlp/pointCache.ts): repeated H·v, GN·v,
 * R·v at one θ reuse the prepared blocks and give bitwise the results of streaming (the
 * cache refused by a tiny memory budget); a changed θ (also in place), another batch or
 * another part is noticed, never served stale.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { smallCase } from './mlpSupport.js';

describe('MLP · repeated curvature products at one θ', () => {
  afterEach(() => vi.unstubAllEnvs());
  // N = 37 spans three sample blocks (16 + 16 + 5).
  const make = () => smallCase('gelu', 'cross-entropy', { N: 37, seed: 8 });

  it('cached = streamed, bitwise, for H·v, GN·v and R·v, full data and a batch', () => {
    const cached = make();
    const v = cached.rng.normals(cached.p.P);
    const u = cached.rng.normals(cached.p.P);
    const batch = Int32Array.of(36, 2, 2, 17, 30);
    const run = (c: typeof cached) => [
      c.p.hessianVector(c.theta, v),
      c.p.hessianVector(c.theta, u),
      c.p.gaussNewtonVector(c.theta, v),
      c.p.residualVector(c.theta, u),
      c.p.hessianVector(c.theta, v, batch),
      c.p.gaussNewtonVector(c.theta, u, batch),
      c.p.hessianVector(c.theta, v),
    ];
    const withCache = run(cached);
    expect(withCache[6]).toEqual(withCache[0]);
    vi.stubEnv('HC_MEMORY_BUDGET_MB', '0.0001'); // ≈ 100 bytes: no block state fits, every call streams
    expect(run(make())).toEqual(withCache);
  });
  it('an in-place change of θ is seen (the cache compares values, not the array)', () => {
    const { p, theta, rng } = make();
    const v = rng.normals(p.P);
    const before = p.hessianVector(theta, v);
    theta[5] += 0.25;
    const after = p.hessianVector(theta, v);
    expect(after).not.toEqual(before);
    const fresh = make();
    fresh.theta[5] += 0.25;
    expect(after).toEqual(fresh.p.hessianVector(fresh.theta, v));
  });
  it('a different batch at the same θ is recomputed', () => {
    const { p, theta, rng } = make();
    const v = rng.normals(p.P);
    const a = p.hessianVector(theta, v, Int32Array.of(1, 2, 3));
    const b = p.hessianVector(theta, v, Int32Array.of(1, 2, 4));
    expect(b).not.toEqual(a);
    expect(b).toEqual(make().p.hessianVector(theta, v, Int32Array.of(1, 2, 4)));
  });
});
