#!/usr/bin/env node
/**
 * Seeded cluster sample of source lines for a mutation run that fits in an hour or two.
 *
 * Why: on this 2-core shared machine a full run (10,344 mutants in the five folders) costs
 * about 10 s per mutant (every surviving mutant reruns all its covering tests, instrumented),
 * i.e. more than a day. A uniform sample of lines, each taken whole (all mutants Stryker makes
 * on a node that starts and ends on that line), gives an unbiased ratio estimate of each
 * folder's score; summarize.mjs reports it with a cluster-bootstrap interval. Mutants on nodes
 * spanning several lines (function-body BlockStatements, multi-line conditions) are outside
 * the sampling frame and are counted in `frame` below.
 *
 * Usage: node reports/mutation/sample.mjs [--seed 20251206] [--target theory=70,...] [--out plan.json]
 * Prints one line per folder: "<folder>\t<mutate globs joined by commas>" (Stryker's
 * file:line-line ranges), for `npx stryker run --mutate "<globs>"`, and a JSON plan to
 * reports/mutation/sample-plan.json.
 */
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import { createInstrumenter } from '@stryker-mutator/instrumenter';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const seed = Number(opt('seed', '20251206'));
const target = Object.fromEntries(
  opt('target', 'theory=70,src/stats=70,src/linalg=45,src/hessian=45,src/nets=45')
    .split(',')
    .map((kv) => kv.split('='))
    .map(([k, v]) => [k, Number(v)]),
);

// Same file set as stryker.config.mjs `mutate`.
const files = execSync(
  "find theory src/stats src/linalg src/hessian src/nets -name '*.ts' ! -name index.ts ! -path src/nets/mlp/types.ts ! -path src/nets/mlp/outputLoss.ts ! -path src/linalg/backend.ts",
)
  .toString()
  .trim()
  .split('\n')
  .sort();
const noop = () => {};
const log = { debug: noop, info: noop, warn: noop, error: noop, trace: noop, fatal: noop, isDebugEnabled: () => false, isTraceEnabled: () => false, isInfoEnabled: () => false, isWarnEnabled: () => false, isErrorEnabled: () => false, isFatalEnabled: () => false };
// createInstrumenter expects Stryker's injector; the Instrumenter's own defaults are the real parser/printer/transformer.
const injector = { provideValue() { return this; }, injectClass: (C) => new C(log) };
const { mutants } = await createInstrumenter(injector).instrument(
  files.map((f) => ({ name: f, content: fs.readFileSync(f, 'utf8'), mutate: true })),
  { plugins: null, excludedMutations: [], ignorers: [], noHeader: false },
);

// mulberry32: a small seeded generator so the sample is reproducible (not a statistical verdict).
let s = seed >>> 0;
const rand = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const folderOf = (f) => Object.keys(target).find((d) => f.startsWith(`${d}/`));
const plan = {};
for (const d of Object.keys(target)) {
  const mine = mutants.filter((m) => folderOf(m.fileName) === d);
  const single = mine.filter((m) => m.location.start.line === m.location.end.line);
  const byLine = new Map();
  for (const m of single) {
    const key = `${m.fileName}:${m.location.start.line + 1}`; // Babel lines are 0-based here
    byLine.set(key, (byLine.get(key) ?? 0) + 1);
  }
  const lines = [...byLine.keys()].sort();
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  const picked = [];
  let n = 0;
  for (const l of lines) {
    if (n >= target[d]) break;
    picked.push(l);
    n += byLine.get(l);
  }
  picked.sort();
  plan[d] = { seed, mutantsInFolder: mine.length, frame: single.length, linesInFrame: lines.length, linesSampled: picked.length, mutantsSampled: n, ranges: picked.map((l) => { const [f, line] = l.split(':'); return `${f}:${line}-${line}`; }) };
  console.log(`${d}\t${plan[d].ranges.join(',')}`);
}
fs.writeFileSync(opt('out', 'reports/mutation/sample-plan.json'), `${JSON.stringify(plan, null, 1)}\n`);
for (const [d, p] of Object.entries(plan)) console.error(`${d}: ${p.mutantsSampled} mutants on ${p.linesSampled} of ${p.linesInFrame} lines (frame ${p.frame} of ${p.mutantsInFolder} mutants)`);
