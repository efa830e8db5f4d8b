import { describe, expect, it } from 'vitest';
import { runCli, missingPath, tempFiles } from './runCli.js';
import { ChiSquared, ksOneSample } from '../../src/stats/index.js';

const file = tempFiles('hc-ks-');
const run = runCli;

describe('cli ks', () => {
  const xs = [0.3, 1.2, 2.5, 0.8, 4.1, 1.9, 0.05, 3.3];
  const samples = file('s.json', JSON.stringify(xs));
  it('--json: {n, D, pValue, method} equal to ksOneSample against the law', async () => {
    const r = await run('ks', '--law', 'chi2', '--k', '2', '--samples', samples, '--json');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(Object.keys(o)).toEqual(['n', 'D', 'pValue', 'method', 'warnings']);
    const ref = ksOneSample(xs, (x) => new ChiSquared({ df: 2 }).cdf(x));
    expect(o).toEqual({ n: 8, D: ref.D, pValue: ref.pValue, method: ref.method, warnings: [] });
  });
  it('text output prints D, the p-value and the method; a wrong law is rejected', async () => {
    const r = await run('ks', '--law', 'mp', '--gamma', '0.5', '--scale', '100', '--samples', samples);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/D = /);
    expect(r.out).toMatch(/p-value = /);
    expect(r.out).toMatch(/method: /);
    expect(Number(/p-value = (\S+)/.exec(r.out)![1])).toBeLessThan(1e-3);
  });
  it.each([
    ['[]', 'bad.json: samples: the array is empty; the test needs at least one number'],
    ['{"a": 1}', 'bad.json: samples: must be a JSON array of numbers, got an object'],
    ['[1, "2", 3]', 'bad.json: samples[1]: is string "2", not a finite number; write finite numbers only'],
    ['[1, null]', 'bad.json: samples[1]: is null, not a finite number'],
    ['[1, 2, 1e400]', 'bad.json: samples[2]: is Infinity (a JSON number beyond ±1.8e308 overflows float64), not a finite number'],
    ['[1, [2]]', 'bad.json: samples[1]: is an array ([2]), not a finite number'],
    ['[1, NaN]', 'not valid JSON'],
  ])('bad samples %s exit 2 with one line', async (content, message) => {
    const r = await run('ks', '--law', 'chi2', '--k', '2', '--samples', file('bad.json', content));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
    expect(r.err).toMatch(/^ks: /);
    expect(r.err.split('\n')).toHaveLength(1);
  });
  it('missing --samples or --law, unknown file', async () => {
    expect((await run('ks', '--law', 'chi2', '--k', '2')).err).toContain('--samples is required');
    expect((await run('ks', '--samples', samples)).err).toContain('--law is required');
    expect((await run('ks', '--law', 'chi2', '--k', '2', '--samples', missingPath('nope.json'))).err).toContain('nope.json: file: cannot be read (ENOENT)');
  });
});
