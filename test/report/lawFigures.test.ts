/**
 * The law figures of C2d/C2e drawn from recorded data (properties/definitions/lawFigureData.ts →
 * evidence → properties/hooks/lawFigures.ts) against the same figures drawn from the raw sample
 * (histogramWithDensity, ppPlotWithKsBand): same bars, curves within the recorded precision,
 * the same band, every kept P–P point inside the band exactly when KS does not reject.
 */
import { describe, expect, it } from 'vitest';
import { DENSITY_GRID, FIGURE_DIGITS, PP_MAX_POINTS, binCount, lawFigureData } from '../../properties/definitions/lawFigureData.js';
import { LawFigureDataSchema, type KsTest } from '../../properties/evidence/ks.js';
import { lawFigures } from '../../properties/hooks/lawFigures.js';
import type { VegaLiteFigure } from '../../src/report/figures/figure.js';
import { binnedHistogramWithDensity, histogramWithDensity } from '../../src/report/figures/histogramWithDensity.js';
import { ksCriticalValue } from '../../src/report/figures/ksCriticalValue.js';
import { ppPlotFromPoints, ppPlotWithKsBand } from '../../src/report/figures/ppPlotWithKsBand.js';
import { renderSvg } from '../../src/report/figures/render.js';
import { Rng } from '../../src/rng/rng.js';
import { ksOneSample } from '../../src/stats/index.js';
import { dataMarkKinds } from './svgMarks.js';

/** Logistic law: closed-form cdf and density. */
const logistic = (m: number) => (x: number) => 1 / (1 + Math.exp(-(x - m)));

type Layer = { data: { values: Array<Record<string, number | string>> } };
const layers = (f: VegaLiteFigure) => (f.spec as unknown as { layer: Layer[] }).layer;

function recorded(n: number, shift: number, alpha: number) {
  const rng = Rng.fromSeed(17);
  // inverse-cdf draws from the logistic law centred at 0
  const sample = Array.from({ length: n }, () => {
    const u = rng.uniform();
    return Math.log(u / (1 - u));
  });
  const laws = [{ name: 'claimed', cdf: logistic(shift) }, { name: 'shifted', cdf: logistic(shift + 0.6) }];
  const data = LawFigureDataSchema.parse(JSON.parse(JSON.stringify(lawFigureData(sample, laws, alpha))));
  const r0 = ksOneSample(sample, laws[0].cdf);
  const r1 = ksOneSample(sample, laws[1].cdf);
  const ks: KsTest = { n, alpha, pValue: r0.pValue, D: r0.D, method: r0.method, neighbours: [{ name: 'shifted', expect: 'reject', pValue: r1.pValue, D: r1.D }] };
  return { sample, laws, data, ks };
}

describe('law figures from recorded data', () => {
  it('records bins, grid densities, ≤ PP_MAX_POINTS ranks with each law\'s worst, the band; compact JSON', () => {
    const { sample, laws, data } = recorded(2000, 0, 0.01);
    const n = sample.length;
    expect(data.histogram.counts).toHaveLength(binCount(n));
    expect(data.histogram.counts.reduce((s, c) => s + c, 0)).toBe(n);
    expect(data.pp.rank.length).toBeLessThanOrEqual(PP_MAX_POINTS);
    expect(data.pp.bandHalfWidth).toBe(ksCriticalValue(n, 0.01) - 1 / (2 * n));
    const sorted = [...sample].sort((a, b) => a - b);
    for (const law of laws) {
      let worst = 0;
      sorted.forEach((x, i) => {
        if (Math.abs(law.cdf(x) - (i + 0.5) / n) > Math.abs(law.cdf(sorted[worst]) - (worst + 0.5) / n)) worst = i;
      });
      expect(data.pp.rank).toContain(worst);
    }
    // density on the grid: the bin average of the law, to FIGURE_DIGITS significant digits
    const { lo, hi, counts } = data.histogram;
    const w = (hi - lo) / counts.length;
    data.laws[1].density.forEach((d, j) => {
      const x = lo + ((hi - lo) * j) / DENSITY_GRID;
      const exact = (laws[1].cdf(x + w / 2) - laws[1].cdf(x - w / 2)) / w;
      expect(Math.abs(d - exact)).toBeLessThanOrEqual(Math.abs(exact) * 10 ** (1 - FIGURE_DIGITS) / 2 + 1e-300);
    });
    // two laws at n = 2000: bins + 2 × (101 densities + ≤ 200 cdf values) + ≤ 200 ranks
    expect(JSON.stringify(data).length).toBeLessThan(6000);
  });

  it('draws the same bars as histogramWithDensity from the raw sample, and its own curves', async () => {
    const { sample, data, ks } = recorded(500, 0, 0.01);
    const [hist] = lawFigures({ id: 'x', title: 'X', data, ks, claimedLabel: 'L(0)', labelOf: (s) => `law ${s}`, xTitle: 'x' }) as VegaLiteFigure[];
    const direct = histogramWithDensity(sample, () => 0, { id: 'y', title: 'Y', xTitle: 'x', bins: binCount(500) });
    const bars = (f: VegaLiteFigure) => layers(f)[0].data.values.map((b) => [b.x0, b.x1, b.density] as number[]);
    const a = bars(hist);
    const b = bars(direct);
    expect(a).toHaveLength(b.length);
    // bin edges from (hi − lo)/bins vs span/bins: equal up to rounding of the recorded hi
    a.forEach((row, i) => row.forEach((v, k) => expect(Math.abs(v - b[i][k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b[i][k])))));
    expect(layers(hist)[1].data.values).toHaveLength(DENSITY_GRID + 1);
    expect(hist.caption).toContain('(dashed: law shifted)');
    expect(dataMarkKinds(await renderSvg(hist))).toEqual(expect.arrayContaining(['line', 'rect']));
  });

  it('P–P: the band of ppPlotWithKsBand; kept points all inside the band exactly when KS does not reject', async () => {
    for (const shift of [0, 0.1, 0.4]) {
      const { sample, laws, data, ks } = recorded(800, shift, 0.05);
      const [, pp] = lawFigures({ id: 'x', title: 'X', data, ks, claimedLabel: 'L', labelOf: (s) => s, xTitle: 'x' }) as VegaLiteFigure[];
      const direct = ppPlotWithKsBand(sample, laws[0].cdf, { id: 'y', title: 'Y', alpha: 0.05 });
      expect(layers(pp)[0].data.values).toEqual(layers(direct.figure)[0].data.values.map((v) => ({ ...v, series: expect.any(String) })));
      const points = layers(pp)[2].data.values.filter((p) => p.series === 'sample against L');
      // D = max|F(x₍ᵢ₎) − (i − ½)/n| + 1/(2n), and the worst rank is kept: the drawn points' largest
      // deviation is D − 1/(2n) up to the recorded precision (FIGURE_DIGITS: ≤ 5e-4 in a probability),
      // so points leave the band (half-width d_α − 1/(2n)) exactly when D > d_α, i.e. p < α.
      const maxDev = Math.max(...points.map((p) => Math.abs((p.theoretical as number) - (p.empirical as number))));
      expect(Math.abs(maxDev - (ks.D - 1 / (2 * ks.n))), `shift ${shift}`).toBeLessThanOrEqual(5e-4);
      expect(maxDev > data.pp.bandHalfWidth, `shift ${shift}: p = ${ks.pValue}`).toBe(ks.pValue < 0.05);
      expect(ks.pValue < 0.05, `shift ${shift}: p = ${ks.pValue}`).toBe(shift > 0.2); // both outcomes are exercised
      expect(pp.caption).toContain(ks.pValue < 0.05 ? 'rejected at α = 0.05' : 'not rejected at α = 0.05');
    }
    const { data, ks } = recorded(800, 0, 0.05);
    const [, pp] = lawFigures({ id: 'x', title: 'X', data, ks, claimedLabel: 'L', labelOf: (s) => s, xTitle: 'x' }) as VegaLiteFigure[];
    expect(dataMarkKinds(await renderSvg(pp))).toEqual(expect.arrayContaining(['area', 'line', 'symbol']));
  });

  it('bad recorded data is refused with the figure named', () => {
    const curve = { x: [0, 1], density: [1, 1] };
    expect(() => binnedHistogramWithDensity({ lo: 0, width: 0, counts: [1], n: 1 }, curve, { id: 'h', title: 't', xTitle: 'x' })).toThrow(/binnedHistogramWithDensity\(h\)/);
    expect(() => binnedHistogramWithDensity({ lo: 0, width: 1, counts: [], n: 1 }, curve, { id: 'h', title: 't', xTitle: 'x' })).toThrow(/at least one bin/);
    expect(() => binnedHistogramWithDensity({ lo: 0, width: 1, counts: [1], n: 1 }, { x: [0], density: [1, 2] }, { id: 'h', title: 't', xTitle: 'x' })).toThrow(/1 x but 2 densities/);
    const law = { label: 'L', points: [], D: 0, pValue: 1 };
    expect(() => ppPlotFromPoints({ n: 0, alpha: 0.01, bandHalfWidth: 0.1, law, others: [] }, { id: 'p', title: 't' })).toThrow(/ppPlotFromPoints\(p\)/);
    expect(() => lawFigureData([], [{ name: 'claimed', cdf: (x) => x }], 0.01)).toThrow(/field `sample`/);
  });
});
