/**
 * The documentation points at things that exist. For the user-facing documents (README.md,
 * docs/*.md, adapters/README.md, bench/README.md, examples/**\/README.md):
 *  - every relative markdown link resolves to a file or folder, and its #anchor (if any) is a
 *    heading slug or an explicit `<a id>` of the target;
 *  - every path-like token whose first segment is a top-level entry of the repository
 *    (`src/…`, `docs/…`, `properties/…`, …) — or, for a document in a subfolder, an entry beside
 *    it — exists, unless .gitignore declares it an output (`reports/<run>/…`, `*.check.html`);
 *    a token with a placeholder (`<id>`, `*`, `{a,b}`, `…`) must have its fixed prefix;
 *  - every `npm run <script>` is a script of package.json;
 *  - every `cli -- <command>` / `hessian-conformance <command>` / `npm run report -- <sub>` names
 *    an existing command or report subcommand, and every `--flag` on such a line is one of that
 *    command's flags (or --help).
 * Over every tracked source and document (ts, mjs, cjs, py, md, txt):
 *  - every `docs/theory.md#anchor` is an anchor of docs/theory.md;
 *  - nothing outside reports/ and test fixtures mentions `../shared`, `theory.md §…`, or a
 *    project issue number ("issue 7", "issue #6", a bare "#14").
 * Files come from `git ls-files` (the test runs in a checkout).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../cli/commands/index.js';
import type { CommandSpec } from '../../cli/commandSpec.js';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const TRACKED = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => f !== '' && existsSync(join(ROOT, f)));
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

const DOCS = TRACKED.filter(
  (f) => f === 'README.md' || /^docs\/[^/]+\.md$/.test(f) || f === 'adapters/README.md' || f === 'bench/README.md' || /^examples\/(.+\/)?README\.md$/.test(f),
);
/** This file names the patterns it forbids, so it is not scanned for them. */
const SELF = 'test/docs/references.test.ts';
const SOURCES = TRACKED.filter((f) => /\.(ts|mjs|cjs|py|md|txt)$/.test(f) && f !== SELF);
const OUTSIDE_GENERATED = SOURCES.filter((f) => !f.startsWith('reports/') && !/(^|\/)fixtures\//.test(f));
const TOP_LEVEL = new Set(TRACKED.map((f) => f.split('/')[0]));

/** Of these missing paths, the ones .gitignore declares as outputs (reports/<run>/, *.check.html, .vitest-results/…). */
function ignored(paths: readonly string[]): Set<string> {
  if (paths.length === 0) return new Set();
  try {
    return new Set(execFileSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: ROOT, input: paths.join('\n'), encoding: 'utf8' }).split('\n'));
  } catch {
    return new Set(); // exit 1: none is ignored
  }
}

/** GitHub's heading slug: lower case, punctuation other than - and _ dropped, each space a hyphen. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const text = read(file);
  const out = new Set<string>();
  for (const m of text.matchAll(/<a id="([^"]+)"/g)) out.add(m[1]);
  for (const m of stripFences(text).matchAll(/^#{1,6} (.+)$/gm)) out.add(slug(m[1]));
  return out;
}

/** The text with fenced code blocks blanked (headings and links inside them are not headings and links). */
function stripFences(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '');
}

const THEORY_ANCHORS = anchorsOf('docs/theory.md');

describe('docs/theory.md anchors', () => {
  it('declares the stable anchors it lists', () => {
    const listed = read('docs/theory.md').split('<a id="anchors"></a>')[1] ?? '';
    const names = [...listed.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(10);
    for (const n of names) expect(THEORY_ANCHORS.has(n), n).toBe(true);
  });

  it('every docs/theory.md#anchor cited in a tracked file is an anchor of docs/theory.md', () => {
    const bad: string[] = [];
    for (const f of SOURCES) {
      for (const m of read(f).matchAll(/docs\/theory\.md#([A-Za-z0-9_-]+)/g)) if (!THEORY_ANCHORS.has(m[1])) bad.push(`${f}: #${m[1]}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('README sections cited by name', () => {
  it('every `README "Section"` a tracked file cites is a heading of README.md', () => {
    const headings = new Set([...stripFences(read('README.md')).matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1].trim()));
    const bad: string[] = [];
    for (const f of OUTSIDE_GENERATED) {
      if (f === 'src/formats/safetensors.ts') continue; // cites the safetensors project's README, not ours
      for (const m of read(f).matchAll(/README(?:'s)? "([^"]+)"/g)) if (!headings.has(m[1])) bad.push(`${f}: README "${m[1]}"`);
    }
    expect(bad).toEqual([]);
  });
});

describe('nothing points outside the repository or at issue numbers', () => {
  it('no ../shared, no "theory.md §X"', () => {
    const bad = OUTSIDE_GENERATED.filter((f) => /\.\.\/shared|theory\.md ?§/.test(read(f)));
    expect(bad).toEqual([]);
  });

  /**
   * "issue 7", "issues #2", "(#14)": the project's issues are one or two digits; a bare "#333"
   * (a colour) or another project's "tfjs issue #3830" is not one of them.
   */
  const ISSUE = /\bissues? #?\d{1,2}\b|(?<![\w&#/])#\d{1,2}(?![\w])/gi;
  it('no issue numbers', () => {
    const bad: string[] = [];
    for (const f of OUTSIDE_GENERATED) {
      for (const m of read(f).matchAll(ISSUE)) bad.push(`${f}: ${m[0]}`);
    }
    expect(bad).toEqual([]);
  });
});

/** Path-like tokens: at least one '/', made of path characters and placeholders. */
const TOKEN = /(?<![\w/.<>*{}…-])\.{0,2}[\w@.<>*{}…,-]*\/[\w@.<>*{}…,/#-]*/g;
const PLACEHOLDER = /[<>*{}…]/;

/** The part of a path token that must exist (null: not a path of this repository). */
function pathToCheck(doc: string, token: string): string | null {
  let t = token.replace(/[.,:;)]+$/, '').replace(/:\d+$/, '');
  if (t.includes('#')) t = t.slice(0, t.indexOf('#'));
  const segments = t.split('/');
  const fixed: string[] = [];
  for (const s of segments) {
    if (PLACEHOLDER.test(s)) break;
    fixed.push(s);
  }
  if (fixed.length === 0 || fixed[0] === '' || fixed[0] === '.' || fixed[0] === '..') return null;
  const prefix = fixed.join('/');
  if (TOP_LEVEL.has(fixed[0])) return prefix;
  const besides = join(dirname(doc), fixed[0]);
  if (dirname(doc) !== '.' && existsSync(join(ROOT, besides))) return normalize(join(dirname(doc), prefix));
  return null;
}

describe.each(DOCS)('%s', (doc) => {
  const text = read(doc);

  it('every relative link resolves, anchors included', () => {
    const bad: string[] = [];
    for (const m of stripFences(text).matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1];
      if (/^[a-z]+:/i.test(target)) continue;
      const [path, anchor] = target.split('#');
      const file = path === '' ? doc : normalize(join(dirname(doc), path));
      if (relative(ROOT, resolve(ROOT, file)).startsWith('..') || !existsSync(join(ROOT, file))) {
        bad.push(`${target}: no such file`);
        continue;
      }
      if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(file).has(anchor)) bad.push(`${target}: no such anchor in ${file}`);
    }
    expect(bad).toEqual([]);
  });

  it('every repository path it names exists', () => {
    const bad: string[] = [];
    const seen = new Set<string>();
    for (const m of text.matchAll(TOKEN)) {
      const p = pathToCheck(doc, m[0]);
      if (p === null || seen.has(p)) continue;
      seen.add(p);
      if (!existsSync(join(ROOT, p))) bad.push(p);
    }
    const outputs = ignored(bad);
    expect(bad.filter((p) => !outputs.has(p))).toEqual([]);
  });

  it('every npm script it runs exists', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    const bad = [...text.matchAll(/npm run (?:--silent |-s )?([\w:.-]+)/g)].map((m) => m[1]).filter((s) => !(s in scripts));
    expect(bad).toEqual([]);
  });

  it('every command it quotes exists, with the flags it passes', () => {
    const bad: string[] = [];
    // Shell continuations joined, so a command's flags on its next line are checked too.
    const lines = text.replace(/\\\n\s*/g, ' ').split('\n');
    let commands = 0;
    for (const line of lines) {
      for (const m of line.matchAll(/(?:npm run (?:--silent |-s )?cli --|hessian-conformance|npm run (?:--silent |-s )?(report) --)\s+([^`#|]*)/g)) {
        const words = m[2].trim().split(/\s+/);
        let spec: CommandSpec | undefined;
        if (m[1] === 'report') {
          spec = COMMAND_SPECS.find((c) => c.name === 'report');
          if (words[0] !== undefined && /^[a-z]/.test(words[0])) {
            const sub = spec?.subcommands?.find((c) => c.name === words[0]);
            if (sub === undefined) bad.push(`report ${words[0]}: no such subcommand`);
            spec = sub;
          }
        } else {
          if (words[0] === undefined || !/^[a-z]/.test(words[0])) continue; // "hessian-conformance" as a name, "cli -- <command>"
          spec = COMMAND_SPECS.find((c) => c.name === words[0]);
          if (spec === undefined) {
            bad.push(`${words[0]}: no such command`);
            continue;
          }
          if (words[1] !== undefined && spec.subcommands !== undefined) spec = spec.subcommands.find((c) => c.name === words[1]) ?? spec;
        }
        if (spec === undefined) continue;
        commands++;
        const known = new Set(['help', ...(spec.flags ?? []).map((f) => f.name), ...(spec.options ?? []).map((o) => o.name)]);
        for (const w of words) {
          const flag = /^\[?--([a-z][\w-]*)/.exec(w);
          if (flag !== null && !known.has(flag[1])) bad.push(`${spec.name} --${flag[1]}: no such flag (in "${m[0].trim().slice(0, 80)}")`);
        }
      }
    }
    expect(bad).toEqual([]);
    if (doc === 'README.md') expect(commands).toBeGreaterThan(10);
  });
});
