/**
 * C3 (and C2b) · the rank rule's tolerance carries its own power: a companion property that runs
 * the SAME rank decision as the C3 cases (numericalRank on the float64 singular values of a C3
 * Jacobian) on probes whose answer is known, and requires every mutated tolerance to be caught.
 *
 * Without it the tolerance is unpinned: every decided C3 case has its smallest kept singular
 * value ≥ KEPT_MARGIN_MIN·tol and its dropped ones below tol (gaps 1e11–1e15), so a rule with
 * tol ×10 or ÷10 gives the same verdicts, and a slack that grows by orders goes unnoticed.
 *
 * PROBES, per case: J = J(θ*)/√N of a drawn C3 configuration, r its decided rank, and
 *     J_c = H₁ · [J 0; 0 c·τ] · H₂,    τ = max(N + 1, P + 1)·eps·σ_max(J),
 * with H₁, H₂ random Householder reflections (so the SVD has to resolve c·τ from J's own rounding,
 * not read it off a diagonal). Exactly, J_c has J's singular values plus c·τ (τ ≪ σ_max, so σ_max
 * and the rule's tolerance are J's). The rule must keep c = PROBE_KEPT_FACTOR (rank r + 1) and drop
 * c = PROBE_DROPPED_FACTOR (rank r): a value 4× above the floor is distinguishable from zero, one
 * 4× below is not — that is what the tolerance claims (theory/rankDecision.ts). Rounding moves the
 * probe by ≲ (N + P)·eps·σ_max/√… ≪ τ (measured: the case's own dropped values sit at ≤ 0.1·τ,
 * recorded as `noiseRatio`).
 * MUTANTS (TOLERANCE_MUTANTS): the same decision with rtol = factor·max(N, P)·eps must get one
 * probe wrong — ×10 drops the 4τ probe, ÷10 keeps the τ/4 one.
 * Cost: two SVDs of (N + 1)×(P + 1) per case on top of the case's own.
 */
import * as fc from 'fast-check';
import { buildProblem } from '../../src/config/buildProblem.js';
import { EPS, scale, type Matrix } from '../../src/linalg/matrix.js';
import { numericalRank } from '../../src/linalg/numericalRank.js';
import { getBackend } from '../../src/linalg/selectBackend.js';
import { Rng } from '../../src/rng/rng.js';
import { isClearRankDecision, PROBE_DROPPED_FACTOR, PROBE_KEPT_FACTOR, TOLERANCE_MUTANT_FACTOR } from '../../theory/rankDecision.js';
import { activationName, degeneracyOf, degenerateRankArb, rankConfigArb, rankRowLabel, type RankConfig } from '../arbitraries/rankConfigs.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import type { C3Evidence, C3ProbeEvidence } from '../evidence/C3.js';

/** Mutated tolerances the probes must catch: rtol = factor·max(N, P)·eps. */
export const TOLERANCE_MUTANTS = [
  { id: `tol ×${TOLERANCE_MUTANT_FACTOR}`, factor: TOLERANCE_MUTANT_FACTOR },
  { id: `tol ÷${TOLERANCE_MUTANT_FACTOR}`, factor: 1 / TOLERANCE_MUTANT_FACTOR },
] as const;

/** A ← (I − 2vvᵀ/vᵀv)·A·(I − 2uuᵀ/uᵀu), in place; O(rows·cols). */
function reflectBothSides(A: Matrix, v: Float64Array, u: Float64Array): void {
  const { rows, cols, data } = A;
  const vv = v.reduce((s, x) => s + x * x, 0);
  const uu = u.reduce((s, x) => s + x * x, 0);
  const vtA = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) vtA[j] += v[i] * data[i * cols + j];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] -= (2 * v[i] * vtA[j]) / vv;
  for (let i = 0; i < rows; i++) {
    let Au = 0;
    for (let j = 0; j < cols; j++) Au += data[i * cols + j] * u[j];
    for (let j = 0; j < cols; j++) data[i * cols + j] -= (2 * Au * u[j]) / uu;
  }
}

/** [J 0; 0 value] mixed by two random reflections. */
export function probeMatrix(J: Matrix, value: number, rng: Rng): Matrix {
  const rows = J.rows + 1;
  const cols = J.cols + 1;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < J.rows; i++) data.set(J.data.subarray(i * J.cols, (i + 1) * J.cols), i * cols);
  data[rows * cols - 1] = value;
  const A = { rows, cols, data };
  reflectBothSides(A, rng.normals(rows), rng.normals(cols));
  return A;
}

function checkProbe(config: RankConfig): CaseOutcome<C3Evidence> {
  const p = buildProblem(config);
  const backend = getBackend();
  const J = scale(p.model.jacobian(p.theta, p.X), 1 / Math.sqrt(p.N));
  const base = numericalRank(backend.singularValues(J), J.rows, J.cols);
  const r = base.rank;
  const tau = Math.max(J.rows + 1, J.cols + 1) * EPS * base.sigmaMax;
  const rng = Rng.fromSeed(config.seed).split('rank-probe');
  const kept = probeMatrix(J, PROBE_KEPT_FACTOR * tau, rng.split('kept'));
  const dropped = probeMatrix(J, PROBE_DROPPED_FACTOR * tau, rng.split('dropped'));
  const svKept = backend.singularValues(kept);
  const svDropped = backend.singularValues(dropped);
  const decide = (sv: Float64Array, m: Matrix, rtol?: number) => numericalRank(sv, m.rows, m.cols, rtol === undefined ? {} : { rtol }).rank;
  const keptMeasured = decide(svKept, kept);
  const droppedMeasured = decide(svDropped, dropped);
  const mutants = TOLERANCE_MUTANTS.map((m) => {
    const rtol = m.factor * Math.max(kept.rows, kept.cols) * EPS;
    const k = decide(svKept, kept, rtol);
    const d = decide(svDropped, dropped, rtol);
    return { id: m.id, keptMeasured: k, droppedMeasured: d, caught: k !== r + 1 || d !== r };
  });
  const evidence: C3ProbeEvidence = {
    kind: 'tolerance-probe',
    activation: activationName(config),
    Ni: p.Ni,
    Nh: p.Nh as number,
    N: p.N,
    P: p.model.P,
    degeneracy: degeneracyOf(config),
    baseRank: r,
    tolerance: base.tolerance,
    noiseRatio: base.sigmaBelowRank === null ? null : base.sigmaBelowRank / base.tolerance,
    keptFactor: PROBE_KEPT_FACTOR,
    droppedFactor: PROBE_DROPPED_FACTOR,
    keptMeasured,
    droppedMeasured,
    mutants,
  };
  if (!isClearRankDecision(base)) return { ok: false, inconclusive: true, evidence, message: `the case's own rank ${r} is not decided clearly (σ_r within the margin of the floor)` };
  return allOf(
    outcome(keptMeasured === r + 1, evidence, () => `a singular value ${PROBE_KEPT_FACTOR}× the tolerance was not kept: rank ${keptMeasured}, expected ${r + 1}`),
    outcome(droppedMeasured === r, evidence, () => `a singular value ${PROBE_DROPPED_FACTOR}× the tolerance was kept: rank ${droppedMeasured}, expected ${r}`),
    ...mutants.map((m) => outcome(m.caught, evidence, () => `mutated rule '${m.id}' was not caught: kept-probe rank ${m.keptMeasured}, dropped-probe rank ${m.droppedMeasured} (r = ${r})`)),
  );
}

export const rankProbeProperty: PropertyDefinition<RankConfig, C3Evidence> = {
  claim: 'C3',
  name: `the rank tolerance is pinned: on each case's J a singular value ${PROBE_KEPT_FACTOR}× the floor is kept, ${PROBE_DROPPED_FACTOR}× dropped, and rules with the floor ×10 or ÷10 are caught`,
  arbitrary: () => fc.oneof(rankConfigArb, degenerateRankArb),
  numRuns: 60,
  maxInconclusiveFraction: 0.05,
  label: rankRowLabel,
  check: checkProbe,
};
