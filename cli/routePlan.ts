/**
 * Before anything is drawn or built: each curvature command's route, its memory and time
 * estimate (src/config/routeCost.ts) from the parsed configuration's sizes, checked against the
 * budgets read at the entry point. A route that does not fit is refused with one line naming
 * the sizes and a fix that works — another route that fits (with its own estimate), a flag
 * value that fits (--steps, --max-iterations), or the largest N that fits at the given widths.
 */
import type { Budget } from '../src/config/budget.js';
import { mibText, secondsText } from '../src/config/budget.js';
import { ConfigError } from '../src/config/configError.js';
import type { ProblemShape } from '../src/config/problemShape.js';
import {
  andThen,
  buildCost,
  denseSpectrumCost,
  dynamicsCost,
  fits,
  kernelCost,
  lanczosCost,
  largestFitting,
  overBudgetText,
  type BackendKind,
  type RouteCost,
} from '../src/config/routeCost.js';
import { LANCZOS_DEFAULTS } from '../src/linalg/lanczos.js';

/** The sizes as the configuration gives them: "Ni = 2000, Nh = 2000, N = 100000" or "W 3×4, X 100×4". */
export function sizesText(s: ProblemShape): string {
  const depth = s.widths.length - 1;
  if (s.generated) return `Ni = ${s.Ni}, Nh = ${s.Nh}, N = ${s.N}${s.family === 'deep-linear' ? `, depth = ${depth}` : ''}`;
  if (s.family === 'two-layer') return `W ${s.Nh}×${s.Ni}, X ${s.N}×${s.Ni}`;
  return `layers of widths ${s.widths.join('→')}, X ${s.N}×${s.Ni}`;
}

const costText = (c: RouteCost) => `about ${mibText(c.bytes)} and ${secondsText(c.seconds)}`;

/** "N ≤ 812 with these widths" when some N fits, else a call for smaller widths. */
function smallerSizes(s: ProblemShape, fitsAt: (shape: ProblemShape) => boolean): string {
  const n = largestFitting(1, s.N, (N) => fitsAt({ ...s, N }));
  const widths = s.generated ? (s.family === 'two-layer' ? 'Ni, Nh' : 'Ni, Nh, depth') : 'the widths';
  if (n !== null && n >= 1) return s.generated ? `N ≤ ${n} with these ${widths}` : `at most ${n} samples (rows of X) with these ${widths}`;
  return `smaller ${widths} (P = ${s.P} parameters do not fit even with one sample)`;
}

/** Default Lanczos iteration cap of top-eigenvalues (src/linalg/lanczos.ts), at most P. */
export function lanczosCap(P: number, k: number, maxIterations?: number): number {
  return Math.min(P, maxIterations ?? Math.max(LANCZOS_DEFAULTS.minIterationCap, 10 * k));
}

/** `spectrum`: the dense route must fit; otherwise top-eigenvalues is named with its estimate. */
export function planSpectrum(file: string, s: ProblemShape, backend: BackendKind, budget: Budget): RouteCost {
  const cost = andThen(buildCost(s), denseSpectrumCost(s, backend));
  if (fits(cost, budget)) return cost;
  const alternatives: string[] = [];
  const k = Math.min(10, s.P);
  const top = planTopEigenvaluesQuiet(s, k, undefined, backend, budget);
  if (top) alternatives.push(`use \`top-eigenvalues ${file} --k ${k}\` (${top.route === 'structured-kernel' ? 'structured kernel' : 'matrix-free Lanczos'}: ${costText(top.cost)}; no P×P matrix)`);
  alternatives.push(`use ${smallerSizes(s, (x) => fits(andThen(buildCost(x), denseSpectrumCost(x, backend)), budget))}`);
  throw budgetError(file, s, `the dense spectrum (P = ${s.P}, N = ${s.N}) ${overBudgetText(cost, budget)}`, alternatives.join(', or '), cost, budget);
}

export interface TopPlan {
  readonly route: 'structured-kernel' | 'matrix-free-lanczos';
  readonly cap: number;
  readonly cost: RouteCost;
}

function planTopEigenvaluesQuiet(s: ProblemShape, k: number, maxIterations: number | undefined, backend: BackendKind, budget: Budget): TopPlan | null {
  const build = buildCost(s);
  const cap = lanczosCap(s.P, k, maxIterations);
  if (s.atOptimum && s.family === 'two-layer') {
    const kernel = andThen(build, kernelCost(s, backend));
    if (fits(kernel, budget)) return { route: 'structured-kernel', cap, cost: kernel };
  }
  const lanczos = andThen(build, lanczosCost(s, cap));
  return fits(lanczos, budget) ? { route: 'matrix-free-lanczos', cap, cost: lanczos } : null;
}

/**
 * `top-eigenvalues`: the structured kernel at θ* of a two-layer net when it fits (exact, every
 * nonzero eigenvalue), matrix-free Lanczos otherwise; when neither fits, a lower
 * --max-iterations or a smaller N that does.
 */
export function planTopEigenvalues(file: string, s: ProblemShape, k: number, maxIterations: number | undefined, backend: BackendKind, budget: Budget): TopPlan {
  const plan = planTopEigenvaluesQuiet(s, k, maxIterations, backend, budget);
  if (plan) return plan;
  const build = buildCost(s);
  const cap = lanczosCap(s.P, k, maxIterations);
  const lanczos = andThen(build, lanczosCost(s, cap));
  const fixes: string[] = [];
  const it = largestFitting(k, cap, (m) => fits(andThen(build, lanczosCost(s, m)), budget));
  if (it !== null) fixes.push(`give --max-iterations ${it} (Lanczos then reports whether it converged)`);
  fixes.push(`use ${smallerSizes(s, (x) => planTopEigenvaluesQuiet(x, k, maxIterations, backend, budget) !== null)}`);
  const kernelNote = s.atOptimum && s.family === 'two-layer' ? `the structured kernel (${costText(andThen(build, kernelCost(s, backend)))}) does not fit, and ` : '';
  throw budgetError(file, s, `${kernelNote}matrix-free Lanczos with P = ${s.P} and up to ${cap} iterations ${overBudgetText(lanczos, budget)}`, fixes.join(', or '), lanczos, budget);
}

/** `dynamics`: the dense quadratic model at θ* and T gradient-descent steps. */
export function planDynamics(file: string, s: ProblemShape, steps: number, backend: BackendKind, budget: Budget): RouteCost {
  const total = (x: ProblemShape, t: number) => andThen(buildCost(x), dynamicsCost(x, t, backend));
  const cost = total(s, steps);
  if (fits(cost, budget)) return cost;
  const t = largestFitting(1, steps, (n) => fits(total(s, n), budget));
  const fix = t !== null ? `give --steps ${t} or fewer` : `use ${smallerSizes(s, (x) => fits(total(x, 1), budget))}: the quadratic model needs the dense Hessian at θ*`;
  throw budgetError(file, s, `gradient descent for ${steps} steps with the dense quadratic model (P = ${s.P}, N = ${s.N}) ${overBudgetText(cost, budget)}`, fix, cost, budget);
}

function budgetError(file: string, s: ProblemShape, problem: string, fix: string, cost: RouteCost, budget: Budget): ConfigError {
  const raise = [cost.bytes > budget.bytes ? 'HC_MEMORY_BUDGET_MB' : null, cost.seconds > budget.seconds ? 'HC_TIME_BUDGET_S' : null].filter(Boolean).join(' and ');
  return new ConfigError(`${file}: ${sizesText(s)}`, problem, `${fix}, or raise ${raise} if the machine allows`);
}
