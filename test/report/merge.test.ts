/**
 * Partitions: running a report as two partitions and merging them gives the same report as
 * one run (every file, byte for byte, with generatedAt fixed); a seed range splits the same
 * way; and merging refuses incomplete, duplicated or mismatched partitions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeReportFiles } from '../../src/report/inputs/mergeReports.js';
import { partitionUnits, planUnits } from '../../src/report/run/plan.js';
import { FIXED_TIME, smallReport, tempDir } from './smallReport.js';
import { PROPERTY_SUITE } from '../../properties/registry.js';
import { claimsWithProperties } from '../../src/report/run/suite.js';

const merge = (files: string[], out: string, at?: string) => mergeReportFiles(files, out, PROPERTY_SUITE.catalogue, claimsWithProperties(PROPERTY_SUITE), at);

const read = (dir: string) => ['conformance.json', 'conformance.md', 'conformance.html'].map((f) => readFileSync(join(dir, f), 'utf8'));

describe('partition and merge', () => {
  it('partitions split the units round-robin, disjoint and complete', () => {
    const units = planUnits(PROPERTY_SUITE, null, [1, 2, 3]);
    const parts = [1, 2, 3].map((index) => partitionUnits(units, { index, count: 3 }));
    expect(parts.flat().length).toBe(units.length);
    expect(new Set(parts.flat()).size).toBe(units.length);
    expect(parts[1][0]).toBe(units[1]);
  });

  it('merging two partitions gives the same report as one run', async () => {
    const options = { claims: ['C2a', 'C2b', 'C3'], runsScale: 0.2 };
    const whole = await smallReport(options);
    const p1 = await smallReport({ ...options, partition: { index: 1, count: 2 } });
    const p2 = await smallReport({ ...options, partition: { index: 2, count: 2 } });
    expect(p1.report.partition).toEqual({ index: 1, count: 2 });
    expect(p1.report.claims.length + p2.report.claims.length).toBeGreaterThanOrEqual(3);
    const merged = await merge([p2.files.json, p1.files.json], tempDir(), FIXED_TIME);
    expect(merged.report).toEqual(whole.report);
    expect(read(merged.files.dir)).toEqual(read(whole.files.dir));
  }, 120_000);

  it('a seed range splits into partitions the same way', async () => {
    const options = { claims: ['C2c'], runsScale: 0.1, seeds: [7, 8, 9] };
    const whole = await smallReport(options);
    expect(whole.report.claims[0].evidence.properties.map((u) => u.seed)).toEqual([7, 8, 9]);
    const parts = await Promise.all([1, 2].map((index) => smallReport({ ...options, partition: { index, count: 2 } })));
    const merged = await merge(parts.map((p) => p.files.json), tempDir(), FIXED_TIME);
    expect(merged.report).toEqual(whole.report);
  }, 120_000);

  it('refuses a missing, repeated or foreign partition and a whole report, naming the file', async () => {
    const options = { claims: ['C2c'], runsScale: 0.1, seeds: [1, 2, 3] };
    const [a, b, c] = await Promise.all([1, 2, 3].map((index) => smallReport({ ...options, partition: { index, count: 3 } })));
    const other = await smallReport({ ...options, runsScale: 0.2, partition: { index: 3, count: 3 } });
    const whole = await smallReport(options);
    await expect(merge([a.files.json, b.files.json], tempDir())).rejects.toThrow(/partition 3 of 3 missing/);
    await expect(merge([a.files.json, a.files.json, c.files.json], tempDir())).rejects.toThrow(/partition 1 is given twice/);
    await expect(merge([a.files.json, b.files.json, other.files.json], tempDir())).rejects.toThrow(new RegExp(`${other.files.json.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} comes from a different run plan`));
    await expect(merge([whole.files.json, a.files.json], tempDir())).rejects.toThrow(/is a whole report, not a partition/);
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, 'not json');
    await expect(merge([bad, a.files.json], tempDir())).rejects.toThrow(/bad\.json: not valid JSON/);
    await expect(merge(['/nonexistent/x.json', a.files.json], tempDir())).rejects.toThrow(/\/nonexistent\/x\.json: file: cannot be read \(ENOENT\)/);
  }, 120_000);
});
