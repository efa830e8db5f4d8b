/**
 * The README stays true: its quick start, its claims table (against theory/claims.ts and the
 * committed sample report), its configuration examples (each runs through the real CLI), its
 * command table (every command, each example runs), and docs/report.md's list of the report's
 * flags. Paths, links, npm scripts and flags in every document: test/docs/references.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../cli/commands/index.js';
import { CLAIMS } from '../theory/claims.js';
import { runCli, tempFiles } from './cli/runCli.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const readme = read('README.md');

/** The text of a `## ` section (up to the next `## `). */
function section(text: string, heading: string): string {
  const parts = text.split(`\n## ${heading}\n`);
  expect(parts.length, `section "## ${heading}"`).toBe(2);
  return parts[1].split('\n## ')[0];
}

/** The cells of a markdown table row, `|` inside backticks or escaped kept. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** ASCII decimal numbers written in a text. */
const numbersIn = (text: string) => text.match(/\d+(?:\.\d+)?/g) ?? [];

describe('README quick start', () => {
  it('is two commands: install and run the conformance report, then every test', () => {
    const block = section(readme, 'Quick start').split('```sh')[1].split('```')[0].trim().split('\n');
    expect(block).toEqual(['npm ci && npm run report', 'npx vitest run']);
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.scripts.report).toBe('tsx cli/main.ts report');
  });
});

describe('README claims table', () => {
  const table = section(readme, 'The claims')
    .split('\n')
    .filter((l) => /^\| [A-Z]\d/.test(l))
    .map(cells);
  const rows = new Map(table.map((r) => [r[0], r]));
  /** The sample's summary rows: claim id → "label: text (direction)". */
  const sampleMd = read('reports/sample/conformance.md')
    .split('\n')
    .filter((l) => /^\| [A-Z]\d/.test(l))
    .map(cells);
  const sampleKey = new Map(sampleMd.map((r) => [r[0], r[r.length - 1]]));

  it('has one row per implemented claim, in order, with its title, kind and test file (which exists)', () => {
    expect(table.map((r) => r[0])).toEqual(CLAIMS.map((c) => c.id));
    for (const c of CLAIMS) {
      const [, title, , kind, , testedIn] = rows.get(c.id)!;
      expect(title, c.id).toBe(c.title);
      expect(kind, c.id).toBe(c.kind);
      expect(testedIn, c.id).toBe(`\`${c.testedIn}\``);
      expect(existsSync(new URL(`../${c.testedIn}`, import.meta.url)), c.testedIn).toBe(true);
    }
  });

  it("writes no number in a row that is not in the claim's statement, title or source (which quote the constants)", () => {
    for (const c of CLAIMS) {
      const allowed = new Set(numbersIn(`${c.statement} ${c.title} ${c.source}`));
      const written = rows.get(c.id)![2].replace(/\(docs\/theory\.md#[a-z0-9-]+\)/g, '');
      expect(numbersIn(written).filter((n) => !allowed.has(n)), c.id).toEqual([]);
    }
  });

  it("S2's row states the current counting rule (theory/bulkOutliers.ts: the largest ratio gap below the top)", () => {
    expect(rows.get('S2')![2]).toContain('the largest ratio gap below the top eigenvalue (the top eigenvalue alone when no gap below it');
  });

  it("quotes S2's per-property rates as the sample's evidence records them", () => {
    const sample = JSON.parse(read('reports/sample/conformance.json'));
    const s2 = sample.claims.find((c: { id: string }) => c.id === 'S2');
    const rate = (kind: string) => {
      const cases = s2.evidence.properties.flatMap((p: { cases: { evidence: { kind: string; agreements: number; draws: number } }[] }) => p.cases).filter((c: { evidence: { kind: string } }) => c.evidence.kind === kind);
      return `${cases.reduce((a: number, c: { evidence: { agreements: number } }) => a + c.evidence.agreements, 0)}/${cases.reduce((a: number, c: { evidence: { draws: number } }) => a + c.evidence.draws, 0)}`;
    };
    expect(readme).toContain(`${rate('k-sweep')} draws after GD, ${rate('sgd-draws')} after SGD, ${rate('width-sweep')} in the width sweep`);
  });

  it("quotes each key number as reports/sample/conformance.md shows it (label, then the value)", () => {
    for (const c of CLAIMS) {
      const quoted = rows.get(c.id)![4];
      const sample = sampleKey.get(c.id);
      expect(sample, `${c.id} in reports/sample/conformance.md`).toBeDefined();
      const [label, value] = quoted.split(/: (?=[^:]*$)/);
      const [sampleLabel, sampleRest] = sample!.split(/: (?=[^:]*$)/);
      expect(sampleLabel.startsWith(label), `${c.id}: "${label}" is not how the sample labels it ("${sampleLabel}")`).toBe(true);
      expect(sampleRest.split(/[;(]/)[0].trim(), `${c.id}: the sample's key number is "${sampleRest}"`).toBe(value);
    }
  });
});

describe('README configurations', () => {
  const blocks = section(readme, 'Using the CLI on your own configuration')
    .split('```json\n')
    .slice(1)
    .map((b) => b.split('```')[0]);

  it('gives a generated and an explicit example of each teacher–student family, and an mlp one', () => {
    const forms = blocks.map((b) => {
      const c = JSON.parse(b);
      return `${c.family}:${'seed' in c ? 'generated' : 'explicit'}`;
    });
    expect(new Set(forms)).toEqual(new Set(['two-layer:generated', 'two-layer:explicit', 'deep-linear:generated', 'deep-linear:explicit', 'mlp:explicit']));
  });

  it('each example runs through `spectrum` and has the shape the text says', async () => {
    const write = tempFiles('hc-readme-');
    for (const [i, b] of blocks.entries()) {
      const r = await runCli('spectrum', write(`example${i}.json`, b), '--json');
      expect(r.code, `${b}\n${r.err}`).toBe(0);
      const out = JSON.parse(r.out);
      const c = JSON.parse(b);
      // W is Nh × Ni: P = Nh·Ni + Nh, with Nh the number of rows.
      if (c.family === 'two-layer' && 'W' in c) expect(out.P).toBe(c.W.length * c.W[0].length + c.W.length);
      expect(out.eigenvalues).toHaveLength(out.P);
    }
  });

  it('says which way W goes, as the schema does', () => {
    expect(readme).toContain('W is **Nh × Ni**: row j is hidden unit j\'s incoming weights');
    expect(read('src/formats/config/teacherStudentSchemas.ts')).toContain('W is Nh × Ni (row j is hidden unit j');
  });

  it('names the loss "mse" as nn.MSELoss', () => {
    expect(readme).toContain('`"mse"` is `nn.MSELoss`');
  });
});

describe('README command table', () => {
  const rows = section(readme, 'Using the CLI on your own configuration')
    .split('### Commands')[1]
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map(cells);

  it('lists every command and every report subcommand', () => {
    const names = rows.map((r) => r[0].replace(/`/g, ''));
    for (const c of COMMAND_SPECS) {
      expect(names, c.name).toContain(c.name);
      for (const s of c.subcommands ?? []) expect(names, `${c.name} ${s.name}`).toContain(`${c.name} ${s.name}`);
    }
  });

  it('each example invokes its own command', () => {
    for (const [name, , example] of rows) {
      const cmd = name.replace(/`/g, '');
      const ex = example.replace(/`/g, '');
      if (cmd.startsWith('report')) expect(ex.startsWith(`npm run report --${cmd === 'report' ? '' : ` ${cmd.slice(7)}`}`), ex).toBe(true);
      else expect(ex.startsWith(`npm run --silent cli -- ${cmd} `), ex).toBe(true);
    }
  });
});

describe('docs/report.md', () => {
  it('names every flag the report command and its subcommands accept', () => {
    const doc = read('docs/report.md');
    const report = COMMAND_SPECS.find((c) => c.name === 'report')!;
    for (const spec of [report, ...(report.subcommands ?? [])]) {
      for (const o of [...(spec.flags ?? []), ...(spec.options ?? [])]) expect(doc, `${spec.name} --${o.name}`).toContain(`--${o.name}`);
      if (spec !== report) expect(doc).toContain(`npm run report -- ${spec.name}`);
    }
    for (const s of ['--shard', '--merge-reports', 'Vega-Lite']) expect(doc).toContain(s);
  });
});
