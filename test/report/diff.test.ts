/**
 * `report diff`: a real regression — the same small report run twice, the second time with the
 * float32 cross-check's tolerance cut to a quarter (a perturbed tolerance, as a careless edit
 * would) — is flagged and named, exit 1; identical reports exit 0; verdict changes, rank gaps,
 * p-values and dropped claims are judged in the right direction; bad input exits 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { conventionDirection } from '../../src/report/diff/directions.js';
import { worseBy } from '../../src/report/diff/diffReports.js';
import { runCli } from '../cli/runCli.js';
import { smallReport, tempDir } from './smallReport.js';

const knob = vi.hoisted(() => ({ toleranceScale: 1 }));
vi.mock('../../src/autodiff/float32Tolerance.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/autodiff/float32Tolerance.js')>();
  return { ...m, float32RelativeTolerance: (K: number, kappa: number) => m.float32RelativeTolerance(K, kappa) * knob.toleranceScale };
});

describe('directions and factors', () => {
  it.each([
    ['worstRatio', 'lower'],
    ['worstBarrierOverTolerance', 'lower'],
    ['mlpWorstFdRatio', 'lower'],
    ['maxWrongNeighbourP', 'lower'],
    ['maxNeighbourPValue', 'lower'],
    ['minGap', 'higher'],
    ['minRightLawP', 'higher'],
    ['minPValue', 'higher'],
    ['minNeighbourMargin', 'higher'],
    ['mlpDiagCurvatureMinMargin', 'higher'],
    ['weakestNeighbourRejection', 'higher'],
    ['power', 'higher'],
    ['minWrongNeighbourPower', 'higher'],
    ['cases', null],
    ['minLambdaGN', null],
    ['negativeCurvatureCases', null],
  ])('%s → %s', (name, dir) => {
    expect(conventionDirection(name)).toBe(dir);
  });

  it('worseBy: ratios of positive numbers in the direction of failure; crossing zero is infinitely worse', () => {
    expect(worseBy(0.1, 0.4, 'lower')).toBeCloseTo(4);
    expect(worseBy(0.4, 0.1, 'lower')).toBeCloseTo(0.25);
    expect(worseBy(1e11, 1e9, 'higher')).toBeCloseTo(100);
    expect(worseBy(0.5, 0.5, 'higher')).toBe(1);
    expect(worseBy(0, 0.3, 'lower')).toBe(Infinity);
    expect(worseBy(2, -1, 'higher')).toBe(Infinity);
  });
});

describe('report diff on real reports', () => {
  const dir = tempDir('hc-diff-');
  const base = join(dir, 'base');
  const same = join(dir, 'same');
  const worse = join(dir, 'worse');
  beforeAll(async () => {
    const input = { claims: ['C1', 'C3'], runsScale: 0.1, seeds: [5] };
    knob.toleranceScale = 1;
    await smallReport(input, base);
    await smallReport(input, same);
    knob.toleranceScale = 0.25;
    await smallReport(input, worse);
    knob.toleranceScale = 1;
  }, 300_000);

  it('identical reports: no regression, exit 0', async () => {
    const r = await runCli('report', 'diff', join(base, 'conformance.json'), join(same, 'conformance.json'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('**No regression.**');
    expect(r.out).toContain('<details><summary>Every number compared</summary>');
  });

  it('a tolerance cut to a quarter: C1\'s worst error ÷ tolerance rose 4×, named, exit 1', async () => {
    const md = join(dir, 'diff.md');
    const r = await runCli('report', 'diff', join(base, 'conformance.json'), join(worse, 'conformance.json'), '--markdown', md);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\*\*\d+ regressions?\.\*\*/);
    expect(r.out).toMatch(/### Numbers that moved more than 2× toward failure/);
    expect(r.out).toMatch(/\| C1 \| summary\.worstRatio \| lower \| [\d.e-]+ \| [\d.e-]+ \| 4× worse \|/);
    expect(readFileSync(md, 'utf8')).toBe(r.out);
    // The JSON form carries the same finding.
    const j = await runCli('report', 'diff', join(base, 'conformance.json'), join(worse, 'conformance.json'), '--json');
    expect(j.code).toBe(1);
    const d = JSON.parse(j.out);
    expect(d.numbers.find((n: { claim: string; what: string }) => n.claim === 'C1' && n.what === 'summary.worstRatio')).toMatchObject({ regression: true, better: 'lower' });
    // Only the perturbed claim moved: C3 never touches the float32 tolerance.
    expect([...new Set(d.numbers.filter((n: { claim: string; regression: boolean }) => n.regression).map((n: { claim: string }) => n.claim))]).toEqual(['C1']);
    expect(d.numbers.filter((n: { claim: string }) => n.claim === 'C3').every((n: { worseBy: number }) => n.worseBy === 1)).toBe(true);
    // A larger factor forgives it.
    expect((await runCli('report', 'diff', join(base, 'conformance.json'), join(worse, 'conformance.json'), '--factor', '5')).code).toBe(0);
  });

  it('a verdict that turned to fail, a rank gap that collapsed, a p-value that fell, a dropped claim: each a regression', async () => {
    const report = JSON.parse(readFileSync(join(base, 'conformance.json'), 'utf8'));
    const c3 = report.claims.find((c: { id: string }) => c.id === 'C3');
    c3.evidence.summary.minGap = c3.evidence.summary.minGap / 1000;
    const c1 = report.claims.find((c: { id: string }) => c.id === 'C1');
    c1.verdict = 'fail';
    c1.verdictReason = 'a case failed';
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(report));
    const r = await runCli('report', 'diff', join(base, 'conformance.json'), edited);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\| C1 \| .* \| pass \| fail \| \*\*yes\*\* \| a case failed \|/);
    expect(r.out).toMatch(/\| C3 \| summary\.minGap \| higher \| .* \| 1000× worse \|/);
    // Reversed, the same edits are improvements and a fail → pass, not regressions.
    const back = await runCli('report', 'diff', edited, join(base, 'conformance.json'));
    expect(back.code).toBe(0);
    expect(back.out).toMatch(/### Numbers that improved more than 2×/);
    // A claim missing from the new report is a regression …
    report.claims = report.claims.filter((c: { id: string }) => c.id !== 'C3');
    writeFileSync(edited, JSON.stringify(report));
    const dropped = await runCli('report', 'diff', join(base, 'conformance.json'), edited);
    expect(dropped.code).toBe(1);
    expect(dropped.out).toMatch(/\| C3 \| .* \| pass \| — \| \*\*yes\*\* \| missing from the new report \|/);
    // … unless the new report was run for other claims only.
    report.selection = { claims: ['C1'] };
    report.claims[0].verdict = 'pass';
    writeFileSync(edited, JSON.stringify(report));
    expect((await runCli('report', 'diff', join(base, 'conformance.json'), edited)).code).toBe(0);
  });

  it('a smaller right-theory p-value is a regression in the p-value\'s direction', async () => {
    const report = JSON.parse(readFileSync(join(base, 'conformance.json'), 'utf8'));
    const c1 = report.claims.find((c: { id: string }) => c.id === 'C1');
    c1.multipleTesting = { tests: 3, minP: 0.4, adjustedMinP: 1, rejected: 0 };
    const a = join(dir, 'p-a.json');
    writeFileSync(a, JSON.stringify(report));
    c1.multipleTesting = { tests: 3, minP: 0.02, adjustedMinP: 0.06, rejected: 0 };
    const b = join(dir, 'p-b.json');
    writeFileSync(b, JSON.stringify(report));
    const r = await runCli('report', 'diff', a, b);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\| C1 \| smallest right-theory p-value \| higher \| 0\.4 \| 0\.02 \| 20× worse \|/);
  });
});

describe('report diff: bad input exits 2 with one line', () => {
  it.each([
    [['diff', 'one.json'], /^report diff: expected two files: the baseline conformance\.json and the new one, got 1 file/],
    [['diff', '/nope/a.json', '/nope/b.json'], /^\/nope\/a\.json: cannot read \(ENOENT\)/],
    [['diff', 'package.json', 'package.json'], /^package\.json: not a conformance\.json of this version/],
    [['diff', 'a', 'b', '--factor', '1'], /^report diff: --factor must be a number > 1/],
  ])('%j', async (argv, message) => {
    const r = await runCli('report', ...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});
