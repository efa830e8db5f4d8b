/**
 * screePlot with a window of the singular values around the rank (what reports record): the
 * same legend, points at their true indices normalised by the stated σ_1, and the window's
 * checks. A window covering the whole list draws exactly what the full list draws.
 */
import { describe, expect, it } from 'vitest';
import type { VegaLiteFigure } from '../../src/report/figures/figure.js';
import { renderSvg } from '../../src/report/figures/render.js';
import { screePlot, type ScreeCase } from '../../src/report/figures/screePlot.js';
import { dataMarkItems, dataMarkKinds } from './svgMarks.js';

const full = [8, 4, 2, 1, 0.5, 0.25, 1e-15, 4e-16, 2e-16, 1e-16, 0];
const tolerance = 11 * 2.2e-16 * 8;

/** The points layer's data values. */
const pointsOf = (f: VegaLiteFigure) => ((f.spec as { layer: Array<{ data: { values: Array<{ k: number; sigma: number; case: string }> } }> }).layer[0].data.values);

describe('screePlot with a window around the rank', () => {
  const windowed: ScreeCase = { label: 'w', singularValues: full.slice(2, 10), rank: 6, tolerance, window: { first: 3, total: 11, sigmaMax: 8 } };

  it('draws the window at its true indices, normalised by σ_1, with the full list’s legend and rule', async () => {
    const f = screePlot([windowed], { id: 's', title: 'window' });
    const whole = screePlot([{ label: 'w', singularValues: full, rank: 6, tolerance }], { id: 's', title: 'window' });
    const pts = pointsOf(f);
    expect(pts.map((p) => p.k)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(pts.map((p) => p.sigma)).toEqual(full.slice(2, 10).map((v) => v / 8));
    // Same legend (r and gap σ_6/σ_7 = 0.25/1e-15) and the same rule and tolerance layers as the full list.
    expect(pts[0].case).toBe(pointsOf(whole)[0].case);
    expect(pts[0].case).toBe('w — r = 6, gap 2.5e14');
    expect((f.spec as { layer: unknown[] }).layer.slice(1)).toEqual((whole.spec as { layer: unknown[] }).layer.slice(1));
    expect(f.caption).toContain('Only the singular values around each decided rank are drawn');
    expect(whole.caption).not.toContain('Only the singular values around');
    const svg = await renderSvg(f);
    expect(dataMarkKinds(svg)).toEqual(expect.arrayContaining(['line', 'rule', 'symbol']));
    expect(dataMarkItems(svg)).toBeGreaterThanOrEqual(8 + 1 + 1);
  });

  it('a window covering the whole list is the full list', () => {
    const a = screePlot([{ label: 'w', singularValues: full, rank: 6, window: { first: 1, total: 11, sigmaMax: 8 } }], { id: 's', title: 't' });
    const b = screePlot([{ label: 'w', singularValues: full, rank: 6 }], { id: 's', title: 't' });
    expect(a).toEqual(b);
  });

  it('knows "nothing dropped" from the total, not from the window length', () => {
    const f = screePlot([{ label: 'top', singularValues: [2, 1], rank: 11, window: { first: 10, total: 11, sigmaMax: 8 } }], { id: 's', title: 't' });
    expect(pointsOf(f)[0].case).toBe('top — r = 11 (nothing dropped)');
    const g = screePlot([{ label: 'mid', singularValues: [2, 1], rank: 4, window: { first: 4, total: 11, sigmaMax: 8 } }], { id: 's', title: 't' });
    expect(pointsOf(g)[0].case).toBe('mid — r = 4, gap 2');
  });

  it('refuses a window that does not fit or misses σ_r or σ_r+1', () => {
    const bad = (c: Partial<ScreeCase>) => () => screePlot([{ ...windowed, ...c }], { id: 's', title: 't' });
    expect(bad({ window: { first: 0, total: 11, sigmaMax: 8 } })).toThrow(/does not fit/);
    expect(bad({ window: { first: 5, total: 11, sigmaMax: 8 } })).toThrow(/does not fit/);
    expect(bad({ window: { first: 3, total: 11, sigmaMax: Number.NaN } })).toThrow(/sigmaMax/);
    expect(bad({ rank: 2 })).toThrow(/must hold σ_r and σ_r\+1 around the rank r = 2/);
    expect(bad({ rank: 10 })).toThrow(/must hold σ_r and σ_r\+1 around the rank r = 10/);
    expect(bad({ rank: 12 })).toThrow(/rank 12 is not in \[0, 11\]/);
  });
});
