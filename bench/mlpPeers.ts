/**
 * `npm run bench:mlp`: the suite's `top-eigenvalues` and `density` side by side with PyHessian's
 * `eigenvalues(top_n)` and `density()` on the same exported MLPs, errors
 * against a float64 reference, in one run. Writes bench/results/mlp-pyhessian.{json,md}.
 *
 *   PYHESSIAN_DIR=/path/to/PyHessian npm run bench:mlp
 *   npm run bench:mlp -- --models mlp5k          # the small model only
 *   npm run bench:mlp -- --f64 mlp5k             # PyHessian also with model.double() on these models (default mlp5k; 'none')
 *   npm run bench:mlp -- --reuse                 # reuse raw outputs of an earlier run (bench/results/mlp-raw/), recompute metrics
 *   npm run bench:mlp -- --render                # re-render the .md from the .json
 *
 * Every measured row is a separate process, run one after another: the suite's CLI as a user
 * runs it (`node bin/hessian-conformance.mjs …`, compiled by `npm run build` first), the
 * PyHessian peer (bench/peers/pyhessian_mlp.py) and the reference (bench/peers/mlp_reference.py)
 * under /usr/bin/python3 (Debian's torch). Wall time and peak resident memory come from GNU
 * time (`/usr/bin/time -f '%e %M %U %S'`: elapsed seconds, max RSS of the process in KiB, user and
 * system CPU seconds) wrapped around each process, so they include interpreter start-up and
 * loading; each tool's own time of the computation alone ("inner") is reported beside it.
 * The models are regenerated first by bench/models/make_mlp.py (seeded; gitignored).
 * Without PYHESSIAN_DIR the PyHessian rows are skipped with a message. Speed is printed, never
 * asserted; the machine is shared, so the load average is recorded at start and end.
 *
 * Errors (each row against the reference of its model; see bench/README-mlp.md):
 *  - top eigenvalues: both lists sorted descending, max_i |λ_i − λ_i^ref| / λ_1^ref;
 *  - densities: the discrete SLQ measure (nodes, weights normalised to sum 1) against the
 *    reference measure: W₁ / (λ_max^ref − λ_min^ref), and its first two moments against tr(H)/P
 *    and tr(H²)/P (relative errors); plus the top node against λ_1^ref.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const PYTHON = process.env.HC_TORCH_PYTHON ?? '/usr/bin/python3';
const GNU_TIME = '/usr/bin/time';
const OUT = join(here, 'results', 'mlp-pyhessian.json');
const TOP_K = 10;
/** PyHessian's density() defaults (iter=100, n_v=1) and the suite's default budget (5 probes × 80 steps at these P). */
const PYH_DENSITY_DEFAULT = { iter: 100, nV: 1 };
const PYH_DENSITY_MATCHED = { iter: 80, nV: 5 };
const MODELS = ['mlp5k', 'mlp100k'] as const;

interface Measure {
  nodes: number[];
  weights: number[];
}
interface Reference {
  P: number;
  N: number;
  method: string;
  top: number[];
  lambdaMin: number;
  traceOverP: number;
  traceSqOverP: number;
  traceSE: number;
  traceSqSE: number;
  measure: Measure & { kind: string };
  measureBound: number;
  hessianVectorProducts: number;
  seconds: number;
  torch: string;
  numpy: string;
  scipy: string;
}
interface Proc {
  wallS: number | null;
  peakRssMiB: number | null;
  cpuS: number | null;
  exitCode: number | null;
  stderrTail: string;
  json: Record<string, unknown> | null;
}
interface Row {
  model: string;
  P: number;
  tool: string;
  operation: string;
  settings: string;
  wallS: number | null;
  innerS: number | null;
  cpuS: number | null;
  peakRssMiB: number | null;
  hessianVectorProducts: number | null;
  /** max_i |λ_i − λ_i^ref| / λ_1^ref (top rows) or |top node − λ_1^ref| / λ_1^ref (density rows). */
  topRelErr: number | null;
  w1OverWidth?: number | null;
  traceRelErr?: number | null;
  traceSqRelErr?: number | null;
  weightSum?: number | null;
  note?: string;
}
interface Record_ {
  date: string;
  machine: { cpu: string; cores: number; memGiB: number; platform: string; node: string };
  loadStart: number[];
  loadEnd: number[];
  versions: Record<string, string>;
  references: Record<string, Omit<Reference, 'measure'> & { measureKind: string; wallS: number | null; peakRssMiB: number | null }>;
  rows: Row[];
  skipped: string[];
  command: string;
}

const argv = process.argv.slice(2);
if (argv.includes('--render')) {
  writeFileSync(OUT.replace(/\.json$/, '.md'), render(JSON.parse(readFileSync(OUT, 'utf8')) as Record_));
  process.exit(0);
}
const modelsArg = valueOf('--models');
const models = modelsArg ? modelsArg.split(',') : [...MODELS];
for (const m of models) if (!(MODELS as readonly string[]).includes(m)) fail(`--models: unknown model ${JSON.stringify(m)}; use ${MODELS.join(', ')}`);
const f64Models = (valueOf('--f64') ?? 'mlp5k').split(',');
const reuse = argv.includes('--reuse');
const RAW = join(here, 'results', 'mlp-raw');
const pyhessianDir = process.env.PYHESSIAN_DIR;
const havePyHessian = pyhessianDir !== undefined && existsSync(join(pyhessianDir, 'pyhessian', 'hessian.py'));
if (!existsSync(GNU_TIME)) fail(`${GNU_TIME} not found: install GNU time (apt-get install time); it measures each process's wall time and peak memory`);
if (!existsSync(PYTHON)) fail(`${PYTHON} not found: set HC_TORCH_PYTHON to a Python with torch, numpy and scipy`);

const skipped: string[] = [];
if (!havePyHessian) {
  const why = 'PyHessian rows skipped: set PYHESSIAN_DIR to a PyHessian checkout (the directory holding pyhessian/hessian.py); see bench/README-mlp.md';
  console.error(why);
  skipped.push(why);
}
const loadStart = loadavg();
if (!reuse) step('npm run build', spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' }).status);
if (!reuse) step('bench/models/make_mlp.py', spawnSync(PYTHON, [join(here, 'models', 'make_mlp.py')], { cwd: root, stdio: 'inherit' }).status);

const rows: Row[] = [];
const references: Record_['references'] = {};
const cli = join(root, 'bin', 'hessian-conformance.mjs');
const pyEnv = { ...process.env, ...(havePyHessian ? { PYHESSIAN_DIR: pyhessianDir } : {}) };
for (const model of models) {
  const cfg = join(here, 'models', model, 'config.json');
  console.error(`\n== ${model}: reference`);
  const refProc = run(`${model}-reference`, PYTHON, [join(here, 'peers', 'mlp_reference.py'), cfg, '--k', String(TOP_K)], pyEnv);
  if (refProc.json === null) fail(`reference failed on ${model}: ${refProc.stderrTail}`);
  const ref = refProc.json as unknown as Reference;
  const { measure, ...refRest } = ref;
  references[model] = { ...refRest, measureKind: measure.kind, wallS: refProc.wallS, peakRssMiB: refProc.peakRssMiB };
  const refMeasure = normalise(measure).m;
  const width = ref.top[0] - ref.lambdaMin;
  console.error(`   λ1 ${ref.top[0]}, λmin ${ref.lambdaMin}, tr/P ${ref.traceOverP}, ${refProc.wallS} s`);

  const topRow = (tool: string, settings: string, p: Proc, eigenvalues: number[] | undefined, hv: number | null, inner: number | null, note?: string): Row => ({
    model, P: ref.P, tool, operation: 'top-10 eigenvalues', settings,
    wallS: p.wallS, innerS: inner, cpuS: p.cpuS, peakRssMiB: p.peakRssMiB, hessianVectorProducts: hv,
    topRelErr: eigenvalues ? topError(eigenvalues, ref.top) : null,
    ...(note || p.json === null ? { note: note ?? `failed (exit ${p.exitCode}): ${p.stderrTail}` } : {}),
  });
  const densityRow = (tool: string, settings: string, p: Proc, m: Measure | undefined, hv: number | null, inner: number | null): Row => {
    const base = { model, P: ref.P, tool, operation: 'spectral density (SLQ)', settings, wallS: p.wallS, innerS: inner, cpuS: p.cpuS, peakRssMiB: p.peakRssMiB, hessianVectorProducts: hv };
    if (!m) return { ...base, topRelErr: null, note: `failed (exit ${p.exitCode}): ${p.stderrTail}` };
    const { m: n, sum } = normalise(m);
    const m1 = dot(n.weights, n.nodes);
    const m2 = dot(n.weights, n.nodes.map((x) => x * x));
    return {
      ...base,
      topRelErr: Math.abs(Math.max(...n.nodes) - ref.top[0]) / ref.top[0],
      w1OverWidth: wasserstein1(n, refMeasure) / width,
      traceRelErr: Math.abs(m1 - ref.traceOverP) / Math.abs(ref.traceOverP),
      traceSqRelErr: Math.abs(m2 - ref.traceSqOverP) / ref.traceSqOverP,
      weightSum: sum,
    };
  };

  console.error(`== ${model}: suite top-eigenvalues --k ${TOP_K}`);
  const st = run(`${model}-suite-top`, 'node', [cli, 'top-eigenvalues', cfg, '--k', String(TOP_K), '--json']);
  rows.push(topRow('suite', `--k ${TOP_K} (float64, Lanczos tol 1e-10)`, st, st.json?.eigenvalues as number[] | undefined, num(st.json?.hessianVectorProducts), num(st.json?.seconds)));

  const pyh = (key: string, args: string[]): Proc => run(`${model}-pyhessian-${key}`, PYTHON, [join(here, 'peers', 'pyhessian_mlp.py'), cfg, ...args], pyEnv);
  const pyhSkipped = (p: Proc): boolean => p.json !== null && typeof p.json.skipped === 'string';
  if (havePyHessian) {
    for (const dtype of f64Models.includes(model) ? ['float32', 'float64'] : ['float32']) {
      console.error(`== ${model}: PyHessian eigenvalues(top_n=${TOP_K}) ${dtype}`);
      const p = pyh(`top-${dtype}`, ['--method', 'eigenvalues', '--top-n', String(TOP_K), '--dtype', dtype]);
      if (!pyhSkipped(p)) rows.push(topRow('PyHessian', `top_n=${TOP_K} (${dtype}; maxIter=100, tol=1e-3)`, p, p.json?.eigenvalues as number[] | undefined, num(p.json?.hessianVectorProducts), num(p.json?.seconds)));
    }
  }

  console.error(`== ${model}: suite density (defaults)`);
  const sd = run(`${model}-suite-density`, 'node', [cli, 'density', cfg, '--json']);
  const sdm = sd.json ? { nodes: sd.json.nodes as number[], weights: sd.json.weights as number[] } : undefined;
  const sdHv = sd.json ? (sd.json.probes as number) * (sd.json.steps as number) : null;
  rows.push(densityRow('suite', sd.json ? `defaults: ${sd.json.probes} probes × ${sd.json.steps} steps (float64)` : 'defaults', sd, sdm, sdHv, num(sd.json?.seconds)));

  if (havePyHessian) {
    const variants: { dtype: string; iter: number; nV: number; label: string }[] = [
      { dtype: 'float32', ...PYH_DENSITY_DEFAULT, label: 'defaults' },
      { dtype: 'float32', ...PYH_DENSITY_MATCHED, label: "the suite's budget" },
      ...(f64Models.includes(model) ? [{ dtype: 'float64', ...PYH_DENSITY_DEFAULT, label: 'defaults' }] : []),
    ];
    for (const v of variants) {
      console.error(`== ${model}: PyHessian density(iter=${v.iter}, n_v=${v.nV}) ${v.dtype}`);
      const p = pyh(`density-${v.dtype}-${v.iter}x${v.nV}`, ['--method', 'density', '--iter', String(v.iter), '--n-v', String(v.nV), '--dtype', v.dtype]);
      if (pyhSkipped(p)) continue;
      const m = p.json ? { nodes: p.json.nodes as number[], weights: p.json.weights as number[] } : undefined;
      rows.push(densityRow('PyHessian', `iter=${v.iter}, n_v=${v.nV} (${v.dtype}; ${v.label})`, p, m, num(p.json?.hessianVectorProducts), num(p.json?.seconds)));
    }
  }
}

const record: Record_ = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memGiB: Math.round(totalmem() / 2 ** 30), platform: `${process.platform} ${process.arch}`, node: process.version },
  loadStart,
  loadEnd: loadavg(),
  versions: versions(),
  references,
  rows,
  skipped,
  command: `PYHESSIAN_DIR=${havePyHessian ? '<PyHessian checkout>' : '(unset)'} npm run bench:mlp${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
};
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(record, null, 2)}\n`);
const md = render(record);
writeFileSync(OUT.replace(/\.json$/, '.md'), md);
console.log(md);

// ----------------------------------------------------------------------------- processes

/**
 * Runs one process under GNU time; its stdout is parsed as one JSON object (the last line that
 * is one). The outcome is saved as bench/results/mlp-raw/<key>.json (gitignored); --reuse reads
 * it back instead of running, so the metrics and tables can be recomputed without re-measuring.
 */
function run(key: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Proc {
  const rawFile = join(RAW, `${key}.json`);
  if (reuse && existsSync(rawFile)) {
    console.error(`   reusing ${rawFile}`);
    return JSON.parse(readFileSync(rawFile, 'utf8')) as Proc;
  }
  const proc = runUnderTime(cmd, args, env);
  mkdirSync(RAW, { recursive: true });
  writeFileSync(rawFile, `${JSON.stringify(proc)}\n`);
  return proc;
}

function runUnderTime(cmd: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  const timeFile = join(tmpdir(), `mlpPeers-${process.pid}-${Date.now()}.time`);
  const r = spawnSync(GNU_TIME, ['-o', timeFile, '-f', '%e %M %U %S', cmd, ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  let wallS: number | null = null;
  let peakRssMiB: number | null = null;
  let cpuS: number | null = null;
  if (existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const [e, m, u, s] = last.split(' ').map(Number);
    if (Number.isFinite(e)) wallS = e;
    if (Number.isFinite(m)) peakRssMiB = m / 1024;
    if (Number.isFinite(u) && Number.isFinite(s)) cpuS = u + s;
    rmSync(timeFile, { force: true });
  }
  let json: Record<string, unknown> | null = null;
  for (const line of (r.stdout ?? '').trim().split('\n').reverse()) {
    try {
      json = JSON.parse(line) as Record<string, unknown>;
      break;
    } catch {
      // not the JSON line
    }
  }
  const stderrTail = (r.stderr ?? '').trim().split('\n').filter((l) => !/UserWarning|run_backward|Variable._execution_engine/.test(l)).slice(-2).join(' | ');
  if (r.status !== 0) console.error(`   exit ${r.status}: ${stderrTail}`);
  else console.error(`   ${wallS} s wall, ${peakRssMiB?.toFixed(0)} MiB`);
  return { wallS, peakRssMiB, cpuS, exitCode: r.status, stderrTail, json: r.status === 0 ? json : null };
}

function versions(): Record<string, string> {
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const py = spawnSync(PYTHON, ['-c', 'import sys, torch, numpy, scipy; print(sys.version.split()[0], torch.__version__, numpy.__version__, scipy.__version__, torch.get_num_threads())'], { encoding: 'utf8' }).stdout.trim().split(' ');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return {
    suite: `hessian-conformance ${pkg.version} @ ${git}`,
    python: `${PYTHON} ${py[0] ?? '?'}`,
    torch: `${py[1] ?? '?'} (${py[4] ?? '?'} intra-op thread(s))`,
    numpy: py[2] ?? '?',
    scipy: py[3] ?? '?',
    pyhessian: havePyHessian ? `unmodified checkout at PYHESSIAN_DIR${process.env.PYHESSIAN_COMMIT ? `, commit ${process.env.PYHESSIAN_COMMIT}` : ''}` : 'not run',
  };
}

// ----------------------------------------------------------------------------- error metrics

/** Both lists sorted descending; max_i |a_i − ref_i| / |ref_1| over the shorter length. */
function topError(values: number[], ref: number[]): number {
  const a = values.slice().sort((x, y) => y - x);
  const n = Math.min(a.length, ref.length);
  let e = 0;
  for (let i = 0; i < n; i++) e = Math.max(e, Math.abs(a[i] - ref[i]));
  return e / Math.abs(ref[0]);
}

/** The measure with its weights divided by their sum (PyHessian's need not sum to exactly 1), and that sum. */
function normalise(m: Measure): { m: Measure; sum: number } {
  const sum = m.weights.reduce((s, w) => s + w, 0);
  return { m: { nodes: m.nodes, weights: m.weights.map((w) => w / sum) }, sum };
}

/** W₁ of two discrete probability measures on ℝ: ∫ |F_a − F_b| dx, exact for step cdfs. */
function wasserstein1(a: Measure, b: Measure): number {
  const atoms: [number, number][] = [...a.nodes.map((x, i): [number, number] => [x, a.weights[i]]), ...b.nodes.map((x, i): [number, number] => [x, -b.weights[i]])];
  atoms.sort((p, q) => p[0] - q[0]);
  let cdf = 0;
  let w1 = 0;
  for (let i = 0; i < atoms.length - 1; i++) {
    cdf += atoms[i][1];
    w1 += Math.abs(cdf) * (atoms[i + 1][0] - atoms[i][0]);
  }
  return w1;
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

// ----------------------------------------------------------------------------- rendering

function render(r: Record_): string {
  const f = (x: number | null | undefined, d = 1): string => (x === null || x === undefined ? '—' : x.toFixed(d));
  const e = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toExponential(1));
  const lines = [
    '# Suite vs PyHessian on exported MLPs',
    '',
    `Produced by \`${r.command}\` on ${r.date}. How to run it and what each metric means: bench/README-mlp.md.`,
    '',
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memGiB} GiB, ${r.machine.platform}; Node ${r.machine.node}. ` +
      `**Shared with other agents**: load average (1/5/15 min) ${r.loadStart.map((x) => x.toFixed(1)).join(' / ')} at start, ${r.loadEnd.map((x) => x.toFixed(1)).join(' / ')} at end on ${r.machine.cores} cores — wall times are inflated and noisy; CPU seconds are given beside them.`,
    '',
    `Versions: ${Object.entries(r.versions).map(([k, v]) => `${k} ${v}`).join('; ')}.`,
    '',
    ...r.skipped.map((s) => `**${s}**`),
    '',
  ];
  for (const [model, ref] of Object.entries(r.references)) {
    lines.push(
      `Reference for ${model} (P = ${ref.P.toLocaleString('en-US')}, N = ${ref.N}): ${ref.method}; λ₁ = ${ref.top[0].toPrecision(8)}, λ₁₀ = ${ref.top[ref.top.length - 1].toPrecision(6)}, λ_min = ${ref.lambdaMin.toPrecision(4)}, ` +
        `tr(H)/P = ${ref.traceOverP.toPrecision(4)}${ref.traceSE ? ` ± ${ref.traceSE.toPrecision(2)}` : ''}, tr(H²)/P = ${ref.traceSqOverP.toPrecision(4)}${ref.traceSqSE ? ` ± ${ref.traceSqSE.toPrecision(2)}` : ''} (± = standard error); ` +
        `measure: ${ref.measureKind}${ref.measureBound ? ` (its own W₁ bound to the true spectrum / width: ${(ref.measureBound / (ref.top[0] - ref.lambdaMin)).toExponential(1)})` : ''}; ${f(ref.wallS)} s wall, ${f(ref.peakRssMiB, 0)} MiB.`,
      '',
    );
  }
  lines.push(
    '| model (P) | tool | operation | settings | wall s | inner s | CPU s | peak RSS MiB | H·v | max\\|Δλ\\|/λ₁ | W₁/(λ_max−λ_min) | \\|Δ tr/P\\| rel | \\|Δ tr(H²)/P\\| rel | note |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const x of r.rows) {
    const note = [x.note, x.weightSum !== undefined && x.weightSum !== null && Math.abs(x.weightSum - 1) > 1e-6 ? `Σw − 1 = ${(x.weightSum - 1).toExponential(1)}` : '', x.operation.startsWith('spectral') ? 'Δλ: top node vs λ₁' : ''].filter(Boolean).join('; ');
    lines.push(
      `| ${x.model} (${x.P.toLocaleString('en-US')}) | ${x.tool} | ${x.operation} | ${x.settings} | ${f(x.wallS)} | ${f(x.innerS)} | ${f(x.cpuS)} | ${f(x.peakRssMiB, 0)} | ${x.hessianVectorProducts ?? '—'} | ${e(x.topRelErr)} | ${e(x.w1OverWidth)} | ${e(x.traceRelErr)} | ${e(x.traceSqRelErr)} | ${note.replace(/\|/g, '\\|')} |`,
    );
  }
  lines.push(
    '',
    'wall s: the whole process under `/usr/bin/time` (start-up, loading, computation); inner s: the tool\'s own timing of the computation (suite: the JSON "seconds"; PyHessian: the method call, without its constructor\'s backward); peak RSS: GNU time\'s maximum resident set of the process.',
    'H·v: Hessian-vector products (suite: its count, probes × steps for density; PyHessian: calls of its hessian_vector_product, counted by a wrapper; reference: its own).',
    'Errors are against the reference of the same model; for the density rows W₁ is between the normalised SLQ measure and the reference measure, and the moments Σwθ, Σwθ² against tr(H)/P, tr(H²)/P — with one to five probes these moment errors are mostly probe sampling (Hutchinson) error, the same for any SLQ implementation.',
    '',
  );
  return lines.join('\n');
}

// ----------------------------------------------------------------------------- helpers

function num(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
function valueOf(flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}
function step(what: string, status: number | null): void {
  if (status !== 0) fail(`${what} failed (exit ${status})`);
}
function fail(message: string): never {
  console.error(`bench:mlp: ${message}`);
  process.exit(2);
}
