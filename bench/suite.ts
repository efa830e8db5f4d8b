/**
 * The suite's own long commands as whole processes (`npm run bench -- --suite`): `npx vitest
 * run` and `npm run report -- --full`, each with wall time, CPU time and peak memory (GNU time
 * over the process tree: vitest's fork pool and the report's --jobs workers included).
 * The report takes tens of minutes on 2 cores, so this section is opt-in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from './lib/process.js';
import type { ProcessTableRow } from './lib/table.js';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; startTime: number; endTime: number; status: string }[];
}

export function runSuite(repo: string, work: string, want: (id: string) => boolean, log: (s: string) => void): { rows: ProcessTableRow[]; vitestFiles: { file: string; wallMs: number }[] } {
  const rows: ProcessTableRow[] = [];
  let vitestFiles: { file: string; wallMs: number }[] = [];
  const row = (id: string, command: string, r: ReturnType<typeof runProcess>, target: string, met: boolean, notes: string): ProcessTableRow => ({
    id,
    command,
    size: '—',
    ours: { label: command, wallMs: [r.wallMs], cpuMs: [r.cpuMs], peakRssMiB: r.peakRssMiB, error: null, backend: 'auto' },
    peer: null,
    speedup: null,
    errorMeasure: '—',
    target,
    met,
    notes,
  });
  if (want('vitest')) {
    const out = join(work, 'vitest.json');
    const r = runProcess('npx', ['vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile.json=${out}`], work, { ...process.env, FORCE_COLOR: '0' });
    const j = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
    vitestFiles = j.testResults.map((t) => ({ file: t.name.replace(`${repo}/`, ''), wallMs: t.endTime - t.startTime })).sort((a, b) => b.wallMs - a.wallMs);
    rows.push(row('vitest', 'npx vitest run', r, '≤ 180 s', r.wallMs <= 180_000, `${j.numPassedTests} passed, ${j.numFailedTests} failed; slowest files: ${vitestFiles.slice(0, 5).map((f) => `${f.file} ${(f.wallMs / 1000).toFixed(0)} s`).join(', ')}`));
    log(`vitest: ${(r.wallMs / 1000).toFixed(0)} s`);
  }
  if (want('report-full')) {
    const r = runProcess(process.execPath, [join(repo, 'bin', 'hessian-conformance.mjs'), 'report', '--full', '--out', join(work, 'report-full')], work);
    rows.push(row('report-full', 'npm run report -- --full', r, '≤ 20 min', r.wallMs <= 20 * 60_000, 'run through the bin (same code as npm run report)'));
    log(`report --full: ${(r.wallMs / 60_000).toFixed(1)} min`);
  }
  return { rows, vitestFiles };
}
