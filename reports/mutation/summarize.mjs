#!/usr/bin/env node
/**
 * Digest of StrykerJS JSON reports (mutation-testing-report-schema 1.x) for summary.md:
 * per-folder and per-file counts and scores, and the surviving mutants of the folders named
 * with --survivors, grouped by file (file:line, mutator, original → replacement).
 *
 * Usage: node reports/mutation/summarize.mjs [--survivors theory,src/stats] [--sample] report.json...
 * --sample: the reports come from a line sample (sample.mjs); each folder's score is then a
 * ratio estimate and gets a 95% cluster-bootstrap interval (lines resampled, 2000 draws).
 * (several reports, e.g. one per file or folder run, are merged; a file present in more than
 * one report keeps the last one given). Prints markdown on stdout.
 *
 * Score as Stryker defines it: detected / valid, detected = killed + timeout, valid = detected
 * + survived + no coverage; compile errors (rejected by the TypeScript checker) and ignored
 * (static, with --ignoreStatic) mutants are not valid. "Covered score" leaves out no coverage.
 */
import fs from 'node:fs';

const FOLDERS = ['theory', 'src/stats', 'src/linalg', 'src/hessian', 'src/nets'];
const STATUSES = ['Killed', 'Survived', 'NoCoverage', 'Timeout', 'CompileError', 'RuntimeError', 'Ignored'];

const args = process.argv.slice(2);
let survivorFolders = ['theory', 'src/stats'];
let sample = false;
const reports = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--survivors') survivorFolders = args[++i].split(',').filter(Boolean);
  else if (args[i] === '--sample') sample = true;
  else reports.push(args[i]);
}
if (reports.length === 0) {
  console.error('summarize.mjs: give one or more Stryker JSON reports (e.g. reports/mutation/mutation.json)');
  process.exit(2);
}

const files = new Map();
for (const path of reports) {
  const r = JSON.parse(fs.readFileSync(path, 'utf8'));
  if (!r.files) throw new Error(`${path}: not a Stryker JSON report (no "files"); expected the jsonReporter output`);
  for (const [name, f] of Object.entries(r.files)) files.set(name, f);
}

const folderOf = (name) => FOLDERS.find((d) => name === d || name.startsWith(`${d}/`)) ?? 'other';
const empty = () => Object.fromEntries(STATUSES.map((s) => [s, 0]));
const score = (c) => {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  const covered = detected + c.Survived;
  return {
    valid,
    score: valid === 0 ? '—' : ((100 * detected) / valid).toFixed(1),
    covered: covered === 0 ? '—' : ((100 * detected) / covered).toFixed(1),
  };
};
const row = (label, c) => {
  const s = score(c);
  return `| ${label} | ${c.Killed} | ${c.Survived} | ${c.NoCoverage} | ${c.Timeout} | ${c.CompileError} | ${c.RuntimeError} | ${c.Ignored} | ${s.score} | ${s.covered} |`;
};
const header = [
  '| | killed | survived | no coverage | timeout | compile error | runtime error | ignored (static) | score % | covered score % |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];

const byFolder = new Map();
const byFile = new Map();
for (const [name, f] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const c = empty();
  for (const m of f.mutants) c[m.status] = (c[m.status] ?? 0) + 1;
  byFile.set(name, c);
  const d = folderOf(name);
  const dc = byFolder.get(d) ?? empty();
  for (const s of STATUSES) dc[s] += c[s];
  byFolder.set(d, dc);
}

// Cluster bootstrap (clusters = source lines) of detected/valid, for line-sampled reports.
let seed = 20251206 >>> 0;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const bootstrap = (d) => {
  const lines = new Map();
  for (const [name, f] of files) {
    if (folderOf(name) !== d) continue;
    for (const m of f.mutants) {
      const key = `${name}:${m.location.start.line}`;
      const c = lines.get(key) ?? [0, 0];
      if (m.status === 'Killed' || m.status === 'Timeout') c[0]++;
      if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status)) c[1]++;
      lines.set(key, c);
    }
  }
  const cl = [...lines.values()].filter((c) => c[1] > 0);
  if (cl.length < 2) return null;
  const draws = [];
  for (let b = 0; b < 2000; b++) {
    let det = 0;
    let val = 0;
    for (let i = 0; i < cl.length; i++) {
      const c = cl[Math.floor(rand() * cl.length)];
      det += c[0];
      val += c[1];
    }
    draws.push((100 * det) / val);
  }
  draws.sort((a, b) => a - b);
  return { lines: cl.length, lo: draws[Math.floor(0.025 * draws.length)].toFixed(0), hi: draws[Math.ceil(0.975 * draws.length) - 1].toFixed(0) };
};

const out = [];
out.push('### Per folder', '', ...header);
for (const d of [...FOLDERS, 'other']) if (byFolder.has(d)) out.push(row(`\`${d}/\` (${[...byFile.keys()].filter((n) => folderOf(n) === d).length} files)`, byFolder.get(d)));
if (sample) {
  out.push('', '| folder | lines with valid mutants | score % | 95% interval (cluster bootstrap) |', '|---|---:|---:|---|');
  for (const d of FOLDERS) {
    if (!byFolder.has(d)) continue;
    const b = bootstrap(d);
    out.push(`| \`${d}/\` | ${b?.lines ?? '—'} | ${score(byFolder.get(d)).score} | ${b ? `${b.lo}–${b.hi}` : '—'} |`);
  }
}
out.push('', '### Per file', '', ...header);
for (const [name, c] of byFile) out.push(row(`\`${name}\``, c));

const clip = (s, n = 90) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
const original = (source, loc) => {
  const lines = source.split('\n');
  const { start, end } = loc;
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  const parts = [lines[start.line - 1].slice(start.column - 1)];
  for (let l = start.line; l < end.line - 1; l++) parts.push(lines[l]);
  parts.push(lines[end.line - 1].slice(0, end.column - 1));
  return parts.join('\n');
};
const code = (s) => `\`${clip(s).replace(/`/g, 'ˋ')}\``;

for (const d of survivorFolders) {
  const names = [...files.keys()].filter((n) => folderOf(n) === d).sort();
  out.push('', `### Surviving mutants in \`${d}/\``, '');
  if (names.length === 0) {
    out.push('(no report for this folder)');
    continue;
  }
  for (const name of names) {
    const f = files.get(name);
    const surv = f.mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
      .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
    if (surv.length === 0) continue;
    out.push(`#### \`${name}\` (${surv.length})`, '');
    for (const m of surv) {
      const tag = m.status === 'NoCoverage' ? ' [no coverage]' : '';
      out.push(`- ${name}:${m.location.start.line} ${m.mutatorName}${tag}: ${code(original(f.source, m.location))} → ${code(m.replacement ?? '')}`);
    }
    out.push('');
  }
}
console.log(out.join('\n'));
