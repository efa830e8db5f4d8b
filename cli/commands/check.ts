/**
 * `check <config.json> [--json] [--out page.html] [--seed S] [--backend …]`: every claim of
 * the suite on ONE model — a network trained elsewhere (an mlp config: weights and real data)
 * or a teacher–student configuration. Claims whose hypotheses the model meets are checked by
 * the suite's own checks (properties/modelChecks/); the others are listed as not applicable
 * with the reason. Writes a self-contained HTML page with the conformance report's look
 * (src/report/html/modelPage.ts): spectrum, density, outliers, decomposition, and a section per
 * claim. Exit 0 when everything that applies holds, 1 when a claim fails, 2 on bad input.
 */
import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { runModelChecks, exitCodeOf, type ModelCheckResult, type ModelSubject } from '../../properties/modelChecks/index.js';
import { denseHessianBytes, memoryBudgetBytes } from '../../src/config/memoryBudget.js';
import type { LinalgBackend } from '../../src/linalg/backend.js';
import { getBackend, BACKEND_NAMES, type BackendName } from '../../src/linalg/selectBackend.js';
import type { RenderedFigure, TableFigure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { histogramWithDensity } from '../../src/report/figures/histogramWithDensity.js';
import { outlierSpectrum } from '../../src/report/figures/outlierSpectrum.js';
import { renderFigure } from '../../src/report/figures/render.js';
import { termSpectra } from '../../src/report/figures/termSpectra.js';
import { renderModelPage } from '../../src/report/html/modelPage.js';
import { countOutliers } from '../../theory/bulkOutliers.js';
import type { ProductProgress } from '../../src/report/progress/productProgress.js';
import { decompose, type Decomposition } from '../../src/spectrum/decomposition.js';
import { defaultProbes, spectralDensity, type DensityResult } from '../../src/spectrum/spectralDensity.js';
import { SLQ_DEFAULTS } from '../../src/spectrum/slqDensity.js';
import { operatorEnds } from '../../src/spectrum/operatorEnds.js';
import { assertWithinBudget, curvatureDenseCost, curvatureMatrixFreeCost, fits } from '../../src/config/routeCost.js';
import { numberOption, type ParsedArgs } from '../args.js';
import { backendKind } from '../backendOption.js';
import type { RunContext } from '../runContext.js';
import { CliError } from '../cliError.js';
import type { CommandSpec } from '../commandSpec.js';
import type { CliIO } from '../io.js';
import { loadModel, modelHeader, modelLines, progressFor, type LoadedModel } from '../loadModel.js';
import { decompositionJson } from './decompose.js';
import { densityFigure } from './density.js';

const usage = 'check <config.json> [--json] [--out page.html] [--seed S] [--backend portable|native|auto]';
/** Exit code when a claim that applies fails (bad input is 2, as everywhere). */
export const EXIT_CLAIM_FAILED = 1;
/** Top eigenvalues drawn in the outlier figure (S2's M_TOP). */
const TOP_DRAWN = 12;

export const checkCommand: CommandSpec = {
  name: 'check',
  summary: "Every claim of the suite on one model (your trained network with its data, or a teacher–student config): the ones whose hypotheses it meets are checked, the others listed with the reason; writes a one-model HTML page.",
  args: '<config.json>',
  flags: [{ name: 'json', description: 'print one JSON object (the model, every claim with its status, reason and checks)' }],
  options: [
    { name: 'out', value: 'file', description: 'where to write the HTML page (default: <config folder>/<config name>.check.html)' },
    { name: 'seed', value: 'S', description: 'seed of every random choice (finite-difference directions, Lanczos starts, SLQ probes; default 0)' },
    { name: 'backend', value: 'name', description: 'portable, native or auto (default auto)' },
  ],
  examples: ['npm run --silent cli -- check examples/own-network/config.json', 'npm run --silent cli -- check examples/erf-small.json --out erf-check.html'],
  details:
    'Statuses: pass, fail (exit 1), inconclusive (undecidable in float64; not a failure), observation (a claim stated as a rate over many nets, e.g. S2: reported, not judged), not applicable (with the reason). On an mlp config: S1 (H = GN + R by finite differences and the R-operator, GN ⪰ 0 with rank ≤ N(k−1) for cross-entropy or N·k, negative curvature from R), the S2 observation (outliers against the classes in the labels), C3 where the net is two-layer, bias-free with a scalar output; on teacher–student configs also C1 and C2a–c. Large models (the dense checks past the memory budget or 1e10 multiply-adds, ≈ 40 s) get the matrix-free form of S1.',
  run,
};

async function run(args: ParsedArgs, io: CliIO, ctx: RunContext): Promise<number> {
  if (args.positional.length !== 1) throw new CliError(`check: expected one config file, got ${args.positional.length}; usage: ${usage}`);
  const seed = numberOption(args, 'seed', 'check', (v) => Number.isInteger(v) && v >= 0 && v <= 2 ** 32 - 1, 'an integer in [0, 2^32 − 1]', 0);
  const backendName = (args.options.get('backend') ?? 'auto') as BackendName;
  if (!BACKEND_NAMES.includes(backendName)) throw new CliError(`check: --backend must be one of ${BACKEND_NAMES.join(', ')}, got ${JSON.stringify(backendName)}`);
  const outOpt = args.options.get('out');
  if (outOpt !== undefined && outOpt.trim() === '') throw new CliError('check: --out needs a file name');
  const configPath = args.positional[0];
  const out = outOpt ?? join(dirname(configPath), `${basename(configPath, extname(configPath))}.check.html`);
  const backend = getBackend(backendName);
  const loaded = loadModel(configPath, backend, ctx.budget);
  const m = loaded.curvature;
  const denseCost = curvatureDenseCost(m.P, m.N, backendKind(backend), 2);
  const iterations = Math.min(m.P, 300);
  const freeCost = curvatureMatrixFreeCost(m.family, m.P, m.N, 8 * iterations + 30 + defaultProbes(m.P, Math.min(SLQ_DEFAULTS.steps, m.P)) * SLQ_DEFAULTS.steps, iterations);
  const dense = fits(denseCost, ctx.budget);
  if (!dense) assertWithinBudget(freeCost, ctx.budget, 'size', `check with P = ${m.P}, N = ${m.N} (dense terms past the budget, so matrix-free)`, 'check a smaller model, or run `top-eigenvalues`, `density` or `decompose --route matrix-free` with few iterations');
  const progress = progressFor(io);
  const started = Date.now();
  const report = await checkModel(loaded, backend, seed, progress, dense);
  progress.done();
  const seconds = (Date.now() - started) / 1000;
  const code = exitCodeOf(report.results);
  const replay = `hessian-conformance check ${configPath}${seed ? ` --seed ${seed}` : ''}${outOpt ? ` --out ${outOpt}` : ''}`;
  writeFileSync(out, await renderPage(loaded, report, backend, seed, replay));
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ ...checkJson(loaded, report, backend), page: out, seconds, exitCode: code }));
    return code;
  }
  const width = Math.max(...report.results.map((r) => r.status.length));
  const counts = (s: string) => report.results.filter((r) => r.status === s).length;
  io.out(
    [
      ...modelLines(loaded.curvature),
      ...report.results.map((r) => `${r.claim.padEnd(4)} ${r.status.padEnd(width)}  ${r.status === 'not-applicable' ? r.reason : `${r.title}${firstProblem(r)}`}`),
      `${counts('pass')} pass, ${counts('fail')} fail, ${counts('inconclusive')} inconclusive, ${counts('observation')} observation, ${counts('not-applicable')} not applicable (${seconds.toFixed(1)} s); page: ${out}`,
    ].join('\n'),
  );
  return code;
}

function firstProblem(r: ModelCheckResult): string {
  const p = r.parts.find((x) => x.status === 'fail') ?? r.parts.find((x) => x.status === 'inconclusive') ?? r.parts.find((x) => x.status === 'observation');
  return p && p.message ? ` — ${p.message}` : '';
}

export interface ModelReport {
  readonly results: ModelCheckResult[];
  readonly density: DensityResult;
  readonly decomposition: Decomposition | null;
  readonly top: { readonly values: number[]; readonly residuals: number[] };
}

/** The claims and the page's measurements for a loaded model (exported for tests, which inject wrong neighbours). */
export async function checkModel(loaded: LoadedModel, backend: LinalgBackend, seed: number, progress: ProductProgress, denseFits?: boolean): Promise<ModelReport> {
  const m = loaded.curvature;
  const subject: ModelSubject = { config: loaded.file.config, curvature: m, mlp: loaded.mlp, teacherStudent: loaded.teacherStudent, backend, seed, onApply: () => progress.tick() };
  progress.phase('check: claims', 0, true);
  const results = runModelChecks(subject);
  const steps = Math.min(SLQ_DEFAULTS.steps, m.P);
  const probes = defaultProbes(m.P, steps);
  progress.phase('check: spectral density', probes * steps);
  const density = spectralDensity(m.hessianOperator(), { probes, steps, seed, backend, operatorCacheBytes: m.operatorCacheBytes, onApply: () => progress.tick() });
  // The command decides dense or matrix-free from its budgets (time and memory); library callers get the memory rule.
  const dense = denseFits ?? denseHessianBytes(m.P, m.N) <= memoryBudgetBytes();
  if (!dense) progress.phase('check: decomposition (matrix-free)', 0, true);
  // Matrix-free: the ends to 1e-8·‖A‖ (what the page shows), ten trace probes.
  const decomposition = decompose(m, { k: 5, backend, route: dense ? 'dense' : 'matrix-free', seed, onApply: () => progress.tick(), ...(dense ? {} : { tolerance: 1e-8, traceProbes: 10 }) });
  const fromS2 = results.find((r) => r.claim === 'S2')?.data as { top?: number[]; residuals?: number[] } | undefined;
  let top: { values: number[]; residuals: number[] };
  if (fromS2?.top) top = { values: fromS2.top, residuals: fromS2.residuals ?? [] };
  else if (decomposition.hessian.eigenvalues) top = { values: decomposition.hessian.eigenvalues.slice(0, TOP_DRAWN), residuals: [] };
  else {
    const e = operatorEnds(m.hessianOperator(), { k: Math.min(TOP_DRAWN, m.P), tolerance: 1e-8, backend, seed, operatorCacheBytes: m.operatorCacheBytes });
    top = { values: e.values, residuals: e.residuals };
  }
  return { results, density, decomposition, top };
}

function checkJson(loaded: LoadedModel, r: ModelReport, backend: LinalgBackend): Record<string, unknown> {
  const m = loaded.curvature;
  return {
    ...modelHeader(m, 'check', backend.name),
    sources: loaded.mlp?.sources,
    lossValue: m.lossValue(),
    gradientNorm: m.gradientNorm(),
    eigenvalues: r.top.values,
    claims: r.results,
    decomposition: r.decomposition ? decompositionJson(m, r.decomposition, backend.name) : null,
    density: { probes: r.density.probes, steps: r.density.steps, sigma: r.density.sigma, bounds: r.density.bounds, eigenvalues: r.density.eigenvalues },
  };
}

async function renderPage(loaded: LoadedModel, r: ModelReport, backend: LinalgBackend, seed: number, replay: string): Promise<string> {
  const m = loaded.curvature;
  const figures: RenderedFigure[] = [];
  const d = r.decomposition;
  if (d?.hessian.eigenvalues) {
    figures.push(
      await renderFigure(
        histogramWithDensity(d.hessian.eigenvalues, (x) => densityAt(r.density, x), {
          id: 'spectrum',
          title: 'Spectrum: every eigenvalue of H (dense) against the SLQ density',
          xTitle: 'eigenvalue λ of H',
          sampleLabel: `all ${m.P} eigenvalues (dense route)`,
          densityLabel: 'stochastic Lanczos quadrature (smoothed)',
          bins: Math.min(80, Math.max(20, Math.ceil(2 * Math.sqrt(m.P)))),
          note: 'Two independent routes: the histogram of the exact eigenvalues and the SLQ estimate from H·v products alone.',
        }),
      ),
    );
  }
  figures.push(await renderFigure(densityFigure(m, r.density, false)));
  if (r.top.values.length >= 2 && r.top.values[0] > 0) {
    const s2 = r.results.find((x) => x.claim === 'S2');
    const counted = s2?.data && typeof s2.data.count === 'number' ? (s2.data.count as number) : countOutliers(r.top.values).count;
    const k = s2?.data && typeof s2.data.k === 'number' ? (s2.data.k as number) : undefined;
    figures.push(
      await renderFigure(
        outlierSpectrum([{ label: m.family === 'mlp' ? 'this model' : m.family, eigenvalues: r.top.values, count: counted, ...(k !== undefined && s2?.status !== 'not-applicable' ? { expected: k } : {}) }], {
          id: 'outliers',
          title: 'Outliers: the top of the spectrum, counted by the largest ratio gap',
          note: k !== undefined && s2?.status !== 'not-applicable' ? `S2 expects about k = ${k} outliers (the classes in the labels).` : 'No class count to compare with (S2 needs cross-entropy).',
        }),
      ),
    );
  }
  if (d) {
    const table: TableFigure = {
      kind: 'table',
      id: 'decomposition-table',
      title: `Decomposition H = GN + R (${d.route} route)`,
      caption: `λ_max, λ_min and trace of the Hessian, its Gauss–Newton term (PSD) and its residual term. tr H − (tr GN + tr R) = ${formatNumber(d.traces.difference)} (relative ${formatNumber(d.traces.relativeDifference)}). ${d.negativeCurvature.present ? `Along H's bottom eigenvector the residual supplies ${d.negativeCurvature.bottomDirection.residualShare !== null ? `${(d.negativeCurvature.bottomDirection.residualShare * 100).toFixed(1)}%` : '—'} of the negative curvature (≥ 100% since GN ⪰ 0).` : 'H has no negative curvature beyond rounding.'}`,
      columns: ['matrix', 'λ_max', 'λ_min', 'trace', 'rank'],
      rows: [
        ['H', d.hessian.lambdaMax, d.hessian.lambdaMin, d.hessian.trace, d.hessian.rank ?? null],
        ['Gauss–Newton', d.gaussNewton.lambdaMax, d.gaussNewton.lambdaMin, d.gaussNewton.trace, d.gaussNewton.rank ?? null],
        ['residual', d.residual.lambdaMax, d.residual.lambdaMin, d.residual.trace, d.residual.rank ?? null],
      ].map((row) => row.map((v) => (typeof v === 'number' ? formatNumber(v, 4) : v))),
    };
    figures.push(table);
    if (d.hessian.eigenvalues && d.gaussNewton.eigenvalues && d.residual.eigenvalues) {
      figures.push(await renderFigure(termSpectra([{ label: 'H', eigenvalues: d.hessian.eigenvalues }, { label: 'Gauss–Newton', eigenvalues: d.gaussNewton.eigenvalues }, { label: 'residual', eigenvalues: d.residual.eigenvalues }], { id: 'decomposition', title: 'Decomposition: eigenvalues of H, Gauss–Newton and residual' })));
    }
  }
  const facts: Array<readonly [string, string]> = [
    ['model', m.architecture],
    ['parameters, samples', `P = ${m.P}, N = ${m.N}, ${m.outputs} output${m.outputs === 1 ? '' : 's'}`],
    ['loss', m.lossDescription],
    ['loss value, gradient norm', `${formatNumber(m.lossValue(), 6)}, ‖∇L‖ = ${formatNumber(m.gradientNorm(), 4)}`],
    ...(loaded.mlp?.problem.data.labels ? ([['training accuracy', `${(loaded.mlp.problem.accuracy(loaded.mlp.theta) * 100).toFixed(1)}%`]] as const) : []),
    ['precision', m.precision],
    ['configuration', loaded.file.path],
    ...(loaded.mlp ? ([['files', Object.entries(loaded.mlp.sources).map(([k, v]) => `${k}: ${v}`).join('; ')]] as const) : []),
    ['θ layout', m.layout],
    ['linear algebra, seed', `${backend.name}, seed ${seed}`],
  ];
  return renderModelPage({
    title: `Hessian check · ${m.family === 'mlp' ? m.architecture.split(',')[0] : m.family}, P = ${m.P}`,
    subtitle: `The suite's claims on one model · generated ${new Date().toISOString()}`,
    facts,
    claims: r.results,
    figures,
    replay,
  });
}

function densityAt(d: DensityResult, x: number): number {
  // The smoothed SLQ curve at x, from its grid (linear interpolation; 0 outside).
  const g = d.grid;
  if (x < g[0] || x > g[g.length - 1]) return 0;
  const t = ((x - g[0]) / (g[g.length - 1] - g[0])) * (g.length - 1);
  const i = Math.min(g.length - 2, Math.floor(t));
  return d.density[i] + (t - i) * (d.density[i + 1] - d.density[i]);
}

