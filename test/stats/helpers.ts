/**
 * Shared assertion and sampling helpers for test/stats.
 *
 * Tolerances are expressed as k·EPS·|expected| (ULP-like budgets) per region; a failure prints
 * the inputs, the error and the bound. Random draws come from the suite's one generator.
 */
import { expect } from 'vitest';
import { Rng } from '../../src/rng/rng.js';

export const EPS = Number.EPSILON;

export function relErr(got: number, expected: number): number {
  if (got === expected) return 0;
  if (expected === 0) return Math.abs(got);
  return Math.abs(got - expected) / Math.abs(expected);
}

/** Asserts |got − expected| ≤ tol·|expected| (relative), printing the context on failure. */
export function expectRel(got: number, expected: number, tol: number, context: unknown): void {
  const err = relErr(got, expected);
  if (!(err <= tol)) {
    expect.fail(`relative error ${err.toExponential(3)} > bound ${tol.toExponential(3)}; got ${got}, expected ${expected}; ${JSON.stringify(context)}`);
  }
}

/** Asserts |got − expected| ≤ tol (absolute). */
export function expectAbs(got: number, expected: number, tol: number, context: unknown): void {
  const err = Math.abs(got - expected);
  if (!(err <= tol)) {
    expect.fail(`absolute error ${err.toExponential(3)} > bound ${tol.toExponential(3)}; got ${got}, expected ${expected}; ${JSON.stringify(context)}`);
  }
}

/** Tracks the worst relative error per named region, for the accuracy summary printed by tests. */
export class ErrorTable {
  private readonly worst = new Map<string, { err: number; at: unknown }>();
  record(region: string, err: number, at: unknown): void {
    const cur = this.worst.get(region);
    if (!cur || err > cur.err) this.worst.set(region, { err, at });
  }
  summary(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of [...this.worst.entries()].sort()) out[k] = v.err.toExponential(2);
    return out;
  }
  max(): number {
    let m = 0;
    for (const v of this.worst.values()) m = Math.max(m, v.err);
    return m;
  }
}

/** Seeded draws for Monte Carlo tests, from the suite's one generator (src/rng). */
export class TestRng {
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = Rng.fromSeed(seed);
  }

  /** Uniform on the open interval (0, 1) (offset by half a step so log(u) is finite). */
  uniform(): number {
    return this.rng.uniform() + 2 ** -54;
  }

  normal(): number {
    return this.rng.normal();
  }

  /** s·χ²(k) for integer k, as a sum of k squared normals. */
  chiSquared(k: number, s = 1): number {
    let acc = 0;
    for (let i = 0; i < k; i++) {
      const z = this.rng.normal();
      acc += z * z;
    }
    return s * acc;
  }
}
