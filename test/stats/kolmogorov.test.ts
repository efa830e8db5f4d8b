import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixture from '../fixtures/scipy/kolmogorov.json' with { type: 'json' };
import { ksOneSample, kstwoCdf, kstwoSf, type KsMethod } from '../../src/stats/kolmogorov.js';
import { kolmogorovCdf, kolmogorovSf } from '../../src/stats/kolmogorovLimit.js';
import { EPS, ErrorTable, TestRng, expectAbs, expectRel, relErr } from './helpers.js';

interface KCase { n: number; d: number; sf_scipy: number; cdf_scipy: number; sf_ref?: number; cdf_ref?: number; ref_method?: string }
const data = fixture as unknown as {
  cases: KCase[];
  published: { n: number; d: number; cdf: number; cdf_mpmath: number; source: string }[];
  kstwobign: { x: number; sf: number; cdf: number; sf_scipy: number; cdf_scipy: number }[];
};

/**
 * Tolerance of our sf against an EXACT reference (mpmath), per method:
 *  exact closed forms: 16 EPS relative;
 *  Birnbaum–Tingey sums ('smirnov', 'smirnov-miller'): (64 + 4|ln p|)·EPS — every term is an
 *    exponential of a sum of terms of size up to |ln p|;
 *  'smirnov-miller' also drops P(D⁺ ≥ d, D⁻ ≥ d), asymptotically e^{−6 n d²} of the sf (Brownian
 *    bridge); NOTE budget 2·e^{−6nd²};
 *  'durbin-mtw', 'pomeranz': the cdf has absolute error ~1e-15, and the sf is 1 − cdf, so an
 *    ABSOLUTE budget of 32 EPS on the sf. NOTE: relative to a p-value of 6e-4 that is 1.2e-11;
 *  'pelz-good': APPROXIMATE; NOTE budget 1e-5 relative (Simard & L'Ecuyer report ~5 digits).
 */
function refTolerance(method: KsMethod, c: KCase, ref: number): { rel: number; abs: number } {
  const lnp = Math.abs(Math.log(ref));
  switch (method) {
    case 'boundary':
    case 'ruben-gambino':
      return { rel: 16 * EPS + 4 * lnp * EPS, abs: 0 };
    case 'smirnov':
      return { rel: (64 + 4 * lnp) * EPS, abs: 0 };
    case 'smirnov-miller':
      return { rel: (64 + 4 * lnp) * EPS + 2 * Math.exp(-6 * c.n * c.d * c.d), abs: 0 };
    case 'durbin-mtw':
    case 'pomeranz':
      return { rel: 0, abs: 32 * EPS };
    case 'pelz-good':
      return { rel: 1e-5, abs: 0 };
  }
}

function within(got: number, ref: number, tol: { rel: number; abs: number }): boolean {
  return Math.abs(got - ref) <= Math.max(tol.rel * Math.abs(ref), tol.abs);
}

describe('kstwo (law of D_n) against independent mpmath references', () => {
  it('sf = P(D_n ≥ d) within the per-method budget; methods all exercised', () => {
    const table = new ErrorTable();
    const scipyTable = new ErrorTable();
    const methods = new Set<string>();
    for (const c of data.cases) {
      if (c.sf_ref === undefined) continue;
      const r = kstwoSf(c.n, c.d);
      if (c.sf_ref === 0) {
        // the exact value underflows the double range
        expect(r.value).toBeLessThan(1e-300);
        continue;
      }
      methods.add(r.method);
      const tol = refTolerance(r.method, c, c.sf_ref);
      if (!within(r.value, c.sf_ref, tol)) {
        expect.fail(`kstwoSf(${c.n}, ${c.d}) = ${r.value} [${r.method}], reference ${c.sf_ref} (${c.ref_method}), tolerance ${JSON.stringify(tol)}`);
      }
      table.record(r.method, relErr(r.value, c.sf_ref), c);
      scipyTable.record('scipy kstwo.sf', relErr(c.sf_scipy, c.sf_ref), c);
    }
    console.log('kstwoSf max relative error vs exact mpmath reference, by method:', table.summary(), scipyTable.summary());
    for (const m of ['ruben-gambino', 'smirnov', 'durbin-mtw', 'pomeranz', 'smirnov-miller', 'pelz-good']) expect(methods.has(m)).toBe(true);
  });

  it('agrees with scipy.stats.kstwo.sf/cdf everywhere in the fixture (same dispatch)', () => {
    const table = new ErrorTable();
    for (const c of data.cases) {
      const r = kstwoSf(c.n, c.d);
      const rc = kstwoCdf(c.n, c.d);
      // scipy returns 0 where n d² ≥ 370 for n > 140 (underflow shortcut); we evaluate the sum.
      if (c.sf_scipy === 0) {
        expect(r.value).toBeLessThan(1e-300);
        continue;
      }
      const lnp = Math.abs(Math.log(c.sf_scipy));
      // Same algorithms as scipy except the Birnbaum–Tingey sum (scipy: double-double):
      // relative (64 + 4|ln p|)·EPS, or absolute 32 EPS where the sf is 1 − cdf.
      const tol = Math.max((64 + 4 * lnp) * EPS * c.sf_scipy, 32 * EPS);
      expectAbs(r.value, c.sf_scipy, tol, { n: c.n, d: c.d, method: r.method });
      expectAbs(rc.value, c.cdf_scipy, 32 * EPS, { n: c.n, d: c.d, method: rc.method, tail: 'cdf' });
      table.record(r.method, relErr(r.value, c.sf_scipy), c);
    }
    console.log('kstwoSf max relative difference from scipy, by method:', table.summary());
  });

  it('published value: Marsaglia–Tsang–Wang (2003) K(n = 10, d = 0.274) = 0.6284796154565043', () => {
    for (const p of data.published) {
      // verified independently: mpmath Durbin matrix at 40 digits gives the same double
      expect(p.cdf_mpmath).toBe(p.cdf);
      const r = kstwoCdf(p.n, p.d);
      expect(r.method).toBe('durbin-mtw');
      expectRel(r.value, p.cdf, 2 * EPS, p);
    }
  });

  it('cdf + sf = 1 (seeded property, n ∈ [1, 3000])', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, d) => {
        return Math.abs(kstwoCdf(n, d).value + kstwoSf(n, d).value - 1) <= 4 * EPS;
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('sf is non-increasing in d (seeded property, n ∈ [1, 2000])', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, a, b) => {
        const [d1, d2] = a <= b ? [a, b] : [b, a];
        const s1 = kstwoSf(n, d1).value;
        const s2 = kstwoSf(n, d2).value;
        // rounding slack: 32 EPS absolute plus 1e-5 relative where Pelz–Good is used
        return s2 <= s1 + 32 * EPS + 1e-5 * s1;
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('sf is non-increasing in n at fixed d (seeded property, n ∈ [1, 1000])', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (n, d) => {
        const s1 = kstwoSf(n, d).value;
        const s2 = kstwoSf(n + 1, d).value;
        return s2 <= s1 + 32 * EPS + 1e-5 * s1;
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it('boundary values: d = 0 → 1, d ≥ 1 → 0, d ≤ 1/(2n) → 1, Ruben–Gambino edges exact', () => {
    for (const n of [1, 2, 7, 140, 141, 5000]) {
      expect(kstwoSf(n, 0).value).toBe(1);
      expect(kstwoSf(n, 1).value).toBe(0);
      expect(kstwoSf(n, 1.5).value).toBe(0);
      expect(kstwoSf(n, 1 / (2 * n)).value).toBe(1);
      expect(kstwoSf(n, 0.4 / n).value).toBe(1);
      expect(kstwoCdf(n, 0).value).toBe(0);
    }
    // n = 1: P(D_1 ≥ d) = 2(1 − d) for d ≥ ½
    expectRel(kstwoSf(1, 0.8).value, 0.4, 4 * EPS, 'n=1');
    // d ≥ 1 − 1/n: 2(1 − d)^n
    // (1 − 0.95 is exact in binary64; 0.05 itself would not be the same number)
    expectRel(kstwoSf(10, 0.95).value, 2 * (1 - 0.95) ** 10, 16 * EPS, 'n=10, d=0.95');
  });

  it('special-function policy: NaN for non-integer or non-positive n and NaN d', () => {
    expect(kstwoSf(0, 0.1).value).toBeNaN();
    expect(kstwoSf(2.5, 0.1).value).toBeNaN();
    expect(kstwoSf(10, NaN).value).toBeNaN();
  });
});

describe('Kolmogorov limiting distribution (kstwobign)', () => {
  it('sf and cdf against mpmath series, each tail relative ≤ (8 + 2|ln v|)·EPS', () => {
    // The exponent −2x² or −π²/(8x²) is rounded: relative error ≈ |ln v|·EPS is the function's
    // own conditioning at a double x (scipy's values agree with ours to the last digit there).
    const table = new ErrorTable();
    for (const c of data.kstwobign) {
      if (c.sf > 0) expectRel(kolmogorovSf(c.x), c.sf, (8 + 2 * Math.abs(Math.log(c.sf))) * EPS, c);
      if (c.cdf > 0) expectRel(kolmogorovCdf(c.x), c.cdf, (8 + 2 * Math.abs(Math.log(c.cdf))) * EPS, c);
      if (c.sf > 0) table.record('sf', relErr(kolmogorovSf(c.x), c.sf), c.x);
      if (c.cdf > 0) table.record('cdf', relErr(kolmogorovCdf(c.x), c.cdf), c.x);
    }
    console.log('Kolmogorov limit max relative error vs mpmath:', table.summary());
    expect(kolmogorovSf(0)).toBe(1);
    expect(kolmogorovCdf(-1)).toBe(0);
    expect(kolmogorovSf(NaN)).toBeNaN();
  });

  it('kstwo approaches the limit: |P(D_n ≥ x/√n) − K(x)| shrinks with n', () => {
    const x = 1.2;
    const gaps = [100, 1000, 10000, 100000].map((n) => Math.abs(kstwoSf(n, x / Math.sqrt(n)).value - kolmogorovSf(x)));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1]);
  });
});

describe('ksOneSample', () => {
  const uniformCdf = (x: number) => Math.min(1, Math.max(0, x));

  it('statistic and p-value match scipy.stats.kstest (scipy 1.17.1) on small samples', () => {
    const known: [number[], number, number][] = [
      [[0.1, 0.5, 0.9], 0.2333333333333334, 0.9857777777777778],
      [[0.05, 0.12, 0.33, 0.34, 0.71], 0.46, 0.17501171199999987],
      [[0.9, 0.91, 0.95, 0.99], 0.9, 0.00019999999999999982],
    ];
    for (const [s, D, p] of known) {
      const r = ksOneSample(s, uniformCdf);
      expectRel(r.D, D, 4 * EPS, s);
      expectRel(r.pValue, p, 64 * EPS, s);
      expect(r.n).toBe(s.length);
    }
  });

  it('null calibration: P(p < 0.05) over 2000 seeded uniform samples of n = 40 is 0.05 ± 4 s.e.', () => {
    const rng = new TestRng(42);
    let rejections = 0;
    const reps = 2000;
    for (let r = 0; r < reps; r++) {
      const s = Array.from({ length: 40 }, () => rng.uniform());
      if (ksOneSample(s, uniformCdf).pValue < 0.05) rejections++;
    }
    const rate = rejections / reps;
    const se = Math.sqrt((0.05 * 0.95) / reps);
    expect(Math.abs(rate - 0.05)).toBeLessThanOrEqual(4 * se);
  });

  it('bad input throws naming the function, the field and the fix', () => {
    expect(() => ksOneSample([], uniformCdf)).toThrow(/ksOneSample: field `sample` must not be empty/);
    expect(() => ksOneSample([0.1, NaN], uniformCdf)).toThrow(/ksOneSample: field `sample\[1\]` must be a finite number/);
    expect(() => ksOneSample([0.1], 3 as unknown as (x: number) => number)).toThrow(/ksOneSample: field `cdf` must be a function/);
    expect(() => ksOneSample([0.1, 0.2], () => 1.5)).toThrow(/ksOneSample: field `cdf` returned a value outside \[0, 1\]/);
  });
});
