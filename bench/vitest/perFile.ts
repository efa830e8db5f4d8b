/**
 * Where `npx vitest run` spends its time, per test file, in CPU time (steady on a shared
 * machine, unlike wall time): runs the whole suite once with bench/vitest/cpu.config.ts
 * (vitest.config.ts + a setup file that logs each file's CPU, its waited-for children included)
 * under GNU time for the totals, and prints the top files.
 *
 *   npx tsx bench/vitest/perFile.ts [--top 15] [--out bench/results/vitest-files.json] [vitest filters…]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from '../lib/process.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const take = (flag: string, fallback: string) => {
  const i = argv.indexOf(flag);
  if (i < 0) return fallback;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};
const top = Number(take('--top', '15'));
const out = take('--out', join(repo, 'bench', 'results', 'vitest-files.json'));
const log = join(tmpdir(), `hc-vitest-cpu-${process.pid}.jsonl`);
rmSync(log, { force: true });
const load0 = loadavg()[0];
const r = (() => {
  try {
    return runProcess('npx', ['vitest', 'run', '--config', 'bench/vitest/cpu.config.ts', '--reporter=dot', ...argv], tmpdir(), { ...process.env, HC_VITEST_CPU_LOG: log, FORCE_COLOR: '0' });
  } catch (e) {
    // Failing tests still give timings; say so and go on.
    process.stderr.write(`${(e as Error).message}\n(timings below are still per file)\n`);
    return null;
  }
})();
const rows = existsSync(log)
  ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { file: string; cpuMs: number; wallMs: number })
  : [];
rows.forEach((x) => (x.file = relative(repo, x.file)));
rows.sort((a, b) => b.cpuMs - a.cpuMs);
const totalCpu = rows.reduce((s, x) => s + x.cpuMs, 0);
const summary = {
  date: new Date().toISOString(),
  cores: cpus().length,
  loadAverage: [load0, loadavg()[0]],
  total: r ? { wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssMiB: r.peakRssMiB } : null,
  filesCpuMs: totalCpu,
  files: rows,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`vitest: ${r ? `${s(r.wallMs)} wall, ${r.cpuMs === null ? '?' : s(r.cpuMs)} CPU (whole tree)` : 'failed'}; ${rows.length} files, ${s(totalCpu)} CPU inside test files; load ${load0.toFixed(1)}`);
console.log('| file | CPU | wall |\n|---|---|---|');
for (const x of rows.slice(0, top)) console.log(`| ${x.file} | ${s(x.cpuMs)} | ${s(x.wallMs)} |`);
rmSync(log, { force: true });
