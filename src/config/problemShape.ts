/**
 * The sizes of the problem a parsed configuration describes — read from the configuration
 * alone, before anything is drawn or built, so that every route's memory and time can be
 * checked first (./routeCost.ts).
 *
 * Generated forms give the sizes; explicit forms give arrays whose lengths are the sizes (the
 * file was already read within the memory budget). `atOptimum` is what buildProblem will find:
 * generated — no studentOffset; explicit — no student, or a student equal to the teacher.
 */
import type { TeacherStudentConfig } from '../formats/config/parseConfig.js';
import { GENERATED_DEFAULTS } from './types.js';

export interface ProblemShape {
  readonly family: 'two-layer' | 'deep-linear';
  readonly Ni: number;
  /** Hidden width (two-layer), or the width of every hidden layer of a generated deep net (explicit: the widest). */
  readonly Nh: number;
  readonly N: number;
  /** Layer widths [Ni, …, 1]. */
  readonly widths: readonly number[];
  readonly P: number;
  readonly atOptimum: boolean;
  readonly generated: boolean;
  readonly whiten: boolean;
}

function sameArrays(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Σ_l n_l·n_{l−1}; a two-layer net (W: Nh×Ni, a: Nh) is the case widths = [Ni, Nh, 1]. */
function paramCount(widths: readonly number[]): number {
  let P = 0;
  for (let l = 1; l < widths.length; l++) P += widths[l] * widths[l - 1];
  return P;
}

export function problemShape(c: TeacherStudentConfig): ProblemShape {
  if ('Ni' in c) {
    const depth = c.family === 'deep-linear' ? (('depth' in c ? c.depth : undefined) ?? GENERATED_DEFAULTS.depth) : 2;
    const widths = [c.Ni, ...new Array<number>(depth - 1).fill(c.Nh), 1];
    return {
      family: c.family,
      Ni: c.Ni,
      Nh: c.Nh,
      N: c.N,
      widths,
      P: paramCount(widths),
      atOptimum: (c.studentOffset ?? GENERATED_DEFAULTS.studentOffset) === 0,
      generated: true,
      whiten: c.whiten ?? GENERATED_DEFAULTS.whiten,
    };
  }
  if (c.family === 'two-layer') {
    const Nh = c.W.length;
    const Ni = c.W[0].length;
    const widths = [Ni, Nh, 1];
    const atOptimum = !c.student || (sameArrays(c.student.W, c.W) && sameArrays(c.student.a, c.a));
    return { family: 'two-layer', Ni, Nh, N: c.X.length, widths, P: paramCount(widths), atOptimum, generated: false, whiten: false };
  }
  const widths = [c.layers[0][0].length, ...c.layers.map((m) => m.length)];
  const atOptimum = !c.student || sameArrays(c.student.layers, c.layers);
  return { family: 'deep-linear', Ni: widths[0], Nh: Math.max(...widths.slice(1, -1), 1), N: c.X.length, widths, P: paramCount(widths), atOptimum, generated: false, whiten: false };
}
