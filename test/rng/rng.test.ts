import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/rng/rng.js';

describe('Rng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = Rng.fromSeed(42).normals(5);
    const b = Rng.fromSeed(42).normals(5);
    const c = Rng.fromSeed(43).normals(5);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('pins the stream (cross-platform reproducibility: integer-only core)', () => {
    const r = Rng.fromSeed(1);
    const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    // Recorded once; a change here changes every generated configuration in the suite.
    expect(first).toEqual(PINNED_SEED1);
  });

  it('splits by label: children independent of how much the parent drew', () => {
    const p1 = Rng.fromSeed(7);
    const p2 = Rng.fromSeed(7);
    p2.normals(100);
    expect(p1.split('teacher').uniform()).toBe(p2.split('teacher').uniform());
    expect(p1.split('teacher').uniform()).not.toBe(p1.split('data').uniform());
  });

  it('uniform is in [0, 1) and normal has mean 0, variance 1 within 4 standard errors', () => {
    const r = Rng.fromSeed(2024);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    const mean = s / n;
    const variance = s2 / n - mean * mean;
    // stderr of the mean is 1/√n; of the variance √(2/n) for a normal.
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it('integer(n) is unbiased over a small range (χ² goodness of fit, 5 cells, critical value 18.47 at α = 0.001)', () => {
    const r = Rng.fromSeed(5);
    const counts = [0, 0, 0, 0, 0];
    const n = 50_000;
    for (let i = 0; i < n; i++) counts[r.integer(5)]++;
    const chi2 = counts.reduce((t, c) => t + (c - n / 5) ** 2 / (n / 5), 0);
    expect(chi2).toBeLessThan(18.47);
  });

  it('rejects bad seeds with a clear message', () => {
    expect(() => Rng.fromSeed(-1)).toThrow(/seed must be an integer/);
    expect(() => Rng.fromSeed(1.5)).toThrow(/seed must be an integer/);
    expect(() => Rng.fromSeed(Number.NaN)).toThrow(/seed must be an integer/);
  });
});

const PINNED_SEED1 = [845618084, 2282572420, 2299854058];

describe('xoshiro128** core', () => {
  it('matches the reference C implementation (Blackman & Vigna) from state {1, 2, 3, 4}', () => {
    // Values from a direct transcription of xoshiro128starstar.c (next()), run offline in Python.
    const r = Rng.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => r.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });
});
