/**
 * Configurations for C3 (rank = effective number of parameters). Two families, both drawn
 * WITHOUT reference to the table's formulas: the oracle of every case is the rank measured in
 * float64, and whatever the table says (a rank, or no claim) is checked against it.
 *
 *  - `rankConfigArb`: generic teachers, one arbitrary per row of docs/theory.md's table. Polynomials
 *    are drawn at widths spanning BOTH sides of the large-width bound (1 … a few units past the
 *    width at which a full polynomial of the same degree fills its space), with full and sparse
 *    supports: the table claims some, makes no claim for others, and nothing here knows which.
 *  - `degenerateRankArb`: degenerate teachers of every kind — duplicated (w_k = w_j), reflected
 *    (w_k = −w_j), rescaled (w_k = c·w_j) units, zero output weights, and combinations — for every
 *    activation the table covers (identity, z²…z⁶, polynomials, erf, tanh, ReLU, sigmoid,
 *    softplus), kind × activation drawn uniformly; a few ReLU cases below the table's data
 *    condition (N < 8P + 40), where it must make no claim.
 *
 * Float64 must be able to decide the drawn cases: teachers whose distinct units are merely close
 * (not exactly parallel) are filtered out by theory/rankGenericity.ts's separations (why, and the
 * measured rates, are there). Sizes stay small (P ≲ 90) so each case's SVD takes milliseconds.
 * Values are JSON-friendly: a printed counterexample is a config the CLI accepts as it is.
 */
import * as fc from 'fast-check';
import type { GeneratedConfig } from '../../src/config/types.js';
import { buildProblem } from '../../src/config/buildProblem.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import type { ActivationSpec } from '../../src/nets/activationSpec.js';
import { RELU_MIN_SEPARATION, SMOOTH_MIN_SEPARATION, reluSamplesNeeded, reluSeparation, unitSeparation } from '../../theory/rankGenericity.js';
import { homogeneousDimension } from '../../theory/waringRank.js';
import { scaleArb, seedArb, sigma1For } from './common.js';

export type RankConfig = GeneratedConfig & { family: 'two-layer' };

/** N either ample (N ≥ P, the rank is the function-space dimension) or capping (N < P). */
const nArb = (P: number) => fc.oneof({ weight: 3, arbitrary: fc.integer({ min: P, max: P + 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: Math.max(1, P - 1) }) });

function base(activation: ActivationSpec, Ni: number, Nh: number, N: number, s: number, sigma2: number, seed: number): RankConfig {
  return { family: 'two-layer', activation, Ni, Nh, N, seed, sigma1: sigma1For(Ni, s), sigma2 };
}

const isMonomial = (a: ActivationSpec) => a === 'identity' || (typeof a === 'string' && a.startsWith('z^'));

/** The separation float64 needs (theory/rankGenericity.ts) for this config's activation. */
export function isSeparated(c: RankConfig): boolean {
  const W = (buildProblem(c).teacherWeights as { W: Matrix }).W;
  if (c.activation === 'relu') return c.Ni === 1 || reluSeparation(W) >= RELU_MIN_SEPARATION;
  return unitSeparation(W, isMonomial(c.activation as ActivationSpec)) >= SMOOTH_MIN_SEPARATION;
}

/** identity and z^k, k = 2..6; Ni bounded so C(Ni+k−1, k) ≤ 84. */
export const monomialRankArb: fc.Arbitrary<RankConfig> = fc
  .record({ k: fc.integer({ min: 1, max: 6 }), Nh: fc.integer({ min: 1, max: 8 }), s: scaleArb(0.6, 1.4), sigma2: scaleArb(0.5, 1.5), seed: seedArb, NiRaw: fc.integer({ min: 1, max: 4 }) })
  .chain(({ k, Nh, s, sigma2, seed, NiRaw }) => {
    const Ni = k >= 5 ? Math.min(NiRaw, 3) : NiRaw;
    const P = Nh * Ni + Nh;
    // Degrees 5–6 evaluated at about as many points as dimensions form a Vandermonde-like
    // matrix too ill-conditioned to resolve (σ_r ≈ 150·tol seen at z⁶, N = 7): ample N only.
    const nk = k >= 5 ? fc.integer({ min: P + 10, max: P + 40 }) : nArb(P);
    return nk.map((N) => base(k === 1 ? 'identity' : (`z^${k}` as const), Ni, Nh, N, s, sigma2, seed));
  });

/**
 * The Alexander–Hirschowitz exceptions AS PUBLISHED (Brambilla & Ottaviani 2008, J. Pure Appl.
 * Algebra 212:1229, Thm 1.1): (n, d, s) = (2, 4, 5), (3, 4, 9), (4, 4, 14), (4, 3, 7), n the projective
 * dimension — written here, not read from theory/waringRank.ts, so a list edited there is caught.
 * In the net's terms (Ni, k, Nh) = (n + 1, d, s).
 */
export const PUBLISHED_AH_EXCEPTIONS: ReadonlyArray<readonly [number, number, number]> = [
  [2, 4, 5],
  [3, 4, 9],
  [4, 4, 14],
  [4, 3, 7],
];

/** Each published exception (offset 0: the naive count is one too high) and its neighbouring widths Nh ± 1 (where it is right). */
export const alexanderHirschowitzArb: fc.Arbitrary<RankConfig> = fc
  .record({ which: fc.integer({ min: 0, max: PUBLISHED_AH_EXCEPTIONS.length - 1 }), offset: fc.constantFrom(0, 0, -1, 1), extra: fc.integer({ min: 5, max: 30 }), s: scaleArb(0.7, 1.2), seed: seedArb })
  .map(({ which, offset, extra, s, seed }) => {
    const [n, k, Nh] = PUBLISHED_AH_EXCEPTIONS[which];
    return base(`z^${k}` as `z^${number}`, n + 1, Nh + offset, homogeneousDimension(n + 1, k) + extra, s, 1, seed);
  });

/** c1·z + c2·z² at every width up to Ni + 2 (both sides of Nh = Ni). */
export const linearPlusQuadraticArb: fc.Arbitrary<RankConfig> = fc
  .record({ Ni: fc.integer({ min: 1, max: 5 }), c1: scaleArb(0.3, 2), c2: scaleArb(-2, 2).filter((c) => c !== 0), s: scaleArb(0.6, 1.4), seed: seedArb, u: fc.double({ min: 0, max: 1, noNaN: true }) })
  .chain(({ Ni, c1, c2, s, seed, u }) => {
    const Nh = 1 + Math.floor(u * (Ni + 2) * 0.999);
    return nArb(Nh * Ni + Nh).map((N) => base({ polynomial: [0, c1, c2] }, Ni, Nh, N, s, 1, seed));
  });

/**
 * Widths for a polynomial of degree k in Ni inputs: 1 up to two units past ⌈C(Ni+k, k)/(Ni+1)⌉,
 * the parameter count at which a full polynomial could first fill its space — a range, not the
 * table's bound, so the draws fall on both sides of wherever the bound is.
 */
export function polynomialWidths(Ni: number, k: number): fc.Arbitrary<number> {
  const fill = Math.ceil(homogeneousDimension(Ni + 1, k) / (Ni + 1));
  return fc.oneof({ weight: 2, arbitrary: fc.integer({ min: Math.max(1, fill - 2), max: fill + 2 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: fill + 2 }) });
}

/** General polynomials of degree 2..4, full or sparse supports (some coefficients zero), at widths across the large-width bound. */
export const polynomialArb: fc.Arbitrary<RankConfig> = fc
  .record({
    Ni: fc.integer({ min: 1, max: 3 }),
    coefficients: fc.array(fc.oneof(fc.constant(0), scaleArb(-1.5, 1.5)), { minLength: 3, maxLength: 5 }),
    s: scaleArb(0.6, 1.2),
    seed: seedArb,
  })
  .filter(({ coefficients }) => coefficients[coefficients.length - 1] !== 0 && coefficients.filter((c) => c !== 0).length >= 2)
  .chain(({ Ni, coefficients, s, seed }) => polynomialWidths(Ni, coefficients.length - 1).chain((Nh) => nArb(Nh * Ni + Nh).map((N) => base({ polynomial: coefficients }, Ni, Nh, N, s, 1, seed))));

/**
 * erf, tanh (docs/theory.md: full rank) and sigmoid, softplus (derived), generic teachers, Ni ≥ 2
 * (theory/rankGenericity.ts: why Ni = 1 is left out).
 */
export const smoothRankArb: fc.Arbitrary<RankConfig> = fc
  .record({ act: fc.constantFrom('erf', 'tanh', 'sigmoid', 'softplus'), Ni: fc.integer({ min: 2, max: 5 }), Nh: fc.integer({ min: 1, max: 8 }), s: scaleArb(0.5, 1.5), seed: seedArb })
  .chain(({ act, Ni, Nh, s, seed }) => nArb(Nh * Ni + Nh).map((N) => base(act as 'erf', Ni, Nh, N, s, 1, seed)));

/** ReLU: P − Nh, on data meeting the table's condition N ≥ 8P + 40. */
export const reluRankArb: fc.Arbitrary<RankConfig> = fc
  .record({ Ni: fc.integer({ min: 1, max: 5 }), Nh: fc.integer({ min: 1, max: 6 }), extra: fc.integer({ min: 0, max: 40 }), s: scaleArb(0.5, 1.5), seed: seedArb })
  .map(({ Ni, Nh, extra, s, seed }) => base('relu', Ni, Nh, reluSamplesNeeded(Nh * Ni + Nh) + extra, s, 1, seed));

export const rankConfigArb: fc.Arbitrary<RankConfig> = fc
  .oneof(
    { weight: 3, arbitrary: monomialRankArb },
    { weight: 1, arbitrary: linearPlusQuadraticArb },
    { weight: 2, arbitrary: polynomialArb },
    { weight: 4, arbitrary: smoothRankArb },
    { weight: 2, arbitrary: reluRankArb },
  )
  .filter(isSeparated);

// ---------------------------------------------------------------- degenerate teachers

/** Every activation the table covers, as the degenerate generator draws them ('polynomial': random coefficients). */
export const DEGENERATE_ACTIVATIONS = ['identity', 'z^2', 'z^3', 'z^4', 'z^5', 'z^6', 'polynomial', 'erf', 'tanh', 'relu', 'sigmoid', 'softplus'] as const;
export type DegenerateActivation = (typeof DEGENERATE_ACTIVATIONS)[number];
/** The kinds of degeneracy; 'combined' applies two or three of the others. */
export const DEGENERACY_KINDS = ['duplicate', 'reflect', 'rescale', 'zero-output', 'combined'] as const;
export type DegeneracyKind = (typeof DEGENERACY_KINDS)[number];

/** Rescaling factors c of w_to = c·w_from: both signs, |c| far from 1 (else near-duplicates float64 cannot resolve). */
const SCALE_FACTORS = [-2.3, -1.7, -0.6, 0.6, 1.7, 2.3] as const;

type Edit = { kind: 'duplicate'; from: number; to: number } | { kind: 'reflect'; from: number; to: number } | { kind: 'rescale'; from: number; to: number; c: number } | { kind: 'zero-output'; unit: number };

const pairArb = (Nh: number) => fc.tuple(fc.integer({ min: 0, max: Nh - 1 }), fc.integer({ min: 0, max: Nh - 2 })).map(([from, t]) => ({ from, to: t >= from ? t + 1 : t }));

function editArb(kind: Exclude<DegeneracyKind, 'combined'>, Nh: number): fc.Arbitrary<Edit> {
  if (kind === 'zero-output') return fc.integer({ min: 0, max: Nh - 1 }).map((unit): Edit => ({ kind, unit }));
  if (kind === 'rescale') return fc.tuple(pairArb(Nh), fc.constantFrom(...SCALE_FACTORS)).map(([p, c]): Edit => ({ kind, ...p, c }));
  return pairArb(Nh).map((p): Edit => ({ kind, ...p }));
}

function withEdits(c: RankConfig, edits: readonly Edit[]): RankConfig {
  const out: RankConfig = { ...c };
  for (const e of edits) {
    if (e.kind === 'zero-output') out.zeroOutputWeights = [...(out.zeroOutputWeights ?? []), e.unit];
    else if (e.kind === 'duplicate') out.duplicateUnits = [...(out.duplicateUnits ?? []), [e.from, e.to]];
    else if (e.kind === 'reflect') out.reflectUnits = [...(out.reflectUnits ?? []), [e.from, e.to]];
    else out.scaleUnits = [...(out.scaleUnits ?? []), [e.from, e.to, e.c]];
  }
  return out;
}

function degenerateActivation(a: DegenerateActivation): fc.Arbitrary<ActivationSpec> {
  if (a !== 'polynomial') return fc.constant(a as ActivationSpec);
  return fc
    .array(fc.oneof(fc.constant(0), scaleArb(-1.5, 1.5)), { minLength: 3, maxLength: 4 })
    .filter((c) => c[c.length - 1] !== 0 && c.filter((v) => v !== 0).length >= 2)
    .map((c) => ({ polynomial: c }));
}

/** A degenerate teacher of `kind` for activation `act` (sizes small; N ample, or 8P + 40 + extra for ReLU). */
export function degenerateConfigArb(act: DegenerateActivation, kind: DegeneracyKind): fc.Arbitrary<RankConfig> {
  const NiMax = act === 'z^5' || act === 'z^6' ? 3 : 4;
  return fc
    .record({ Ni: fc.integer({ min: 2, max: NiMax }), Nh: fc.integer({ min: 3, max: 5 }), s: scaleArb(0.6, 1.3), seed: seedArb, activation: degenerateActivation(act), extra: fc.integer({ min: 5, max: 30 }) })
    .chain(({ Ni, Nh, s, seed, activation, extra }) => {
      const edits: fc.Arbitrary<Edit[]> =
        kind === 'combined'
          ? fc.array(fc.constantFrom('duplicate', 'reflect', 'rescale', 'zero-output') as fc.Arbitrary<Exclude<DegeneracyKind, 'combined'>>, { minLength: 2, maxLength: 3 }).chain((ks) => fc.tuple(...ks.map((k) => editArb(k, Nh))))
          : editArb(kind, Nh).map((e) => [e]);
      const P = Nh * (Ni + 1);
      const N = act === 'relu' ? reluSamplesNeeded(P) + extra : P + extra;
      return edits.map((es) => withEdits(base(activation, Ni, Nh, N, s, 1, seed), es));
    })
    .filter(isSeparated);
}

/**
 * Kind × activation drawn uniformly, plus ReLU teachers (degenerate or not) with N below the
 * table's data condition, where it must make no claim (weight ≈ 1 in 20).
 */
export const degenerateRankArb: fc.Arbitrary<RankConfig> = fc.oneof(
  { weight: 19, arbitrary: fc.tuple(fc.constantFrom(...DEGENERATE_ACTIVATIONS), fc.constantFrom(...DEGENERACY_KINDS)).chain(([a, k]) => degenerateConfigArb(a, k)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...DEGENERACY_KINDS), fc.double({ min: 0.5, max: 0.99, noNaN: true }))
      .chain(([k, f]) => degenerateConfigArb('relu', k).map((c) => ({ ...c, N: Math.max(1, Math.floor(f * reluSamplesNeeded(c.Nh * (c.Ni + 1)))) }))),
  },
);

/** The kind of degeneracy a config carries (what degenerateRankArb drew), or 'none'. */
export function degeneracyOf(c: RankConfig): DegeneracyKind | 'none' {
  const kinds = [c.duplicateUnits && 'duplicate', c.reflectUnits && 'reflect', c.scaleUnits && 'rescale', c.zeroOutputWeights && 'zero-output'].filter(Boolean);
  const edits = (c.duplicateUnits?.length ?? 0) + (c.reflectUnits?.length ?? 0) + (c.scaleUnits?.length ?? 0) + (c.zeroOutputWeights?.length ?? 0);
  if (edits === 0) return 'none';
  return edits > 1 ? 'combined' : (kinds[0] as DegeneracyKind);
}

/** The activation as the degenerate generator names it. */
export function activationName(c: RankConfig): string {
  return typeof c.activation === 'string' ? c.activation : 'polynomial';
}

/** Coverage label: the table row (activation), the degeneracy, and the N regime. */
export function rankRowLabel(c: RankConfig): string {
  const deg = degeneracyOf(c);
  const P = c.Nh * c.Ni + c.Nh;
  const regime = c.activation === 'relu' ? (c.N < reluSamplesNeeded(P) ? ' (N < 8P + 40)' : '') : c.N < P ? ' (N-capped)' : '';
  return `${activationName(c)}${deg === 'none' ? '' : ` +${deg}`}${regime}`;
}
