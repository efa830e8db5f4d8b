/**
 * Configurations for C3 (rank = effective number of parameters), one arbitrary per row
 * of theory.md's table, combined with fc.oneof so every row is drawn. Sizes stay small
 * (P ≤ ~90) so each case's SVD takes milliseconds.
 */
import * as fc from 'fast-check';
import type { GeneratedConfig } from '../../src/config/types.js';
import { buildProblem } from '../../src/config/buildProblem.js';
import type { Matrix } from '../../src/linalg/matrix.js';
import {
  ALEXANDER_HIRSCHOWITZ_EXCEPTIONS,
  RELU_MIN_SEPARATION,
  RELU_SAMPLES_PER_PARAMETER,
  SMOOTH_MIN_SEPARATION,
  unitSeparation,
  homogeneousDimension,
  monomialRank,
  reluSeparation,
} from '../../theory/rankTable.js';
import { scaleArb, seedArb, sigma1For } from './common.js';

export type RankConfig = GeneratedConfig & { family: 'two-layer' };

/** N either ample (N ≥ P, the rank is the function-space dimension) or capping (N < P). */
const nArb = (P: number) => fc.oneof({ weight: 3, arbitrary: fc.integer({ min: P, max: P + 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: Math.max(1, P - 1) }) });

function base(activation: GeneratedConfig['activation'], Ni: number, Nh: number, N: number, s: number, sigma2: number, seed: number): RankConfig {
  return { family: 'two-layer', activation, Ni, Nh, N, seed, sigma1: sigma1For(Ni, s), sigma2 };
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

/** The four Alexander–Hirschowitz exceptions, where the naive count is one too high. */
export const alexanderHirschowitzArb: fc.Arbitrary<RankConfig> = fc
  .record({ which: fc.integer({ min: 0, max: ALEXANDER_HIRSCHOWITZ_EXCEPTIONS.length - 1 }), extra: fc.integer({ min: 5, max: 30 }), s: scaleArb(0.7, 1.2), seed: seedArb })
  .map(({ which, extra, s, seed }) => {
    const [Ni, k, Nh] = ALEXANDER_HIRSCHOWITZ_EXCEPTIONS[which];
    return base(`z^${k}` as `z^${number}`, Ni, Nh, homogeneousDimension(Ni, k) + extra, s, 1, seed);
  });

/** c1·z + c2·z² with Nh ≤ Ni (theory.md's closed form). */
export const linearPlusQuadraticArb: fc.Arbitrary<RankConfig> = fc
  .record({ Ni: fc.integer({ min: 1, max: 5 }), c1: scaleArb(0.3, 2), c2: scaleArb(-2, 2).filter((c) => c !== 0), s: scaleArb(0.6, 1.4), seed: seedArb, u: fc.double({ min: 0, max: 1, noNaN: true }) })
  .chain(({ Ni, c1, c2, s, seed, u }) => {
    const Nh = 1 + Math.floor(u * Ni * 0.999);
    return nArb(Nh * Ni + Nh).map((N) => base({ polynomial: [0, c1, c2] }, Ni, Nh, N, s, 1, seed));
  });

/** Smallest width at which theory/rankTable.ts predicts the polynomial cap (every part filled, one unit spare). */
export function polynomialLargeWidth(Ni: number, support: number[]): number {
  const cap = support.reduce((s, d) => s + (d === 0 ? 1 : homogeneousDimension(Ni, d)), 0);
  for (let Nh = 2; ; Nh++) {
    const filled = support.every((d) => d < 2 || monomialRank(Ni, Nh - 1, d) === homogeneousDimension(Ni, d));
    if (filled && Nh * (Ni + 1) >= cap + Ni + 1) return Nh;
  }
}

/** General polynomials of degree 2..4 (some coefficients zero) at widths where the cap is reached. */
export const polynomialCapArb: fc.Arbitrary<RankConfig> = fc
  .record({
    Ni: fc.integer({ min: 1, max: 3 }),
    coefficients: fc.array(fc.oneof(fc.constant(0), scaleArb(-1.5, 1.5)), { minLength: 3, maxLength: 5 }),
    extra: fc.integer({ min: 0, max: 2 }),
    s: scaleArb(0.6, 1.2),
    seed: seedArb,
  })
  .filter(({ coefficients }) => coefficients[coefficients.length - 1] !== 0 && coefficients.filter((c) => c !== 0).length >= 2)
  .chain(({ Ni, coefficients, extra, s, seed }) => {
    const support = coefficients.map((c, d) => (c !== 0 ? d : -1)).filter((d) => d >= 0);
    const Nh = polynomialLargeWidth(Ni, support) + extra;
    return nArb(Nh * Ni + Nh).map((N) => base({ polynomial: coefficients }, Ni, Nh, N, s, 1, seed));
  });

type Degeneracy = { kind: 'none' } | { kind: 'zero-output'; units: number[] } | { kind: 'duplicate'; from: number; to: number };

const degeneracyArb = (Nh: number): fc.Arbitrary<Degeneracy> =>
  Nh < 2
    ? fc.constant({ kind: 'none' as const })
    : fc.oneof(
        { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
        { weight: 1, arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: Nh - 1 }), { minLength: 1, maxLength: Math.min(2, Nh - 1) }).map((units) => ({ kind: 'zero-output' as const, units })) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.integer({ min: 0, max: Nh - 1 }), fc.integer({ min: 0, max: Nh - 2 }))
            .map(([from, t]) => ({ kind: 'duplicate' as const, from, to: t >= from ? t + 1 : t })),
        },
      );

function withDegeneracy(c: RankConfig, d: Degeneracy): RankConfig {
  if (d.kind === 'zero-output') return { ...c, zeroOutputWeights: d.units };
  if (d.kind === 'duplicate') return { ...c, duplicateUnits: [[d.from, d.to]] };
  return c;
}

/**
 * erf, tanh (theory.md: full rank) and sigmoid, softplus (derived), with degenerate teachers,
 * on separated teachers with Ni ≥ 2 (theory/rankTable.ts: unitSeparation, and why Ni = 1 is left out).
 */
export const smoothRankArb: fc.Arbitrary<RankConfig> = fc
  .record({ act: fc.constantFrom('erf', 'tanh', 'sigmoid', 'softplus'), Ni: fc.integer({ min: 2, max: 5 }), Nh: fc.integer({ min: 1, max: 8 }), s: scaleArb(0.5, 1.5), seed: seedArb })
  .chain(({ act, Ni, Nh, s, seed }) =>
    fc.tuple(nArb(Nh * Ni + Nh), degeneracyArb(Nh)).map(([N, d]) => withDegeneracy(base(act as 'erf', Ni, Nh, N, s, 1, seed), d)),
  )
  .filter((c) => unitSeparation((buildProblem(c).teacherWeights as { W: Matrix }).W, c.activation === 'erf' || c.activation === 'tanh') >= SMOOTH_MIN_SEPARATION);

/**
 * ReLU: P − Nh, on data large enough for every wedge between units (theory/rankTable.ts:
 * N ≥ 8P + 40 and units separated by ≥ 0.3 rad; Ni = 1 has no wedges, only signs).
 */
export const reluRankArb: fc.Arbitrary<RankConfig> = fc
  .record({ Ni: fc.integer({ min: 1, max: 5 }), Nh: fc.integer({ min: 1, max: 6 }), extra: fc.integer({ min: 40, max: 80 }), s: scaleArb(0.5, 1.5), seed: seedArb })
  .chain(({ Ni, Nh, extra, s, seed }) =>
    degeneracyArb(Nh).map((d) => withDegeneracy(base('relu', Ni, Nh, RELU_SAMPLES_PER_PARAMETER * (Nh * Ni + Nh) + extra, s, 1, seed), d)),
  )
  .filter((c) => c.Ni === 1 || reluSeparation((buildProblem(c).teacherWeights as { W: Matrix }).W) >= RELU_MIN_SEPARATION);

/**
 * Near-parallel units make "generic" unresolvable in float64 for polynomials too (seen: z³,
 * (Ni, Nh, N) = (2, 2, 6), σ_r = 1.9e-12 with gap 6e4): polynomial rows use separated teachers
 * (sign ignored for monomials, whose span is the same for ±w).
 */
function separated(c: RankConfig): boolean {
  const monomial = typeof c.activation === 'string';
  return unitSeparation((buildProblem(c).teacherWeights as { W: Matrix }).W, monomial) >= SMOOTH_MIN_SEPARATION;
}

export const rankConfigArb: fc.Arbitrary<RankConfig> = fc.oneof(
  { weight: 3, arbitrary: monomialRankArb.filter(separated) },
  { weight: 1, arbitrary: linearPlusQuadraticArb.filter(separated) },
  { weight: 1, arbitrary: polynomialCapArb.filter(separated) },
  { weight: 4, arbitrary: smoothRankArb },
  { weight: 2, arbitrary: reluRankArb },
);

/** Coverage label: which row of the table a config exercises. */
export function rankRowLabel(c: RankConfig): string {
  const act = typeof c.activation === 'string' ? c.activation : 'polynomial';
  const deg = c.zeroOutputWeights ? '+zero-a' : c.duplicateUnits ? '+duplicate' : '';
  return `${act}${deg}${c.N < c.Nh * c.Ni + c.Nh ? ' (N-capped)' : ''}`;
}
