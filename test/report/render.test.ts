/**
 * The report is a function of its evidence: `report render <conformance.json>` rebuilds the
 * HTML and Markdown from the JSON alone, byte for byte what the run wrote (one case per
 * property of every claim, so every hook draws from recorded evidence), and the CLI does it
 * from a copy of the JSON in another folder. A malformed or foreign file is refused in one line.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportFile } from '../../src/report/writeReport.js';
import type { BuiltReport } from '../../src/report/run/buildReport.js';
import { CLAIM_CATALOGUE } from '../../properties/catalogue.js';
import { runCli } from '../cli/runCli.js';
import { ALL_CLAIMS_SCALE, smallReport, tempDir } from './smallReport.js';

let built: BuiltReport;
beforeAll(async () => {
  built = await smallReport({ runsScale: ALL_CLAIMS_SCALE });
}, 300_000);

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

describe('report render', () => {
  it('rebuilds the exact HTML and Markdown the run wrote, from the JSON alone', async () => {
    const out = tempDir();
    await renderReportFile(built.files.json, out, CLAIM_CATALOGUE);
    expect(read(out, 'conformance.html')).toBe(read(built.files.dir, 'conformance.html'));
    expect(read(out, 'conformance.md')).toBe(read(built.files.dir, 'conformance.md'));
    expect(read(out, 'conformance.json')).toBe(read(built.files.dir, 'conformance.json'));
  });

  it('from the command line, from a copy in another folder, --out honoured', async () => {
    const src = tempDir();
    const out = tempDir();
    copyFileSync(built.files.json, join(src, 'conformance.json'));
    const r = await runCli('report', 'render', join(src, 'conformance.json'), '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe(join(out, 'conformance.html'));
    expect(read(out, 'conformance.html')).toBe(read(built.files.dir, 'conformance.html'));
  });

  it('refuses a file whose evidence does not match its claim, naming the place', async () => {
    const j = JSON.parse(read(built.files.dir, 'conformance.json'));
    const claim = j.claims.find((c: { id: string }) => c.id === 'C4');
    claim.evidence.properties[0].cases[0].evidence = { unexpected: 'shape' };
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify(j));
    const r = await runCli('report', 'render', bad, '--out', tempDir());
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`bad\\.json: claims\\[\\d+\\]\\.evidence\\.properties\\[0\\]\\.cases\\[0\\]\\.evidence \\(${claim.id}\\): `));
  });
});
