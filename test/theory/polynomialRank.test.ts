/**
 * theory/polynomialRank.ts against the exact rank over F_p of the tangent space
 * (./support/tangentRankModP.ts: integer weights, no float64, no formula), row by row, AT and
 * ACROSS every boundary of each row's region, and where the table must make no claim:
 *  - full polynomials (c_d ≠ 0 for d = 0..k) at every width up to past filling, AH exceptions in
 *    Ni + 1 variables included;
 *  - c₀ + c_k z^k and c₁z + c₂z² (Nh ≤ Ni, and across Nh = Ni);
 *  - sparse supports: the cap claimed from polynomialCapWidth on, and NO claim one unit below it,
 *    where a full polynomial of the same degree provably misses its cap (so a claim there would
 *    be a guess that is wrong for some support);
 *  - monomials on degenerate teachers: duplicated, reflected, rescaled units and zero output
 *    weights, and combinations, against the brute force with the same structure.
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../src/linalg/matrix.js';
import { polynomialCap, polynomialCapWidth, polynomialDimension, support, type DimensionClaim } from '../../theory/polynomialRank.js';
import { unitClasses } from '../../theory/unitClasses.js';
import { homogeneousDimension, monomialRank } from '../../theory/waringRank.js';
import { genericTangentRank, rational, type ModPUnit } from './support/tangentRankModP.js';

/** A teacher's structure: units on lines (directions), each with a rational scale p/q and an activity. */
interface UnitSpec {
  readonly line: number;
  readonly scale: readonly [number, number];
  readonly active: boolean;
}

const generic = (Nh: number, active = true): UnitSpec[] => Array.from({ length: Nh }, (_, j) => ({ line: j, scale: [1, 1] as const, active }));

/** A float64 W with this structure (line directions from a fixed irrational sequence) and its a. */
function floatTeacher(Ni: number, units: readonly UnitSpec[]): { W: Matrix; a: Float64Array } {
  const dir = (l: number) => Array.from({ length: Ni }, (_, i) => Math.sin(1.7 + 2.3 * l + 0.9 * i * (l + 1)) + 0.1 * i);
  const W: Matrix = { rows: units.length, cols: Ni, data: new Float64Array(units.length * Ni) };
  units.forEach((u, j) => dir(u.line).forEach((v, i) => (W.data[j * Ni + i] = (u.scale[0] / u.scale[1]) * v)));
  return { W, a: Float64Array.from(units, (u) => (u.active ? 1 + 0.1 * u.line : 0)) };
}

function claimFor(coefficients: readonly number[], Ni: number, units: readonly UnitSpec[]): DimensionClaim {
  const { W, a } = floatTeacher(Ni, units);
  return polynomialDimension(coefficients, Ni, units.length, unitClasses(W, a), a);
}

/** The F_p rank of the same structure, expecting `expected` (draws stop when reached). */
function brute(coefficients: readonly number[], Ni: number, units: readonly UnitSpec[], expected: number, seed: number): number {
  const make = (next: () => number): ModPUnit[] => {
    const lines = new Map<number, number[]>();
    return units.map((u) => {
      if (!lines.has(u.line)) lines.set(u.line, Array.from({ length: Ni }, next));
      const s = rational(u.scale[0], u.scale[1]);
      return { w: lines.get(u.line)!.map((v) => (v * s) % 16777213), active: u.active };
    });
  };
  // The test's coefficients are small integers, as residues.
  return genericTangentRank(coefficients, make, expected, seed);
}

const dOf = (c: DimensionClaim): number => {
  if ('reason' in c) throw new Error(`expected a claim, got no claim: ${c.reason}`);
  return c.d;
};

describe('full polynomials (every c_d ≠ 0): W(Ni + 1, Nh, k) at every width', () => {
  it('matches the F_p rank for Ni ≤ 3, k ≤ 4, Nh from 1 to past filling, incl. the AH exception Ni = 2, quartic, Nh = 5', () => {
    const bad: string[] = [];
    for (let Ni = 1; Ni <= 3; Ni++) {
      for (let k = 1; k <= 4; k++) {
        const coefficients = Array.from({ length: k + 1 }, (_, d) => d + 2);
        for (let Nh = 1; Nh <= polynomialCapWidth(Ni, k) + 1; Nh++) {
          const d = dOf(claimFor(coefficients, Ni, generic(Nh)));
          const b = brute(coefficients, Ni, generic(Nh), d, Ni * 100 + k * 10 + Nh);
          if (b !== d) bad.push(`Ni = ${Ni}, k = ${k}, Nh = ${Nh}: brute ${b}, claimed ${d}`);
        }
      }
    }
    expect(bad).toEqual([]);
    // The AH exception in Ni + 1 = 3 variables: 14 of the cap 15, although P = 15.
    expect(dOf(claimFor([1, 1, 1, 1, 1], 2, generic(5)))).toBe(14);
    expect(polynomialCap(2, [0, 1, 2, 3, 4])).toBe(15);
  });
  it('Ni = 1: distinct w’s are generic (Hermite), so reflected and rescaled units keep the count; equal ones give no claim', () => {
    for (const k of [2, 3, 5]) {
      const coefficients = Array.from({ length: k + 1 }, (_, d) => d + 2);
      const units: UnitSpec[] = [{ line: 0, scale: [1, 1], active: true }, { line: 0, scale: [-1, 1], active: true }, { line: 0, scale: [5, 2], active: true }];
      const d = dOf(claimFor(coefficients, 1, units));
      expect(d).toBe(monomialRank(2, 3, k));
      expect(brute(coefficients, 1, units, d, k)).toBe(d);
      expect('reason' in claimFor(coefficients, 1, [...units, { line: 0, scale: [5, 2], active: true }])).toBe(true);
    }
  });
});

describe('two-term supports with a closed form', () => {
  it('c₀ + c_k z^k = 1 + W(Ni, Nh, k), across the filling width', () => {
    for (const [Ni, k] of [[2, 3], [3, 2], [3, 4], [2, 5]] as const) {
      const coefficients = [3, ...new Array<number>(k - 1).fill(0), 2];
      for (let Nh = 1; Nh <= Math.ceil(homogeneousDimension(Ni, k) / Ni) + 2; Nh++) {
        const d = dOf(claimFor(coefficients, Ni, generic(Nh)));
        expect(d).toBe(1 + monomialRank(Ni, Nh, k));
        expect(brute(coefficients, Ni, generic(Nh), d, Nh)).toBe(d);
      }
    }
  });
  it('c₁z + c₂z² = Nh(Ni+1) − Nh(Nh−1)/2 up to Nh = Ni, then the cap (across Nh = Ni, Ni + 1)', () => {
    for (let Ni = 1; Ni <= 4; Ni++) {
      for (let Nh = 1; Nh <= Ni + 2; Nh++) {
        const d = dOf(claimFor([0, 2, 3], Ni, generic(Nh)));
        expect(d).toBe(Nh <= Ni ? Nh * (Ni + 1) - (Nh * (Nh - 1)) / 2 : polynomialCap(Ni, [1, 2]));
        expect(brute([0, 2, 3], Ni, generic(Nh), d, Ni * 10 + Nh)).toBe(d);
      }
    }
  });
});

describe('the large-width bound itself, by brute force', () => {
  it('polynomialCapWidth(Ni, k) is the first width at which a full degree-k polynomial fills all C(Ni+k, k) dimensions (F_p search, not the formula)', () => {
    for (let Ni = 1; Ni <= 3; Ni++) {
      for (let k = 2; k <= 4; k++) {
        const full = Array.from({ length: k + 1 }, (_, d) => d + 1);
        const cap = polynomialCap(Ni, support(full));
        let first = 1;
        while (brute(full, Ni, generic(first), cap, 40 + first) < cap) first++;
        expect(polynomialCapWidth(Ni, k), `Ni = ${Ni}, k = ${k}`).toBe(first);
      }
    }
  });
});

describe('sparse supports: the cap from polynomialCapWidth on, no claim below', () => {
  const supports: Array<[number, number[]]> = [
    [2, [0, 2, 0, 3]],
    [2, [0, 1, 0, 0, 2]],
    [3, [0, 3, 0, 2]],
    [2, [1, 0, 2, 0, 3]],
    [3, [0, 0, 2, 3]],
    [2, [0, 2, 0, 0, 0, 3]],
  ];
  for (const [Ni, coefficients] of supports) {
    const D = support(coefficients);
    const k = D[D.length - 1];
    const width = polynomialCapWidth(Ni, k);
    it(`Ni = ${Ni}, degrees {${D.join(', ')}}: cap ${polynomialCap(Ni, D)} at Nh = ${width}, ${width + 1}; no claim at ${width - 1}`, () => {
      for (const Nh of [width, width + 1]) {
        const d = dOf(claimFor(coefficients, Ni, generic(Nh)));
        expect(d).toBe(polynomialCap(Ni, D));
        expect(brute(coefficients, Ni, generic(Nh), d, Nh)).toBe(d);
      }
      const below = claimFor(coefficients, Ni, generic(width - 1));
      expect('reason' in below).toBe(true);
      // The boundary is not arbitrary: one unit below it, the full polynomial of the same degree misses its cap.
      const full = Array.from({ length: k + 1 }, (_, d) => d + 1);
      const fullBelow = brute(full, Ni, generic(width - 1), polynomialCap(Ni, support(full)), 5);
      expect(fullBelow).toBeLessThan(polynomialCap(Ni, support(full)));
    });
  }
  it('degenerate teachers with a non-monomial polynomial: no claim', () => {
    const dup: UnitSpec[] = [...generic(3), { line: 0, scale: [1, 1], active: true }];
    const zero: UnitSpec[] = [...generic(3), { line: 3, scale: [1, 1], active: false }];
    const rescaled: UnitSpec[] = [...generic(3), { line: 1, scale: [3, 2], active: true }];
    for (const units of [dup, zero, rescaled]) expect('reason' in claimFor([1, 2, 3], 2, units)).toBe(true);
  });
});

describe('monomials on degenerate teachers: min(C(Ni+k−1, k), W(Ni, s_a, k) + s_0) over distinct lines', () => {
  const kinds: Record<string, (Nh: number) => UnitSpec[]> = {
    duplicated: (Nh) => [...generic(Nh - 1), { line: 0, scale: [1, 1], active: true }],
    reflected: (Nh) => [...generic(Nh - 1), { line: 0, scale: [-1, 1], active: true }],
    rescaled: (Nh) => [...generic(Nh - 1), { line: 1 % (Nh - 1), scale: [-5, 3], active: true }],
    'zero output': (Nh) => generic(Nh).map((u, j) => (j === 0 ? { ...u, active: false } : u)),
    'all zero output': (Nh) => generic(Nh, false),
    'reflected + zero output': (Nh) => [...generic(Nh - 1).map((u, j) => (j === 0 ? { ...u, active: false } : u)), { line: 0, scale: [-1, 1], active: false }],
    'rescaled + duplicated + zero output': (Nh) => [...generic(Nh - 2), { line: 0, scale: [2, 1], active: false }, { line: 0, scale: [1, 1], active: true }],
  };
  for (const [kind, make] of Object.entries(kinds)) {
    it(kind, () => {
      const bad: string[] = [];
      for (const k of [1, 2, 3, 4, 6]) {
        for (const Ni of [1, 2, 3]) {
          for (const Nh of [2, 3, 5, 8]) {
            if (homogeneousDimension(Ni, k) > 84) continue;
            const coefficients = [...new Array<number>(k).fill(0), 3];
            const units = make(Nh);
            const d = dOf(claimFor(coefficients, Ni, units));
            const b = brute(coefficients, Ni, units, d, k * 1000 + Ni * 100 + Nh);
            if (b !== d) bad.push(`k = ${k}, Ni = ${Ni}, Nh = ${Nh}: brute ${b}, claimed ${d}`);
          }
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
