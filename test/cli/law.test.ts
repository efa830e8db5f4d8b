import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';
import { ChiSquared, ChiSquaredMpConvolution, MarchenkoPastur } from '../../src/stats/index.js';

const run = runCli;

describe('cli law cdf', () => {
  it('chi2-mp --json: {law, params, at, cdf} equal to ChiSquaredMpConvolution (sigmas are standard deviations)', async () => {
    const r = await run('law', 'cdf', '--law', 'chi2-mp', '--Nh', '8', '--Ni', '4', '--sigma1', '0.5', '--sigma2', '2', '--at', '1,10,40', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const o = JSON.parse(r.out);
    expect(Object.keys(o)).toEqual(['law', 'params', 'at', 'cdf', 'warnings']);
    expect(o.warnings).toEqual([]); // Ni + 1 + 2(σ2/σ1)⁴ = 517: inside the law's range
    expect(o.law).toBe('chi2-mp');
    expect(o.params).toEqual({ Nh: 8, Ni: 4, sigma1: 0.5, sigma2: 2 });
    expect(o.at).toEqual([1, 10, 40]);
    const ref = new ChiSquaredMpConvolution({ df: 8, chiScale: 4, ratio: 0.5, mpScale: 8 * 0.25 });
    // the CLI asks the quadrature for 1e-10 relative per panel; the reference for 1e-12
    o.cdf.forEach((v: number, i: number) => expect(Math.abs(v - ref.cdf(o.at[i]))).toBeLessThan(1e-9));
    expect(o.cdf[0]).toBeLessThan(o.cdf[1]);
  });
  it('mp (atom at 0 for γ > 1) and chi2', async () => {
    const mp = JSON.parse((await run('law', 'cdf', '--law', 'mp', '--gamma', '2', '--scale', '3', '--at', '0,2,5', '--json')).out);
    const ref = new MarchenkoPastur({ ratio: 2, scale: 3 });
    expect(mp.cdf[0]).toBeCloseTo(0.5, 14);
    expect(mp.cdf).toEqual([0, 2, 5].map((x) => ref.cdf(x)));
    const chi = JSON.parse((await run('law', 'cdf', '--law', 'chi2', '--k', '3', '--at', '1,3', '--json')).out);
    expect(chi.params).toEqual({ k: 3, scale: 1 });
    expect(chi.cdf).toEqual([1, 3].map((x) => new ChiSquared({ df: 3 }).cdf(x)));
  });
  it('text output names the law and prints one line per point', async () => {
    const r = await run('law', 'cdf', '--law', 'chi2', '--k', '2', '--at', '2');
    expect(r.out).toContain('law chi2 (k = 2, scale = 1)');
    expect(r.out).toContain(`F(2) = ${(1 - Math.exp(-1)).toPrecision(12)}`);
  });
  it.each([
    [['law', 'cdf', '--law', 'gauss', '--at', '1'], '--law must be one of chi2-mp, mp, chi2'],
    [['law', 'cdf', '--law', 'mp', '--at', '1'], '--gamma is required'],
    [['law', 'cdf', '--law', 'chi2', '--k', '2', '--gamma', '3', '--at', '1'], '--gamma does not apply to --law chi2'],
    [['law', 'cdf', '--law', 'chi2-mp', '--Nh', '2.5', '--Ni', '2', '--at', '1'], 'law: --Nh must be an integer in [1, 1000000], got "2.5"'],
    [['law', 'cdf', '--law', 'chi2', '--k', '2', '--at', '1,NaN'], 'law: --at must be a comma-separated list of 1 to 100000 entries, each a finite number, got "1,NaN" (entry 2 is "NaN")'],
    [['law', 'cdf', '--law', 'chi2', '--k', '2'], '--at is required'],
    [['law', 'pdf', '--law', 'chi2', '--k', '2', '--at', '1'], 'expected the subcommand `cdf`'],
    [['law', 'cdf', '--law', 'mp', '--gamma', '-1', '--at', '1'], 'law: --gamma must be a number in [1e-12, 1000000000000], got "-1"'],
  ])('bad input %j exits 2 with one line naming the flag', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
    expect(r.err.split('\n')).toHaveLength(1);
  });
});
