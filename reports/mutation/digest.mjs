#!/usr/bin/env node
/**
 * A small copy of a StrykerJS JSON report, for committing: same schema (summarize.mjs reads it
 * unchanged), but each file's source keeps only the lines that carry a kept mutant (the other
 * lines are blanked, so line numbers still hold), coverage lists are dropped, and `killedBy`
 * holds the killing tests' NAMES instead of ids. A full report is 0.3–0.7 MB; a digest a few KB.
 *
 * Usage: node reports/mutation/digest.mjs in.json out.json [--ranges "file:a-b,file:c-d"]
 * --ranges keeps only mutants whose node starts on one of those lines (to split one run into
 * the sample proper and the lines mapped from the baseline).
 */
import fs from 'node:fs';

const [input, output, ...rest] = process.argv.slice(2);
if (!input || !output) {
  console.error('digest.mjs: usage: node reports/mutation/digest.mjs in.json out.json [--ranges "file:a-b,..."]');
  process.exit(2);
}
const ri = rest.indexOf('--ranges');
const ranges = ri >= 0 ? rest[ri + 1].split(',').filter(Boolean).map((r) => {
  const m = /^(.*):(\d+)-(\d+)$/.exec(r);
  if (!m) throw new Error(`digest.mjs: --ranges entry ${JSON.stringify(r)} is not file:a-b`);
  return { file: m[1], a: Number(m[2]), b: Number(m[3]) };
}) : null;

const report = JSON.parse(fs.readFileSync(input, 'utf8'));
if (!report.files) throw new Error(`${input}: not a Stryker JSON report (no "files")`);
const testNames = new Map();
for (const tf of Object.values(report.testFiles ?? {})) for (const t of tf.tests ?? []) testNames.set(t.id, t.name);

const keep = (file, line) => !ranges || ranges.some((r) => r.file === file && line >= r.a && line <= r.b);
const files = {};
for (const [name, f] of Object.entries(report.files)) {
  const mutants = f.mutants.filter((m) => keep(name, m.location.start.line));
  if (mutants.length === 0) continue;
  const lines = new Set();
  for (const m of mutants) for (let l = m.location.start.line; l <= m.location.end.line; l++) lines.add(l);
  const source = f.source.split('\n').map((t, i) => (lines.has(i + 1) ? t : '')).join('\n');
  files[name] = {
    language: f.language,
    source,
    mutants: mutants.map((m) => ({
      id: m.id,
      mutatorName: m.mutatorName,
      replacement: m.replacement,
      location: m.location,
      status: m.status,
      ...(m.statusReason && m.status !== 'Killed' ? { statusReason: m.statusReason.slice(0, 300) } : {}),
      ...(m.killedBy ? { killedBy: m.killedBy.map((id) => testNames.get(id) ?? id) } : {}),
      ...(m.static ? { static: true } : {}),
    })),
  };
}
const out = { schemaVersion: report.schemaVersion, thresholds: report.thresholds, projectRoot: '.', files };
fs.writeFileSync(output, `${JSON.stringify(out, null, 1)}\n`);
const n = Object.values(files).reduce((s, f) => s + f.mutants.length, 0);
console.error(`${output}: ${n} mutants in ${Object.keys(files).length} files`);
