/**
 * The committed failure example (reports/example-failure, docs/report.md "A failure, seen")
 * is honest and replayable: it was produced by the real pipeline with a deliberately wrong
 * theory (report --theory-mutant), it says so, and running the replay command printed in its
 * failure box reproduces the same shrunk counterexample. Also: the mutant mechanism refuses
 * what no definition offers, and an ordinary run records no mutant.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTheoryMutant, resolveRunSettings } from '../../src/harness/runSettings.js';
import { parseReportText } from '../../src/report/readReport.js';
import { CLAIM_CATALOGUE } from '../../properties/catalogue.js';
import { runCli } from '../cli/runCli.js';
import { tempDir } from './smallReport.js';

const DIR = join('reports', 'example-failure');
const example = () => parseReportText(readFileSync(join(DIR, 'conformance.json'), 'utf8'), `${DIR}/conformance.json`, CLAIM_CATALOGUE);

describe('reports/example-failure', () => {
  it('is a report of the current format that ran a mutant and failed exactly the mutated claim', () => {
    const r = example();
    const m = r.theoryMutant!;
    expect(m).toBeDefined();
    expect(r.claims.filter((c) => c.verdict === 'fail').map((c) => c.id)).toEqual([m.claim]);
    const failing = r.claims.find((c) => c.id === m.claim)!;
    const failedUnits = failing.evidence.properties.filter((u) => u.failure).map((u) => u.name);
    expect(failedUnits.length).toBeGreaterThan(0);
    for (const name of failedUnits) expect(m.properties).toContain(name);
    expect(readFileSync(join(DIR, 'conformance.md'), 'utf8')).toContain('deliberately wrong theory');
  });

  it("its replay command reproduces the same shrunk counterexample", async () => {
    const r = example();
    const failing = r.claims.find((c) => c.replay.failing)!;
    const f = failing.replay.failing!;
    const [prefix, args] = f.replay.split(' -- ');
    expect(prefix).toBe('npm run report');
    const out = tempDir();
    const run = await runCli('report', ...args.split(' '), '--out', out);
    expect(run.code, run.err).toBe(0);
    const again = parseReportText(readFileSync(join(out, 'conformance.json'), 'utf8'), 'replay', CLAIM_CATALOGUE);
    const replayed = again.claims.find((c) => c.id === failing.id)!.replay.failing!;
    expect({ property: replayed.property, seed: replayed.seed, path: replayed.path, config: replayed.config }).toEqual({ property: f.property, seed: f.seed, path: f.path, config: f.config });
    expect(replayed.replay).toBe(f.replay);
  }, 240_000);
});

describe('--theory-mutant', () => {
  it('parses claim:neighbour and refuses anything else, naming the form', () => {
    expect(parseTheoryMutant('C4:lambda-max')).toEqual({ claim: 'C4', neighbour: 'lambda-max' });
    expect(() => parseTheoryMutant('C4')).toThrow(/<claim>:<neighbour>, e\.g\. C4:lambda-max/);
    expect(resolveRunSettings({}).theoryMutant).toBeNull();
  });

  it('a mutant no property of the run offers is refused in one line, listing the offered ones', async () => {
    const r = await runCli('report', '--claims', 'C1', '--theory-mutant', 'C1:no-such', '--runs-scale', '0.01', '--out', tempDir());
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--theory-mutant C1:no-such: no property of the claims being run offers it/);
    const bad = await runCli('report', '--theory-mutant', 'oops');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^report: --theory-mutant must be claim:neighbour, e\.g\. C4:lambda-max, got \"oops\"$/);
  });
});
