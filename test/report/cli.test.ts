/**
 * `report` on the command line: bad flags and files exit 2 with one line naming the flag
 * and the fix (nothing on stdout); a run prints the three paths and plain progress lines;
 * --jobs 2 (child processes + merge) writes the same report as one process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { tempDir } from './smallReport.js';

const run = (...argv: string[]) => runCli('report', ...argv);

describe('report command line', () => {
  it.each([
    [['--quick', '--full'], /^report: pass --quick or --full, not both$/],
    [['--seed', 'x'], /^report: --seed must be a non-negative integer or a range A\.\.B/],
    [['--seed', '5..3'], /^report: --seed must be/],
    [['--claims', 'C2a,C9'], /^report: --claims: unknown claim id C9; known: C1, C2a/],
    [['--claims', ','], /^report: --claims must be a comma-separated list of 1 to 100 entries, each a claim id, got "," \(entry 1 is ""\)$/],
    [['--partition', '3/2'], /^report: --partition must be i\/n with 1 ≤ i ≤ n/],
    [['--partition', '1/2', '--jobs', '2'], /^report: --partition runs one partition in this process/],
    [['--jobs', '0'], /^report: --jobs must be auto or an integer in \[1, 64\], got "0"$/],
    [['--runs-scale', '-1'], /^report: --runs-scale must be a number in \(0, 1000\]/],
    [['--bogus'], /^report: unknown option --bogus; see `hessian-conformance report --help`$/],
    [['--ful'], /^report: unknown option --ful \(did you mean --full\?\)/],
    [['stray'], /^report: too many arguments|^report: unexpected argument "stray"|unknown command/],
    [['--out'], /^report: option --out <DIR> argument missing/],
    [['merge', 'one.json'], /^report merge: expected two or more partial conformance\.json files, got 1/],
    [['merge', '/nope/a.json', '/nope/b.json'], /^report merge: \/nope\/a\.json: file: cannot be read \(ENOENT\); check the path of the conformance\.json file$/],
    [['render'], /^report render: expected one conformance\.json, got 0 files/],
    [['render', '/nope/c.json'], /^report render: \/nope\/c\.json: file: cannot be read \(ENOENT\)/],
    [['from-vitest'], /^report from-vitest: expected one or more vitest JSON result files, got 0/],
  ])('%j exits 2 with one line', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  it('writes the three files, prints their paths, reports progress as plain lines', async () => {
    const out = tempDir();
    const r = await run('--claims', 'C2c', '--runs-scale', '0.1', '--jobs', '1', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([join(out, 'conformance.html'), join(out, 'conformance.json'), join(out, 'conformance.md')]);
    for (const f of r.out.split('\n')) expect(existsSync(f)).toBe(true);
    expect(r.err).toMatch(/^report: custom \(runs ×0\.1, ci sizes\), seed 20251216 — 1 unit, 15 cases\nreport: \[1\/1\] pass/);
  }, 60_000);

  it('--jobs 2 runs partitions in child processes and merges them into the same report', async () => {
    const [one, two] = [tempDir(), tempDir()];
    const args = ['--claims', 'C2a,C2b,C2c', '--runs-scale', '0.1', '--seed', '3..4'];
    expect((await run(...args, '--jobs', '1', '--out', one)).code).toBe(0);
    const r = await run(...args, '--jobs', '2', '--out', two);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('2 jobs');
    expect(r.err.split('\n').filter((l) => /^report: \[\d\/8\] pass/.test(l))).toHaveLength(8);
    const strip = (dir: string) => JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8'), (k, v) => (k === 'generatedAt' ? undefined : v));
    expect(strip(two)).toEqual(strip(one));
  }, 120_000);
});
