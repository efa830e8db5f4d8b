/**
 * conformance.json, .md and .html of a real (reduced) run: the JSON schema, one entry per
 * implemented claim with its evidence, the Markdown summary table, and the page's structure
 * (self-contained: no scripts, no external references). And the report is a function of its
 * evidence: `report render <conformance.json>` rebuilds the HTML and Markdown from the JSON alone,
 * byte for byte what the run wrote (one case per property of every claim, so every hook draws
 * from recorded evidence); a file whose evidence does not match its claim is refused in one line.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeReport } from '../../src/report/json.js';
import { renderReportFile } from '../../src/report/writeReport.js';
import { parseReportText } from '../../src/report/readReport.js';
import { CLAIM_CATALOGUE } from '../../properties/catalogue.js';
import type { BuiltReport } from '../../src/report/run/buildReport.js';
import { knownClaimIds } from '../../src/report/run/plan.js';
import { PROPERTY_REGISTRY, PROPERTY_SUITE } from '../../properties/registry.js';
import { CLAIMS } from '../../theory/claims.js';
import { claimsInReadingOrder } from '../../src/report/html/pageOrder.js';
import { plainMath } from '../../src/report/figures/mathText.js';
import { runCli } from '../cli/runCli.js';
import { ALL_CLAIMS_SCALE, FIXED_TIME, smallReport, tempDir } from './smallReport.js';


const parseReport = (text: string, source: string) => parseReportText(text, source, CLAIM_CATALOGUE);

/**
 * The live run covers the claims whose single case is cheap (seconds); the statistical claims
 * whose one case is a whole KS experiment or a training (C2d, C2e, C4, S2, S3: minutes together)
 * are covered by the committed full quick-mode sample below — every claim, every property, at CI
 * scale — which must parse, hold every claim and re-render byte for byte from its JSON.
 */
const LIVE_CLAIMS = ['C1', 'C2a', 'C2b', 'C2c', 'C3', 'S1', 'S4'];

let built: BuiltReport;
beforeAll(async () => {
  built = await smallReport({ runsScale: ALL_CLAIMS_SCALE, claims: LIVE_CLAIMS });
}, 600_000);

describe('conformance.json', () => {
  it('has the documented top level', () => {
    const j = JSON.parse(readFileSync(built.files.json, 'utf8'));
    expect(Object.keys(j)).toEqual(['format', 'generatedAt', 'seed', 'seeds', 'mode', 'runsScale', 'sizeTier', 'environment', 'selection', 'partition', 'multipleTesting', 'claims']);
    expect(j.generatedAt).toBe(FIXED_TIME);
    expect(j.seed).toBe(20251216);
    expect(j.mode).toBe('custom');
    expect(j.partition).toBeNull();
    expect(Object.keys(j.environment).sort()).toEqual(['backend', 'node', 'platform', 'tfjsBackend']);
    expect(j.environment.node).toBe(process.version);
    expect(['tensorflow', 'wasm', 'cpu']).toContain(j.environment.tfjsBackend);
  });

  it('holds one entry per selected claim, each with verdict, cases, alpha, evidence and replay', () => {
    const j = JSON.parse(readFileSync(built.files.json, 'utf8'));
    expect(j.claims.map((c: { id: string }) => c.id)).toEqual(knownClaimIds(PROPERTY_SUITE).filter((id) => LIVE_CLAIMS.includes(id)));
    for (const c of j.claims) {
      for (const k of ['id', 'title', 'source', 'kind', 'verdict', 'cases', 'alpha', 'evidence', 'replay']) expect(c, `${c.id}.${k}`).toHaveProperty(k);
      expect(['pass', 'fail', 'inconclusive']).toContain(c.verdict);
      if (c.kind !== 'statistical') expect(c.alpha).toBeNull();
      const defs = PROPERTY_REGISTRY.filter((d) => d.claim === c.id);
      expect(c.evidence.properties.map((p: { name: string }) => p.name)).toEqual(defs.map((d) => d.name));
      expect(c.cases).toBe(c.evidence.properties.reduce((s: number, p: { cases: unknown[] }) => s + p.cases.length, 0));
      for (const p of c.evidence.properties) {
        expect(p.cases.length).toBeGreaterThan(0);
        for (const cs of p.cases) expect(Object.keys(cs)).toEqual(['config', 'label', 'ok', 'inconclusive', 'evidence']);
      }
      expect(c.replay.seeds).toEqual([20251216]);
      expect(c.replay.report).toBe(`npm run report -- --claims ${c.id} --seed 20251216 --runs-scale ${ALL_CLAIMS_SCALE}`);
      expect(c.replay.vitest).toMatch(new RegExp(`^HC_SEED=20251216 HC_RUNS_SCALE=${ALL_CLAIMS_SCALE} npx vitest run ${c.testedIn.replace(/\./g, '\\.')}$|HC_PATH=`));
      expect(c.keyNumber.text.length).toBeGreaterThan(0);
      // a claim with no registered property yet (theory/claims.ts ahead of the registry) has no figure
      if (c.evidence.properties.length > 0) expect(c.figures.length, `${c.id} figures`).toBeGreaterThan(0);
    }
  });

  it('round-trips through serializeReport/parseReport, with one case per line', () => {
    const text = readFileSync(built.files.json, 'utf8');
    expect(parseReport(text, 'x')).toEqual(built.report);
    expect(serializeReport(built.report)).toBe(text);
    const caseLines = text.split('\n').filter((l) => l.trimStart().startsWith('{"config":'));
    expect(caseLines.length).toBe(built.report.claims.reduce((s, c) => s + c.cases, 0));
  });

  it('parseReport names the file and the field when the input is not a report', () => {
    expect(() => parseReport('{', 'a.json')).toThrow(/^a\.json: not valid JSON/);
    expect(() => parseReport('[]', 'a.json')).toThrow(/^a\.json: not a conformance\.json of this version: \(top level\)/);
    const j = JSON.parse(readFileSync(built.files.json, 'utf8'));
    expect(() => parseReport(JSON.stringify({ ...j, seeds: 'x' }), 'b.json')).toThrow(/^b\.json: not a conformance\.json of this version: seeds: /);
    expect(() => parseReport(JSON.stringify({ ...j, format: 99 }), 'c.json')).toThrow(/^c\.json: format 99 is not the supported 2/);
    expect(() => parseReport(JSON.stringify({ ...j, extra: 1 }), 'e.json')).toThrow(/^e\.json: not a conformance\.json of this version: \(top level\): Unrecognized key/);
    delete j.claims[0].evidence;
    expect(() => parseReport(JSON.stringify(j), 'd.json')).toThrow(/^d\.json: not a conformance\.json of this version: claims\[0\]\.evidence: /);
  });
});

describe('conformance.md', () => {
  it('is the summary table: a header and one row per claim, verdict and key number in it', () => {
    const md = readFileSync(built.files.markdown, 'utf8');
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    expect(rows[0]).toBe('| Claim | Verdict | Title | Kind | Properties | Configurations | Experiments | Key number |');
    expect(rows[1]).toBe('|---|---|---|---|---:|---:|---:|---|');
    expect(rows).toHaveLength(2 + built.report.claims.length);
    // Failures first, then inconclusive claims, then the passes.
    claimsInReadingOrder(built.report.claims).forEach((c, i) => {
      const cells = rows[i + 2].split(/(?<!\\)\|/).slice(1, -1).map((s) => s.trim());
      expect(cells).toHaveLength(8);
      expect(cells[0]).toBe(c.id);
      expect(cells[1]).toMatch(new RegExp(`${c.verdict}$`));
      expect(cells[4]).toBe(String(c.evidence.properties.length));
      // One unit per column: configurations for identity and generic claims, experiments for statistical ones.
      const failed = c.evidence.properties.reduce((s, u) => s + u.failed, 0);
      const count = failed ? `${c.cases} (${failed} failed)` : String(c.cases);
      expect(cells.slice(5, 7)).toEqual(c.kind === 'statistical' ? ['—', count] : [count, '—']);
      expect(cells[7]).toBe(plainMath(`${c.keyNumber.label}: ${c.keyNumber.text}${c.keyNumber.better ? ` (${c.keyNumber.better} is better)`.replace('(lower', '(↓ lower').replace('(higher', '(↑ higher') : ''}`));
      expect(cells.join(' ')).not.toMatch(/\^\{|_\{/);
    });
    expect(md).toContain(`seed 20251216 · custom mode (runs ×${ALL_CLAIMS_SCALE})`);
  });
});

describe('conformance.html', () => {
  it('is self-contained: inline CSS and SVG, no scripts, no external references', () => {
    const html = readFileSync(built.files.html, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html.replace(/http:\/\/www\.w3\.org\/[^"]*/g, '')).not.toMatch(/https?:\/\//);
  });
  it('has a summary row and a section per claim, and every figure of the JSON', () => {
    const html = readFileSync(built.files.html, 'utf8');
    for (const c of built.report.claims) {
      expect(html).toContain(`<tr data-claim="${c.id}" data-verdict="${c.verdict}" data-kind="${c.kind}">`);
      expect(html).toContain(`id="claim-${c.id}"`);
      for (const f of c.figures) expect(html).toContain(`data-figure="${f.id}"`);
    }
  });
});

describe('reports/sample', () => {
  it('the committed sample is a valid report of the current format', () => {
    const dir = new URL('../../reports/sample/', import.meta.url);
    const report = parseReport(readFileSync(new URL('conformance.json', dir), 'utf8'), 'reports/sample/conformance.json');
    expect(report.claims.length).toBeGreaterThan(0);
    expect(readFileSync(new URL('conformance.html', dir), 'utf8')).not.toMatch(/<script/i);
    expect(readFileSync(new URL('conformance.md', dir), 'utf8')).toContain('| Claim | Verdict | Title | Kind | Properties | Configurations | Experiments | Key number |');
  });

  it('holds every implemented claim with every registered property, each with cases', () => {
    const j = JSON.parse(readFileSync(new URL('../../reports/sample/conformance.json', import.meta.url), 'utf8'));
    expect(j.claims.map((c: { id: string }) => c.id)).toEqual(knownClaimIds(PROPERTY_SUITE));
    for (const id of CLAIMS.map((c) => c.id)) expect(j.claims.some((c: { id: string }) => c.id === id)).toBe(true);
    for (const c of j.claims) {
      const defs = PROPERTY_REGISTRY.filter((d) => d.claim === c.id);
      expect(c.evidence.properties.map((p: { name: string }) => p.name), c.id).toEqual(defs.map((d) => d.name));
      for (const p of c.evidence.properties) expect(p.cases.length, `${c.id} ${p.name}`).toBeGreaterThan(0);
      if (c.kind !== 'statistical') expect(c.alpha).toBeNull();
      expect(c.figures.length, `${c.id} figures`).toBeGreaterThan(0);
    }
  });

  it('re-renders byte for byte from its JSON alone (every claim\'s hook draws from recorded evidence)', async () => {
    const out = tempDir();
    const dir = fileURLToPath(new URL('../../reports/sample/', import.meta.url));
    await renderReportFile(join(dir, 'conformance.json'), out, CLAIM_CATALOGUE);
    // A renderer change must come with `npm run report -- --out reports/sample` (the sample is the page users open first).
    expect(read(out, 'conformance.html')).toBe(read(dir, 'conformance.html'));
    expect(read(out, 'conformance.md')).toBe(read(dir, 'conformance.md'));
  });
});

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
    const claim = j.claims.find((c: { id: string }) => c.id === 'C3');
    claim.evidence.properties[0].cases[0].evidence = { unexpected: 'shape' };
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify(j));
    const r = await runCli('report', 'render', bad, '--out', tempDir());
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`bad\\.json: claims\\[\\d+\\]\\.evidence\\.properties\\[0\\]\\.cases\\[0\\]\\.evidence \\(${claim.id}\\): `));
  });
});
