/**
 * Configurations, as read from JSON. Three shapes:
 *
 *  - explicit two-layer: {"family": "two-layer", "activation", "W": Nh×Ni, "a": Nh,
 *    "X": N×Ni, "student"?: {"W", "a"}}
 *  - explicit deep linear: {"family": "deep-linear", "layers": [W1, …, WL], "X",
 *    "student"?: {"layers"}}; W_L must have one row.
 *  - generated: {"family", "activation" (two-layer), "Ni", "Nh", "N", "seed",
 *    "sigma1", "sigma2", "whiten", "depth" (deep linear, default 2),
 *    "studentOffset" (default 0: evaluate at the optimum)}.
 *
 * sigma1 and sigma2 are STANDARD DEVIATIONS: W_jk ~ N(0, sigma1²), a_j ~ N(0, sigma2²)
 * (docs/theory.md#setting). For deep linear nets every layer but the last draws from sigma1 and
 * the last from sigma2. Inputs are N(0, I); `whiten` transforms them so that XᵀX/N = I
 * exactly (needs N ≥ Ni). `studentOffset` ε puts the student at θ* + ε·u with u a seeded
 * unit direction, so residuals are nonzero. `zeroOutputWeights`, `duplicateUnits`, `reflectUnits` and
 * `scaleUnits` make the degenerate teachers of docs/theory.md#c3 reproducible from a generated config.
 */
import type { ActivationSpec } from '../nets/activationSpec.js';

export type Rows = number[][];

export interface ExplicitTwoLayerConfig {
  family: 'two-layer';
  activation: ActivationSpec;
  W: Rows;
  a: number[];
  X: Rows;
  student?: { W: Rows; a: number[] };
}

export interface ExplicitDeepLinearConfig {
  family: 'deep-linear';
  layers: Rows[];
  X: Rows;
  student?: { layers: Rows[] };
}

export interface GeneratedConfig {
  family: 'two-layer' | 'deep-linear';
  activation?: ActivationSpec;
  Ni: number;
  Nh: number;
  N: number;
  seed: number;
  sigma1?: number;
  sigma2?: number;
  whiten?: boolean;
  depth?: number;
  studentOffset?: number;
  /** Degenerate teachers (two-layer): these output weights a_j are set to 0. */
  zeroOutputWeights?: number[];
  /** Degenerate teachers (two-layer): for each [from, to], hidden unit `to` gets w_from (a_to is kept). */
  duplicateUnits?: [number, number][];
  /** Degenerate teachers (two-layer): for each [from, to], hidden unit `to` gets −w_from (a_to is kept). */
  reflectUnits?: [number, number][];
  /** Degenerate teachers (two-layer): for each [from, to, c], hidden unit `to` gets c·w_from, c ≠ 0 (a_to is kept). */
  scaleUnits?: [number, number, number][];
}

export type Config = ExplicitTwoLayerConfig | ExplicitDeepLinearConfig | GeneratedConfig;

/** Defaults filled in one place (docs/theory.md#setting). */
export const GENERATED_DEFAULTS = {
  sigma1: 1,
  sigma2: 1,
  whiten: false,
  depth: 2,
  studentOffset: 0,
} as const;
