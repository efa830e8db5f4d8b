import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixture from '../fixtures/scipy/convolution.json' with { type: 'json' };
import { ChiSquaredMpConvolution } from '../../src/stats/convolution.js';
import { ksOneSample } from '../../src/stats/kolmogorov.js';
import { integrate } from '../../src/stats/tanhSinh.js';
import { EPS, ErrorTable, TestRng, expectRel, relErr } from './helpers.js';

interface CvCase { df: number; chiScale: number; ratio: number; mpScale: number; z: number; cdf: number; sf: number; cdf_ref_error: number; sf_ref_error: number }
const cases = (fixture as unknown as { cases: CvCase[] }).cases;

describe('ChiSquaredMpConvolution against mpmath quadrature (test/fixtures/scipy/convolution.json)', () => {
  it('cdf and sf within max(1e-12, 8 × stated error estimate) relative, plus the reference uncertainty', () => {
    const t = new ErrorTable();
    const est = new ErrorTable();
    for (const c of cases) {
      const d = new ChiSquaredMpConvolution(c);
      for (const [tail, r, ref, refErr] of [
        ['cdf', d.cdfDetailed(c.z), c.cdf, c.cdf_ref_error],
        ['sf', d.sfDetailed(c.z), c.sf, c.sf_ref_error],
      ] as const) {
        expect(r.converged).toBe(true);
        const bound = Math.max(1e-12 * ref, 8 * r.errorEstimate) + refErr * ref;
        if (!(Math.abs(r.value - ref) <= bound)) {
          expect.fail(`${tail}(${c.z}) = ${r.value}, reference ${ref}, |Δ| = ${Math.abs(r.value - ref)} > bound ${bound} (estimate ${r.errorEstimate}); ${JSON.stringify(c)}`);
        }
        t.record(tail, relErr(r.value, ref), c);
        est.record(`${tail} stated estimate (relative)`, r.errorEstimate / ref, c);
      }
    }
    console.log('convolution max relative error vs mpmath:', t.summary(), 'largest stated estimate:', est.summary());
  });
});

describe('ChiSquaredMpConvolution properties', () => {
  const laws = [
    new ChiSquaredMpConvolution({ df: 1, ratio: 0.5, mpScale: 1 }),
    new ChiSquaredMpConvolution({ df: 100, chiScale: 1, ratio: 0.5, mpScale: 100 }), // docs/theory.md C2d: Nh = 100, Ni = 50
    new ChiSquaredMpConvolution({ df: 20, chiScale: 1, ratio: 2.5, mpScale: 20 }), // Ni > Nh: atom
  ];

  it('cdf is monotone and in [0, 1]; cdf + sf = 1 to 1e-12 (seeded property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: laws.length - 1 }), fc.double({ min: -3, max: 8, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (k, c, dz) => {
        const d = laws[k];
        const sd = Math.sqrt(d.variance());
        const z = Math.max(0, d.mean() + c * sd);
        const f1 = d.cdf(z);
        const f2 = d.cdf(z + dz * sd);
        return f1 >= 0 && f2 <= 1 && f2 >= f1 - 1e-13 && Math.abs(f1 + d.sf(z) - 1) <= 1e-12;
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('moments by integrating the density equal the exact mean k s_x + s and variance 2k s_x² + γ s²', () => {
    // Outer tanh-sinh over [0, μ + 40σ] split at the MP edges (where f_Z is not smooth) and at
    // μ ± 2σ; inner tolerance 1e-10, outer 1e-9 per panel: bound 1e-8 relative (measured ≲ 2e-12).
    for (const law of laws) {
      const d = new ChiSquaredMpConvolution({ df: law.chi.df, chiScale: law.chi.scale, ratio: law.mp.ratio, mpScale: law.mp.scale, relTol: 1e-10 });
      const mu = d.mean();
      const sd = Math.sqrt(d.variance());
      const top = mu + 40 * sd;
      const opts = { relTol: 1e-9, maxDepth: 8 };
      const bps = [d.mp.lowerEdge, d.mp.upperEdge, mu - 2 * sd, mu, mu + 2 * sd, mu + 6 * sd].filter((x) => x > 0 && x < top);
      const m0 = integrate((z) => d.pdf(z), 0, top, opts, bps);
      const m1 = integrate((z) => z * d.pdf(z), 0, top, opts, bps);
      const m2 = integrate((z) => (z - mu) ** 2 * d.pdf(z), 0, top, opts, bps);
      expect(m0.converged && m1.converged && m2.converged).toBe(true);
      expectRel(m0.value, 1, 1e-8, { mass: m0.value });
      expectRel(m1.value, mu, 1e-8, { mean: m1.value });
      expectRel(m2.value, d.variance(), 1e-8, { variance: m2.value });
    }
  });

  it('docs/theory.md C2d: mean Nh(σ1² + σ2²), variance 2Nh σ2⁴ + Nh Ni σ1⁴ (exact)', () => {
    const Nh = 30;
    const Ni = 45;
    const s1 = 0.8;
    const s2 = 1.7;
    const d = new ChiSquaredMpConvolution({ df: Nh, chiScale: s2, ratio: Ni / Nh, mpScale: Nh * s1 });
    expectRel(d.mean(), Nh * (s1 + s2), 4 * EPS, 'mean');
    expectRel(d.variance(), 2 * Nh * s2 * s2 + Nh * Ni * s1 * s1, 4 * EPS, 'variance');
  });

  it('Monte Carlo: empirical cdf within 4 standard errors at 9 points, and a KS test at α = 1e-3', () => {
    // Samples: X = s_x·Σ_{i≤k} Z_i² (seeded normals), Y = MP quantile of a seeded uniform (exact
    // law, so the only discrepancy is sampling error). Per point the bound is 4·√(F(1−F)/N), a
    // false-alarm probability ≈ 6e-5 per point; the KS test uses the exact p-value (kolmogorov.ts).
    const rng = new TestRng(99);
    for (const d of laws) {
      const N = 4000;
      const xs = new Float64Array(N);
      for (let i = 0; i < N; i++) {
        const u = rng.uniform();
        xs[i] = rng.chiSquared(d.chi.df, d.chi.scale) + d.mp.quantile(u);
      }
      const sorted = Array.from(xs).sort((a, b) => a - b);
      for (const q of [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]) {
        const z = sorted[Math.floor(q * N)];
        const F = d.cdf(z);
        const emp = sorted.filter((v) => v <= z).length / N;
        expect(Math.abs(emp - F), `z=${z}, F=${F}, empirical=${emp}`).toBeLessThanOrEqual(4 * Math.sqrt((F * (1 - F)) / N) + 1 / N);
      }
      const ks = ksOneSample(xs, (z) => d.cdf(z));
      expect(ks.pValue, JSON.stringify(ks)).toBeGreaterThan(1e-3);
    }
  });

  it('constructor throws naming the class, the field and the fix', () => {
    expect(() => new ChiSquaredMpConvolution({ df: 0, ratio: 1 })).toThrow(/ChiSquaredMpConvolution: field `df` must be a finite number > 0/);
    expect(() => new ChiSquaredMpConvolution({ df: 3, ratio: -1 })).toThrow(/ChiSquaredMpConvolution: field `ratio`/);
    expect(() => new ChiSquaredMpConvolution({ df: 3, ratio: 1, relTol: 0.5 })).toThrow(/ChiSquaredMpConvolution: field `relTol`/);
  });
});
