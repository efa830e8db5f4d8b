#!/usr/bin/env node
/**
 * Exact before/after comparison of the SAME mutants in two Stryker JSON reports (or digests):
 * a mutant is matched by file, line, column span, mutator and replacement. Lines that moved
 * (or moved to another file) between the two commits are matched through --map, whose entries
 * say that the old line's text is now, unchanged, at the new place.
 *
 * Usage: node reports/mutation/pair.mjs before.json after.json [--map "old.ts:12=new.ts:30,..."]
 * Prints markdown: transitions (before status → after status) and the matched-score change.
 * Mutants of the before report with no counterpart in the after one are listed as "gone"
 * (their line changed), never counted as killed.
 */
import fs from 'node:fs';

const [beforePath, afterPath, ...rest] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  console.error('pair.mjs: usage: node reports/mutation/pair.mjs before.json after.json [--map "old:l=new:l,..."]');
  process.exit(2);
}
const mi = rest.indexOf('--map');
const map = new Map(
  (mi >= 0 ? rest[mi + 1].split(',').filter(Boolean) : []).map((e) => {
    const [o, n] = e.split('=');
    return [o, n];
  }),
);
const load = (p) => JSON.parse(fs.readFileSync(p, 'utf8')).files;
const key = (file, m) => `${file}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}:${m.mutatorName}:${m.replacement}`;
const after = new Map();
for (const [file, f] of Object.entries(load(afterPath))) for (const m of f.mutants) after.set(key(file, m), m.status);

const detected = (s) => s === 'Killed' || s === 'Timeout';
const valid = (s) => detected(s) || s === 'Survived' || s === 'NoCoverage';
const trans = new Map();
const gone = [];
let vb = 0;
let db = 0;
let va = 0;
let da = 0;
for (const [file, f] of Object.entries(load(beforePath))) {
  for (const m of f.mutants) {
    const oldLine = `${file}:${m.location.start.line}`;
    let k = key(file, m);
    if (map.has(oldLine)) {
      const [nf, nl] = map.get(oldLine).split(':');
      const shift = Number(nl) - m.location.start.line;
      const loc = { start: { ...m.location.start, line: m.location.start.line + shift }, end: { ...m.location.end, line: m.location.end.line + shift } };
      k = key(nf, { ...m, location: loc });
    }
    const s = after.get(k);
    if (s === undefined) {
      gone.push(`${oldLine} ${m.mutatorName} → ${m.replacement} (${m.status})`);
      continue;
    }
    const t = `${m.status} → ${s}`;
    trans.set(t, (trans.get(t) ?? 0) + 1);
    if (valid(m.status) && valid(s)) {
      vb++;
      va++;
      if (detected(m.status)) db++;
      if (detected(s)) da++;
    }
  }
}
console.log('| before → after | mutants |\n|---|---:|');
for (const [t, n] of [...trans].sort()) console.log(`| ${t} | ${n} |`);
const pct = (d, v) => (v ? ((100 * d) / v).toFixed(1) : '—');
console.log(`\nMatched valid mutants: ${vb}; score before ${pct(db, vb)} % (${db}/${vb}), after ${pct(da, va)} % (${da}/${va}).`);
console.log(`Gone (line changed, no counterpart): ${gone.length}${gone.length ? `\n${gone.map((g) => `- ${g}`).join('\n')}` : ''}`);
