/** The S2 figure builder renders to an SVG with its points and the outlier rules; bad input fails by name. */
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
  it('rejects a bad count or a non-positive top', () => {
    expect(() => outlierSpectrum([{ label: 'a', eigenvalues: [1, 0.5], count: 3 }], { id: 'x', title: 't' })).toThrow(/outlierSpectrum\(x\): case "a" count 3/);
    expect(() => outlierSpectrum([{ label: 'a', eigenvalues: [0, -1], count: 0 }], { id: 'x', title: 't' })).toThrow(/positive largest/);
  });
});
