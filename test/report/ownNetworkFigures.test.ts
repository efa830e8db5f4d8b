/**
 * The figures and the page of "your own network": the log-density plot (density, its floor,
 * marks), the H/GN/R spectra plot, and the one-model HTML page (self-contained, every claim
 * with its status, statuses escaped). Rendered headlessly to SVG like every report figure.
 */
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/report/figures/render.js';
import { FLOOR_DECADES, spectralDensityPlot } from '../../src/report/figures/spectralDensityPlot.js';
import { termSpectra } from '../../src/report/figures/termSpectra.js';
import { renderModelPage } from '../../src/report/html/modelPage.js';
import { dataMarkItems, dataMarkKinds } from './svgMarks.js';

const grid = Array.from({ length: 201 }, (_, i) => -1 + i * 0.02);
const density = grid.map((x) => Math.exp(-((x - 0.1) ** 2) / 0.002) + 1e-3 * Math.exp(-((x - 2) ** 2) / 0.01));

describe('spectralDensityPlot', () => {
  it('draws the curve on a log axis with the marks, and states σ, the bound and the floor', async () => {
    const f = spectralDensityPlot(grid, density, { id: 'd', title: 'density', sigma: 0.02, bound: 0.3, marks: [2, 3.5], embedTitle: true });
    const svg = await renderSvg(f);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(dataMarkKinds(svg)).toEqual(expect.arrayContaining(['line', 'rule']));
    expect(dataMarkItems(svg)).toBeGreaterThanOrEqual(3);
    expect(f.caption).toMatch(/σ = 0\.02/);
    expect(f.caption).toMatch(/at most 0\.3/);
    expect(f.caption).toMatch(new RegExp(`more than ${FLOOR_DECADES} decades below the peak`));
    expect(JSON.stringify(f.spec)).toContain('"type":"log"');
  });
  it('refuses mismatched or empty input', () => {
    expect(() => spectralDensityPlot([0, 1], [1], { id: 'x', title: 't', sigma: 1 })).toThrow(/same length/);
    expect(() => spectralDensityPlot([0, 1], [0, 0], { id: 'x', title: 't', sigma: 1 })).toThrow(/no positive value/);
  });
});

describe('termSpectra', () => {
  it('three matrices on a symlog axis, one colour each', async () => {
    const f = termSpectra([{ label: 'H', eigenvalues: [2, 1, -0.1] }, { label: 'Gauss–Newton', eigenvalues: [2.05, 0.9, 0] }, { label: 'residual', eigenvalues: [0.1, 0, -0.2] }], { id: 't', title: 'terms' });
    const svg = await renderSvg(f);
    expect(dataMarkKinds(svg)).toEqual(expect.arrayContaining(['line']));
    expect(JSON.stringify(f.spec)).toContain('"type":"symlog"');
    expect(() => termSpectra([{ label: 'H', eigenvalues: [] }], { id: 't', title: 't' })).toThrow(/non-empty/);
  });
});

describe('renderModelPage', () => {
  it('is one self-contained page: every claim with its status badge and reason, escaped, figures inline', () => {
    const html = renderModelPage({
      title: 'Hessian check · <model>',
      subtitle: 'now',
      facts: [['loss', 'L = ½ "x" & y']],
      claims: [
        { claim: 'S1', title: 'decomposition', statement: 's', source: 'src', status: 'pass', reason: 'applies', parts: [{ name: 'p', status: 'pass', message: '', evidence: { x: 1, y: Infinity } }] },
        { claim: 'S2', title: 'outliers', statement: 's', source: 'src', status: 'observation', reason: 'a rate', parts: [] },
        { claim: 'C4', title: 'dynamics', statement: 's', source: 'src', status: 'not-applicable', reason: 'not one model <b>', parts: [] },
      ],
      figures: [{ kind: 'svg', id: 'density', title: 'Density', caption: 'c', svg: '<svg role="img"></svg>' }],
      replay: 'hessian-conformance check config.json',
    });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toContain('Hessian check · &lt;model&gt;');
    expect(html).toContain('not one model &lt;b&gt;');
    expect(html).toContain('data-claim="S1" data-status="pass"');
    expect(html).toContain('<span class="badge observation">observation</span>');
    expect(html).toContain('<span class="badge not-applicable">not applicable</span>');
    expect(html).toContain('data-figure="density"');
    expect(html).toContain('&quot;y&quot;: &quot;Infinity&quot;'); // non-finite evidence survives JSON as text
    expect(html).toMatch(/3<\/strong> claims: 1 pass, 1 observation, 1 not applicable/);
  });
});
