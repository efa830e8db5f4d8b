/**
 * `npm run bench`: the suite's commands as a user runs them — whole processes through the
 * published bin — side by side with Python peers doing the same job on the same weights and
 * data (torch for the dense spectrum, unmodified PyHessian for top eigenvalues and density),
 * with wall time, CPU time and peak memory for every process and errors against exact
 * references computed independently in Python. Writes bench/results/latest.json and
 * latest.md (machine, backend, versions, settings, tables), which the README quotes.
 *
 *   npm run bench                          # whole-process comparisons (≈ 10 min on 2 cores)
 *   npm run bench -- --quick               # fewer rounds, native only
 *   npm run bench -- --only spectrum,top20-off
 *   npm run bench -- --kernels             # also the in-process kernel table (≈ 5–10 min more)
 *   npm run bench -- --suite               # also npx vitest run and npm run report -- --full (≈ 20–30 min more)
 *   npm run bench -- --pyhessian /path/to/PyHessian   # or HC_PYHESSIAN=/path/to/PyHessian
 *   npm run bench -- --no-build            # skip rebuilding dist/ (the bin runs dist/)
 *   npm run bench -- --render              # re-render latest.md from latest.json
 *
 * Peers: a Python with torch ($HC_PYTHON, else /usr/bin/python3, else python3) and, for
 * PyHessian, a checkout named by --pyhessian or $HC_PYHESSIAN (never part of this repository).
 * Missing peers are skipped with a message; the suite and its tests never need Python.
 * Speed is printed, never asserted.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backendNote, describeBackend, getBackend, nativeAvailable } from '../src/linalg/selectBackend.js';
import { runKernels } from './kernels.js';
import { haveGnuTime } from './lib/process.js';
import { renderProcessTable, renderTable, type Machine, type ProcessTableRow, type Row } from './lib/table.js';
import { runSuite } from './suite.js';
import { runWholeProcess, type PeerEnv } from './wholeProcess.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const argv = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = argv.includes('--quick');
const only = valueOf('--only')?.split(',') ?? null;
const out = valueOf('--out') ?? join(here, 'results', 'latest.json');
const want = (id: string) => only === null || only.some((o) => id.startsWith(o) || o.startsWith(id));
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Saved {
  machine: Machine & Record<string, unknown>;
  settings: string[];
  process: ProcessTableRow[];
  kernels: Row[];
  kernelsRaw?: unknown[];
  suite: ProcessTableRow[];
  vitestFiles?: { file: string; wallMs: number }[];
}

function render(s: Saved): string {
  const m = s.machine;
  const py = m.pythons.map((p) => `\`${p.path}\`: ${Object.entries(p.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`).join('; ');
  const parts = [
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}; ${m.date.slice(0, 16).replace('T', ' ')} UTC; load average (1, 5, 15 min) ${m.loadBefore} before, ${m.loadAfter} after. The machine's 2 cores are shared with other agents' processes while this runs: wall times move with their load, CPU times much less.  `,
    `Suite: commit ${m.commit}; native backend: ${m.nativeBackend}.  `,
    `Peers: ${py || 'no Python with torch found (peers skipped)'}.  `,
    '',
    ...s.settings.map((l) => `- ${l}`),
  ];
  if (s.process.length) parts.push('', '### Whole processes', '', renderProcessTable(s.process));
  if (s.suite.length) parts.push('', '### The suite', '', renderProcessTable(s.suite));
  if (s.kernels.length) parts.push('', '### Kernels inside a warm process', '', renderTable(s.machine, s.kernels).split('\n').slice(4).join('\n'));
  return `${parts.join('\n')}\n`;
}

if (argv.includes('--render')) {
  const saved = JSON.parse(readFileSync(out, 'utf8')) as Saved;
  writeFileSync(out.replace(/\.json$/, '.md'), render(saved));
  process.stdout.write(render(saved));
  process.exit(0);
}

if (!argv.includes('--no-build')) {
  log('building dist/ (the bin runs compiled JavaScript) …');
  execSync('npx tsc -p tsconfig.build.json', { cwd: repo, stdio: 'inherit' });
}
if (!haveGnuTime()) log('GNU time (/usr/bin/time) not found: CPU time and peak memory are not recorded');

const work = mkdtempSync(join(tmpdir(), 'hc-bench-'));
const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' ');
const note = backendNote();
if (note) log(note);
const backends: ('native' | 'portable')[] = nativeAvailable() ? (quick ? ['native'] : ['native', 'portable']) : ['portable'];

// Python peers: the first interpreter with torch (for the Hessian peers), and every one with numpy (kernels).
const PEER = join(here, 'peers', 'hessian_peers.py');
const pyhessianDir = valueOf('--pyhessian') ?? process.env.HC_PYHESSIAN ?? null;
const probes: { path: string; versions: Record<string, string> }[] = [];
for (const c of process.env.HC_PYTHON ? [process.env.HC_PYTHON] : ['/usr/bin/python3', 'python3']) {
  const r = spawnSync(c, [PEER, 'probe'], { encoding: 'utf8', env: { ...process.env, ...(pyhessianDir ? { HC_PYHESSIAN: pyhessianDir } : {}) } });
  if (r.status !== 0) continue;
  const versions = (JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { versions: Record<string, string> }).versions;
  if (!probes.some((p) => JSON.stringify(p.versions) === JSON.stringify(versions))) probes.push({ path: c, versions });
}
const torchPy = probes.find((p) => p.versions.torch !== undefined) ?? null;
if (!torchPy) log('no Python with torch found ($HC_PYTHON, /usr/bin/python3, python3): peers and references skipped');
let pyhessian: string | null = null;
if (pyhessianDir === null) log('PyHessian not given (--pyhessian DIR or HC_PYHESSIAN=DIR, the folder holding pyhessian/): its rows are skipped');
else if (!torchPy?.versions.pyhessian) log(`PyHessian at ${pyhessianDir} does not import: ${torchPy?.versions.pyhessianError ?? 'no Python with torch'}; its rows are skipped`);
else pyhessian = pyhessianDir;
const peer: PeerEnv | null = torchPy ? { python: torchPy.path, versions: torchPy.versions, pyhessian } : null;

const previous: Saved | null = existsSync(out) && only !== null ? (JSON.parse(readFileSync(out, 'utf8')) as Saved) : null;
const merge = <T extends { id: string }>(old: readonly T[] | undefined, fresh: readonly T[]) => {
  const ids = new Set(fresh.map((r) => r.id));
  return [...(old ?? []).filter((r) => !ids.has(r.id)), ...fresh];
};

const processRows = runWholeProcess({ repo, work, backends, peer, want, quick, log });
const kernels = argv.includes('--kernels')
  ? runKernels({
      here,
      work,
      backends,
      quick,
      want,
      numpyPythons: probes.filter((p) => p.versions.numpy !== undefined),
      torchPython: torchPy,
    })
  : { rows: [], raw: [] };
const suite = argv.includes('--suite') ? runSuite(repo, work, want, log) : { rows: [], vitestFiles: undefined };

const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: repo, encoding: 'utf8' }).trim() + (execSync('git status --porcelain --untracked-files=no', { cwd: repo, encoding: 'utf8' }).trim() ? ' (with uncommitted changes)' : '');
  } catch {
    return 'unknown';
  }
})();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch} (${release()})`,
  nativeBackend: nativeAvailable() ? describeBackend(getBackend('native')) : (note ?? 'not available'),
  pythons: probes,
  date: new Date().toISOString(),
  loadBefore,
  loadAfter: loadavg().map((l) => l.toFixed(1)).join(' '),
  commit,
};
const settings = [
  'Every process is timed from exec to exit by this script; CPU time (user + system, all threads) and peak resident memory come from GNU time. Ours runs the published bin (`node bin/hessian-conformance.mjs`, compiled dist/) with `--backend native|portable`.',
  'speed-up = peer wall ÷ ours wall: the median of back-to-back round ratios where several rounds ran; > 1 means the suite is faster. In brackets the ratio of median CPU times. A speed-up target is met only when both ratios reach it; the ≤ 1.5 s target is on wall time.',
  `Two-layer tanh network, L = 1/(2N) Σ (Σ_j a_j tanh(w_j·x) − y)², generated from the suite's config (seed 1); off the optimum the student is θ* + 0.3·δ (δ a seeded unit direction). The peers' PyTorch module is built from the same weights and data (bench/peers/hessian_peers.py).`,
  `PyHessian (unmodified${torchPy?.versions.pyhessianCommit ? `, commit ${torchPy.versions.pyhessianCommit}` : ''}; found via --pyhessian/HC_PYHESSIAN) at its defaults: eigenvalues(maxIter=100, tol=1e-3, top_n=20), cuda=False; our settings around it: torch.set_default_dtype(torch.float64) (its random vectors and Lanczos matrix follow the default dtype; the model is float64) and torch.manual_seed(0).`,
  'References (Python, independent of the suite): at θ* the exact Gram — eig(JJᵀ/N) with J formed in closed form by NumPy, plus P − N zeros; off θ* for top-k, ARPACK (scipy eigsh, which=LA, tol 1e-13) on torch double-backward HVPs, with explicit residuals; at P = 1008 (spectrum) the two dense float64 routes are compared with each other.',
  'torch threads (OpenMP workers spin-wait, so on a loaded 2-core machine 2 threads can be much slower than 1): the faster of 1 and 2 on the first torch spectrum process, then used for the other torch spectrum processes and the references; PyHessian runs with 1 thread, and again with 2 when the 1-minute load average shows a free core; its faster run is its time.',
];
const saved: Saved = {
  machine,
  settings,
  process: merge(previous?.process, processRows),
  kernels: merge(previous?.kernels, kernels.rows),
  kernelsRaw: kernels.raw.length ? kernels.raw : previous?.kernelsRaw,
  suite: merge(previous?.suite, suite.rows),
  vitestFiles: suite.vitestFiles ?? previous?.vitestFiles,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(saved, null, 2)}\n`);
writeFileSync(out.replace(/\.json$/, '.md'), render(saved));
process.stdout.write(render(saved));
log(`\nwritten: ${realpathSync(out)} and ${out.replace(/\.json$/, '.md')}`);
rmSync(work, { recursive: true, force: true });
