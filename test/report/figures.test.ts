/**
 * Every figure builder renders, headlessly, to a non-empty SVG with data marks, from
 * synthetic data (seeded); plus the numbers the figures state (KS critical values against
 * scipy, Wilson intervals, the KS band's exactness) and their input errors.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/rng/index.js';
import { calibrationBars, wilsonInterval } from '../../src/report/figures/calibrationBars.js';
import { curveWithPoints } from '../../src/report/figures/curveWithPoints.js';
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import type { VegaLiteFigure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { histogramWithDensity } from '../../src/report/figures/histogramWithDensity.js';
import { ksCriticalValue } from '../../src/report/figures/ksCriticalValue.js';
import { logAxis } from '../../src/report/figures/logAxis.js';
import { logFloor } from '../../src/report/figures/logFloor.js';
import { lossCurves } from '../../src/report/figures/lossCurves.js';
import { outcomeBars } from '../../src/report/figures/outcomeBars.js';
import { ppPlotWithKsBand } from '../../src/report/figures/ppPlotWithKsBand.js';
import { rankTable } from '../../src/report/figures/rankTable.js';
import { ratioStrip } from '../../src/report/figures/ratioStrip.js';
import { renderSvg } from '../../src/report/figures/render.js';
import { screePlot } from '../../src/report/figures/screePlot.js';
import { approximateTextWidth } from '../../src/report/figures/textWidth.js';
import { dataMarkItems, dataMarkKinds } from './svgMarks.js';

const rng = Rng.fromSeed(5);
const normals = (n: number) => Array.from({ length: n }, () => rng.normal());
/** Standard normal cdf via erfc-free series-free route: Φ(x) = ½(1 + erf(x/√2)), erf from Abramowitz–Stegun 7.1.26 (|ε| < 1.5e-7, ample for a plot test). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return 0.5 * (1 + Math.sign(x) * erf);
}
const gaussDensity = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);

async function expectDrawn(f: VegaLiteFigure, kinds: string[], minItems: number): Promise<string> {
  const svg = await renderSvg(f);
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain(`aria-label="${f.title}"`);
  expect(dataMarkKinds(svg)).toEqual(expect.arrayContaining(kinds));
  expect(dataMarkItems(svg)).toBeGreaterThanOrEqual(minItems);
  // Self-contained: no external references of any kind.
  expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  return svg;
}

describe('figure builders render to SVG with data marks', () => {
  it('histogramWithDensity: bars scaled to unit area, the density curve, an atom', async () => {
    const xs = normals(400);
    const f = histogramWithDensity(xs, gaussDensity, { id: 'h', title: 'eigenvalues vs law', xTitle: 'eigenvalue λ (loss / parameter²)', bins: 20, atom: { at: 0, mass: 0.25 } });
    const bars = (f.spec as { layer: Array<{ data: { values: Array<{ x0: number; x1: number; density: number }> } }> }).layer[0].data.values;
    expect(bars).toHaveLength(20);
    expect(bars.reduce((s, b) => s + b.density * (b.x1 - b.x0), 0)).toBeCloseTo(1, 12);
    const svg = await expectDrawn(f, ['line', 'rect', 'rule', 'text'], 20 + 1 + 2);
    expect(svg).toContain('atom: mass 0.25 at 0');
    expect(() => histogramWithDensity([NaN], gaussDensity, { id: 'h', title: 't', xTitle: 'x' })).toThrow(/histogramWithDensity\(h\): samples/);
  });

  it('ppPlotWithKsBand: D and p from the exact KS test; every point inside the band ⇔ not rejected', async () => {
    const good = normals(300);
    const r = ppPlotWithKsBand(good, phi, { id: 'pp', title: 'P–P', alpha: 0.05, lawLabel: 'N(0, 1)' });
    expect(r.critical).toBeCloseTo(ksCriticalValue(300, 0.05), 15);
    await expectDrawn(r.figure, ['area', 'line', 'symbol'], 300);
    for (const shift of [0, 0.05, 0.1, 0.2, 0.4]) {
      const xs = good.map((x) => x + shift);
      const res = ppPlotWithKsBand(xs, phi, { id: 'pp', title: 'P–P', alpha: 0.05 });
      const sorted = [...xs].sort((a, b) => a - b);
      const half = res.critical - 1 / (2 * xs.length);
      const inside = sorted.every((x, i) => Math.abs(phi(x) - (i + 0.5) / xs.length) <= half);
      expect(inside, `shift ${shift}: D = ${res.D}, critical ${res.critical}`).toBe(res.D <= res.critical);
      expect(res.pValue < 0.05).toBe(res.D > res.critical);
    }
    expect(ppPlotWithKsBand(good.map((x) => x + 0.4), phi, { id: 'pp', title: 'P–P', alpha: 0.05 }).figure.caption).toContain('rejected at α = 0.05');
  });

  it('ppPlotWithKsBand and histogramWithDensity with other laws: the same sample through the same test, drawn in their own colour', async () => {
    const xs = normals(300);
    const shifted = (x: number) => phi(x - 0.5);
    const r = ppPlotWithKsBand(xs, phi, { id: 'pp2', title: 'P–P, two laws', alpha: 0.01, lawLabel: 'N(0, 1)', others: [{ label: 'N(0.5, 1)', cdf: shifted }] });
    expect(r.others).toHaveLength(1);
    expect(r.others[0].pValue).toBeLessThan(0.01);
    expect(r.pValue).toBeGreaterThan(0.01);
    expect(r.figure.caption).toContain('Against N(0.5, 1): D =');
    await expectDrawn(r.figure, ['area', 'line', 'symbol'], 600);
    const h = histogramWithDensity(xs, gaussDensity, { id: 'h2', title: 'two densities', xTitle: 'x', others: [{ label: 'shifted', density: (x) => gaussDensity(x - 0.5) }] });
    expect(h.caption).toContain('(dashed: shifted)');
    await expectDrawn(h, ['line', 'rect'], 3);
  });

  it('curveWithPoints: curves, measured points with error bars, a threshold rule; input errors named', async () => {
    const x = Array.from({ length: 50 }, (_, i) => 1 + i / 10);
    const f = curveWithPoints(
      [{ label: 'prediction', x, y: x.map((v) => v * v) }, { label: 'neighbour', x, y: x, dashed: true }],
      [{ series: 'N = 50', x: 2, y: 4.1, lo: 3.9, hi: 4.3 }, { series: 'N = 200', x: 3, y: 9.0, lo: 8.9, hi: 9.1 }],
      { id: 'cwp', title: 'curve and points', xTitle: 'x', yTitle: 'y', rule: { x: 2.5, label: 'threshold' } },
    );
    expect(f.caption).toContain('Dotted rule: threshold at 2.5');
    await expectDrawn(f, ['line', 'symbol', 'rule', 'text'], 2 + 2 + 2);
    expect(() => curveWithPoints([{ label: 'bad', x: [1, 2], y: [1] }], [], { id: 'b', title: 't', xTitle: 'x', yTitle: 'y' })).toThrow(/curveWithPoints\(b\): curve "bad" has 2 x but 1 y/);
  });

  it('ksCriticalValue matches scipy.stats.kstwo.isf', () => {
    // scipy 1.x: kstwo.isf(alpha, n). NOTE: the bound is 1e-6 relative, not a few ulps: the
    // bisection inverts src/stats' kstwoSf, whose large-n approximations (Durbin matrix,
    // Pelz–Good) carry ~1e-7 relative error in the tail probability (measured 6e-8 in d at
    // n = 1000) — a millionth of the band's width, invisible in a plot.
    for (const [n, alpha, ref] of [[10, 0.05, 0.4092460847775048], [100, 0.05, 0.13402791648569778], [1000, 0.01, 0.05129418752666127], [50, 0.2, 0.14836919494376388]]) {
      expect(Math.abs(ksCriticalValue(n, alpha) - ref)).toBeLessThan(1e-6 * ref);
    }
    expect(() => ksCriticalValue(0, 0.05)).toThrow(/n must be a positive integer/);
    expect(() => ksCriticalValue(10, 1)).toThrow(/alpha must be in \(0, 1\)/);
  });

  it('lossCurves: measured and predicted per case on a log axis, thinned with both ends kept', async () => {
    const t = Array.from({ length: 5001 }, (_, i) => i);
    const curve = (rate: number, noise: number) => t.map((s) => 0.5 * Math.exp(-rate * s) * (1 + noise * Math.sin(s)));
    const f = lossCurves(
      [
        { label: 'case A', kind: 'measured', t, loss: curve(2e-3, 0.01) },
        { label: 'case A', kind: 'predicted', t, loss: curve(2e-3, 0) },
        { label: 'case B', kind: 'measured', t, loss: curve(5e-4, 0.01) },
        { label: 'case B', kind: 'predicted', t, loss: curve(5e-4, 0) },
      ],
      { id: 'loss', title: 'loss curves', logY: true, maxPointsPerCurve: 200 },
    );
    const values = (f.spec as { data: { values: Array<{ t: number; case: string; kind: string }> } }).data.values;
    const a = values.filter((v) => v.case === 'case A' && v.kind === 'measured');
    expect(a.length).toBeLessThanOrEqual(201);
    expect(a[0].t).toBe(0);
    expect(a[a.length - 1].t).toBe(5000);
    await expectDrawn(f, ['line'], 4);
    const logX = lossCurves([{ label: 'x', kind: 'measured', t: t.slice(1), loss: curve(1e-3, 0).slice(1) }], { id: 'lx', title: 'log t', logX: true, maxPointsPerCurve: 50 });
    await expectDrawn(logX, ['line'], 1);
    expect(() => lossCurves([{ label: 'x', kind: 'measured', t: [0, 1], loss: [1] }], { id: 'bad', title: 't' })).toThrow(/2 steps but 1 losses/);
  });

  it('calibrationBars: rates with Wilson intervals and the α rule', async () => {
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(0, 10)[1]).toBeCloseTo(0.27753279986288, 10);
    expect(wilsonInterval(5, 10)[0]).toBeCloseTo(0.23659309051936, 10);
    expect(wilsonInterval(5, 10)[1]).toBeCloseTo(0.76340690948064, 10);
    const f = calibrationBars(
      [
        { label: 'right law', kind: 'false-positive rate', rejections: 11, trials: 200 },
        { label: 'wrong γ (×1.2)', kind: 'power', rejections: 190, trials: 200 },
        { label: 'no χ² shift', kind: 'power', rejections: 200, trials: 200 },
      ],
      { id: 'cal', title: 'calibration', alpha: 0.05 },
    );
    const svg = await expectDrawn(f, ['rect', 'rule', 'text'], 3 + 3 + 3 + 2);
    expect(svg).toContain('α = 0.05');
    expect(() => calibrationBars([{ label: 'x', kind: 'power', rejections: 3, trials: 2 }], { id: 'c', title: 't', alpha: 0.05 })).toThrow(/0 ≤ rejections ≤ trials/);
  });

  it('screePlot: singular values per case, the rank rule, gap in the legend', async () => {
    const sv = [3, 2, 1, 0.5, 1e-15, 3e-16, 0];
    const f = screePlot(
      [
        { label: 'rank 4', singularValues: sv, rank: 4, tolerance: 7 * 2.2e-16 * 3 },
        { label: 'full', singularValues: [1, 0.5, 0.25], rank: 3 },
      ],
      { id: 'scree', title: 'scree' },
    );
    const svg = await expectDrawn(f, ['line', 'rule', 'symbol'], 2 + 10 + 1 + 1);
    expect(svg).toContain('rank 4 — r = 4, gap 5e14');
    expect(svg).toContain('full — r = 3 (nothing dropped)');
    expect(f.caption).toContain('Singular values ≤ 0 (1 of them) are drawn at');
    expect(() => screePlot([{ label: 'x', singularValues: [1], rank: 2 }], { id: 's', title: 't' })).toThrow(/rank 2 is not in \[0, 1\]/);
  });

  it('ratioStrip, diagonalScatter, outcomeBars', async () => {
    await expectDrawn(
      ratioStrip(
        [
          { group: 'route A', series: 'measured', ratio: 0.01 },
          { group: 'route A', series: 'measured', ratio: 0 },
          { group: 'route B', series: 'wrong neighbour', ratio: 1e6 },
        ],
        { id: 'r', title: 'ratios' },
      ),
      ['rule', 'symbol'],
      4,
    );
    await expectDrawn(diagonalScatter([{ x: 1, y: 1.01 }, { x: 10, y: 9.9 }], { id: 'd', title: 'diag', xTitle: 'x', yTitle: 'y', scale: 'log' }), ['line', 'symbol'], 3);
    await expectDrawn(outcomeBars([{ property: 'p', passed: 9, inconclusive: 1, failed: 0 }], { id: 'o', title: 'outcomes' }), ['rect'], 2);
    expect(() => diagonalScatter([{ x: NaN, y: 1 }], { id: 'd', title: 't', xTitle: 'x', yTitle: 'y' })).toThrow(/at least one point/);
  });

  it('rankTable groups cases, counts matches and flags a mismatch', () => {
    const t = rankTable(
      [
        { group: 'relu', predicted: 6, measured: 6, gap: 1e12, formula: 'P − Nh' },
        { group: 'relu', predicted: 9, measured: 9, gap: 1e13, formula: 'P − Nh' },
        { group: 'erf', predicted: 8, measured: 7, gap: 2e11, formula: 'P' },
        { group: 'erf', predicted: 8, measured: 8, gap: null, inconclusive: true, formula: 'P' },
      ],
      { id: 'rt', title: 'ranks' },
    );
    expect(t.columns).toEqual(['group', 'prediction', 'cases', 'predicted rank', 'measured rank', 'matched', 'undecidable', 'min gap σ_r/σ_{r+1}']);
    expect(t.rows).toEqual([
      ['erf', 'P', 2, '8', '7–8', '0/1', 1, '2e11'],
      ['relu', 'P − Nh', 2, '6–9', '6–9', '2/2', 0, '1e12'],
    ]);
    expect(t.flagged).toEqual([0]);
  });
});

describe('figure helpers', () => {
  it('logAxis: decades over the range, at most ~8 of them', () => {
    expect(logAxis([0.02, 300]).values).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
    const wide = logAxis([1e-17, 1e10]).values;
    expect(wide.length).toBeLessThanOrEqual(9);
    expect(wide).toEqual([1e-16, 1e-12, 1e-8, 1e-4, 1, 1e4, 1e8]);
    expect(logAxis([0, -1]).values).toEqual([1]);
  });
  it('logFloor: non-positive values go one decade below the smallest positive one', () => {
    const f = logFloor([0, 1e-3, 5, -2]);
    expect(f.floor).toBeCloseTo(1e-4, 18);
    expect(f.clamped).toBe(2);
    expect(f.apply(0)).toBe(f.floor);
    expect(f.apply(5)).toBe(5);
  });
  it('formatNumber: 3 significant digits, exponents far from 1, ∞ and null', () => {
    expect(formatNumber(0.21044736)).toBe('0.21');
    expect(formatNumber(4.97e14)).toBe('4.97e14');
    expect(formatNumber(1.234e-5)).toBe('1.23e-5');
    expect(formatNumber(500)).toBe('500');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(null)).toBe('—');
  });
  it('approximateTextWidth: proportional, narrower than Vega’s 0.8 em per character', () => {
    expect(approximateTextWidth('iiii', 10)).toBeLessThan(approximateTextWidth('MMMM', 10));
    const s = 'error ÷ tolerance (dimensionless, log scale)';
    expect(approximateTextWidth(s, 12)).toBeLessThan(0.8 * 12 * s.length * 0.75);
  });
});
