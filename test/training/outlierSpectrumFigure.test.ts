/** The S2 figure builder renders to an SVG with its points, the outlier rules and the bulk-edge segments; bad input fails by name. */
import { describe, expect, it } from 'vitest';
import { outlierSpectrum } from '../../src/report/figures/outlierSpectrum.js';
import { renderSvg } from '../../src/report/figures/render.js';
import { dataMarkItems, dataMarkKinds } from '../report/svgMarks.js';

describe('outlierSpectrum', () => {
  it('draws every eigenvalue and one rule per case with a count', async () => {
    const f = outlierSpectrum(
      [
        { label: 'k = 3', eigenvalues: [1, 0.8, 0.6, 0.1, 0.09, 0.08], count: 3, expected: 3 },
        { label: 'k = 2', eigenvalues: [2, 1.5, 0.2, 0.1, -0.01, -0.02], count: 2 },
      ],
      { id: 's2-spectrum', title: 'spectrum' },
    );
    const svg = await renderSvg(f);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(dataMarkKinds(svg)).toEqual(expect.arrayContaining(['line', 'rule', 'symbol']));
    expect(dataMarkItems(svg)).toBeGreaterThanOrEqual(12 + 2);
    expect(f.caption).toMatch(/floor/); // the two negative eigenvalues are clamped and said so
    expect(svg).toContain('3 outliers (expected 3), gap 6');
  });
  it('draws a dotted bulk-edge segment per case that gives one, over its bulk, and says so', async () => {
    const f = outlierSpectrum(
      [
        { label: 'k = 3', eigenvalues: [1, 0.8, 0.6, 0.1, 0.09, 0.08], count: 3, bulkEdge: 0.1 },
        { label: 'k = 2', eigenvalues: [2, 1.5, 0.2, 0.1], count: 2 },
      ],
      { id: 's2-spectrum', title: 'spectrum' },
    );
    const layers = (f.spec as { layer: Array<{ data: { values: object[] }; encoding: object }> }).layer;
    const edges = layers.filter((l) => 'x2' in l.encoding);
    expect(edges).toHaveLength(1);
    expect(edges[0].data.values).toEqual([{ i: 3.5, i2: 6, lambda: 0.1, case: expect.stringContaining('k = 3') }]);
    expect(f.caption).toContain("the dotted segment is the case's estimated bulk edge");
    const svg = await renderSvg(f);
    expect(dataMarkItems(svg)).toBeGreaterThanOrEqual(10 + 2 + 1);
    const without = outlierSpectrum([{ label: 'a', eigenvalues: [1, 0.1], count: 1 }], { id: 'x', title: 't' });
    expect(without.caption).not.toContain('bulk edge');
  });
  it('rejects a bad count, a non-positive top or a non-finite bulk edge', () => {
    expect(() => outlierSpectrum([{ label: 'a', eigenvalues: [1, 0.5], count: 1, bulkEdge: NaN }], { id: 'x', title: 't' })).toThrow(/case "a" bulkEdge NaN/);
    expect(() => outlierSpectrum([{ label: 'a', eigenvalues: [1, 0.5], count: 3 }], { id: 'x', title: 't' })).toThrow(/outlierSpectrum\(x\): case "a" count 3/);
    expect(() => outlierSpectrum([{ label: 'a', eigenvalues: [0, -1], count: 0 }], { id: 'x', title: 't' })).toThrow(/positive largest/);
  });
});
