/**
 * What the linear-network properties (C2a–c) share: the drawn net as evidence records it, the
 * top eigenvalues largest first, and the largest entrywise difference of two spectra.
 */
import type { TeacherStudentProblem } from '../../src/config/buildProblem.js';
import { GENERATED_DEFAULTS, type GeneratedConfig } from '../../src/config/types.js';

/** The evidence fields naming the net (properties/evidence/linearNet.ts LinearNetFields). */
export function linearNetEvidence(config: GeneratedConfig, p: TeacherStudentProblem) {
  return {
    family: config.family,
    depth: config.family === 'deep-linear' ? (config.depth ?? GENERATED_DEFAULTS.depth) : null,
    Ni: p.Ni,
    Nh: config.Nh,
    N: p.N,
    P: p.model.P,
  };
}

/** The k largest of ascending values, ascending (as the spectra are compared). */
export function top(ascending: Float64Array, k: number): Float64Array {
  return ascending.slice(ascending.length - k);
}

/** The k largest of ascending values, largest first (as evidence records them). */
export function largestFirst(ascending: Float64Array, k: number): number[] {
  return Array.from(top(ascending, k)).reverse();
}

export function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) throw new Error(`maxAbsDiff: spectra of lengths ${a.length} and ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
