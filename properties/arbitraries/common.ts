/**
 * Building blocks for configuration arbitraries. Values are JSON-friendly (scales in
 * hundredths) so a printed counterexample is a config the CLI accepts as it is.
 */
import * as fc from 'fast-check';

/** A generator seed for the suite's own Rng (teacher, data, directions). */
export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** A scale in [lo, hi] rounded to hundredths. */
export function scaleArb(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.integer({ min: Math.round(lo * 100), max: Math.round(hi * 100) }).map((k) => k / 100);
}

/** Standard deviation σ1 = s/√Ni keeps pre-activations w·x of order s whatever Ni (high powers stay conditioned). */
export function sigma1For(Ni: number, s: number): number {
  return Math.round((s / Math.sqrt(Ni)) * 1000) / 1000;
}
