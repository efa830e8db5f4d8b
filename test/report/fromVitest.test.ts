/**
 * The report from vitest's results: each property test carries its evidence (task.meta), which
 * survives vitest's shards (--shard i/n with the blob reporter, then --merge-reports with the
 * json reporter); `report from-vitest` turns the merged results into the same claims as a
 * report run of the same properties, seed and runs scale.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordsFromVitestJson, reportFromVitest } from '../../src/report/inputs/fromVitest.js';
import { FIXED_TIME, smallReport, tempDir } from './smallReport.js';
import { CLAIM_CATALOGUE } from '../../properties/catalogue.js';
import { PROPERTY_SUITE } from '../../properties/registry.js';
import { claimsWithProperties } from '../../src/report/run/suite.js';

const WITH_PROPERTIES = claimsWithProperties(PROPERTY_SUITE);

const VITEST = join(process.cwd(), 'node_modules/vitest/vitest.mjs');

/** A clean environment for a nested vitest (the outer run's VITEST_* variables would confuse it). */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && !k.startsWith('HC_')) env[k] = v;
  return { ...env, HC_RUNS_SCALE: '0.1', HC_SEED: '20251216' };
}

function vitest(args: string[]): void {
  execFileSync(process.execPath, [VITEST, ...args], { env: childEnv(), stdio: 'pipe', cwd: process.cwd() });
}

describe('report from vitest results', () => {
  it('two vitest shards, merged, give the same claims as a report run', async () => {
    const dir = tempDir();
    const files = ['properties/C2.linearNetwork.test.ts', 'properties/C3.rank.test.ts'];
    for (const shard of ['1/2', '2/2']) vitest(['run', ...files, `--shard=${shard}`, '--reporter=blob', `--outputFile.blob=${join(dir, 'blobs', `blob-${shard[0]}.json`)}`]);
    vitest(['run', `--merge-reports=${join(dir, 'blobs')}`, '--reporter=json', `--outputFile.json=${join(dir, 'merged.json')}`]);
    const run = await smallReport({ claims: ['C2a', 'C2b', 'C2c', 'C3'], runsScale: 0.1 });
    const fromShards = await reportFromVitest([join(dir, 'merged.json')], join(dir, 'report'), CLAIM_CATALOGUE, WITH_PROPERTIES, FIXED_TIME, run.report.environment);
    expect(fromShards.report.mode).toBe('vitest');
    expect(fromShards.report.selection.claims).toEqual(['C2a', 'C2b', 'C2c', 'C3']);
    expect(fromShards.report.claims).toEqual(run.report.claims);
  }, 150_000);

  it('refuses files without property evidence, and duplicates', async () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, JSON.stringify({ testResults: [{ assertionResults: [{ meta: {} }] }] }));
    await expect(reportFromVitest([empty], dir, CLAIM_CATALOGUE, WITH_PROPERTIES)).rejects.toThrow(/no property evidence/);
    expect(() => recordsFromVitestJson('{"x": 1}', 'r.json', CLAIM_CATALOGUE)).toThrow(/r\.json has no "testResults"/);
    const run = await smallReport({ claims: ['C2c'], runsScale: 0.1 });
    const one = join(dir, 'one.json');
    writeFileSync(one, JSON.stringify({ testResults: [{ assertionResults: run.report.claims[0].evidence.properties.map((p) => ({ meta: { hcProperty: p } })) }] }));
    expect(recordsFromVitestJson(readFileSync(one, 'utf8'), one, CLAIM_CATALOGUE)).toHaveLength(1);
    await expect(reportFromVitest([one, one], dir, CLAIM_CATALOGUE, WITH_PROPERTIES)).rejects.toThrow(/appears twice/);
  }, 60_000);
});
