/**
 * Activations as the engine sees them: value, first and second derivative, and
 * (for polynomials) the coefficients, which the rank theory needs.
 */
import { erf } from '../stats/erfc.js';
import { ConfigError } from '../config/configError.js';
import { MONOMIAL_DEGREES, NAMED_ACTIVATIONS, activationLabel, type ActivationSpec } from './activationSpec.js';

export interface Activation {
  readonly label: string;
  readonly spec: ActivationSpec;
  g(z: number): number;
  d1(z: number): number;
  d2(z: number): number;
  /** Coefficients c_0..c_k of g(z) = Σ c_d z^d when g is a polynomial (identity and z^k included); else null. */
  readonly polynomial: readonly number[] | null;
}

const TWO_OVER_SQRT_PI = 1.1283791670955126;

/** Logistic function without overflow for large |z|. */
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function named(label: string, spec: ActivationSpec, g: (z: number) => number, d1: (z: number) => number, d2: (z: number) => number): Activation {
  return { label, spec, g, d1, d2, polynomial: null };
}

/** g(z) = Σ c_d z^d evaluated with Horner's rule, with derivatives by the same recurrence. */
function polynomialActivation(spec: ActivationSpec, coefficients: readonly number[]): Activation {
  const c = coefficients.slice();
  const k = c.length - 1;
  const dc = c.slice(1).map((v, i) => v * (i + 1));
  const ddc = dc.slice(1).map((v, i) => v * (i + 1));
  const horner = (coef: readonly number[], z: number) => {
    let s = 0;
    for (let i = coef.length - 1; i >= 0; i--) s = s * z + coef[i];
    return s;
  };
  return {
    label: activationLabel(spec),
    spec,
    g: (z) => horner(c, z),
    d1: (z) => (k >= 1 ? horner(dc, z) : 0),
    d2: (z) => (k >= 2 ? horner(ddc, z) : 0),
    polynomial: c,
  };
}

/**
 * Resolves a configuration's activation spec; throws naming `field` for anything unknown.
 */
export function resolveActivation(spec: unknown, field = 'activation'): Activation {
  if (typeof spec === 'string') {
    switch (spec) {
      case 'identity':
      case 'linear':
        return polynomialActivation('identity', [0, 1]);
      case 'erf':
        return named('erf', spec, erf, (z) => TWO_OVER_SQRT_PI * Math.exp(-z * z), (z) => -2 * z * TWO_OVER_SQRT_PI * Math.exp(-z * z));
      case 'tanh':
        return named('tanh', spec, Math.tanh, (z) => 1 - Math.tanh(z) ** 2, (z) => {
          const t = Math.tanh(z);
          return -2 * t * (1 - t * t);
        });
      case 'relu':
        // The second derivative is 0 away from the kink, which random data never hits.
        return named('relu', spec, (z) => (z > 0 ? z : 0), (z) => (z > 0 ? 1 : 0), () => 0);
      case 'sigmoid':
        return named('sigmoid', spec, sigmoid, (z) => {
          const s = sigmoid(z);
          return s * (1 - s);
        }, (z) => {
          const s = sigmoid(z);
          return s * (1 - s) * (1 - 2 * s);
        });
      case 'softplus':
        return named('softplus', spec, (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))), sigmoid, (z) => {
          const s = sigmoid(z);
          return s * (1 - s);
        });
    }
    const m = /^z\^(\d+)$/.exec(spec);
    if (m) {
      const k = Number(m[1]);
      if (!(MONOMIAL_DEGREES as readonly number[]).includes(k)) {
        throw new ConfigError(field, `monomial degree ${k} is not supported`, 'use z^2 … z^6, or {"polynomial": [c0, ..., ck]}');
      }
      const c = new Array<number>(k + 1).fill(0);
      c[k] = 1;
      return polynomialActivation(spec as ActivationSpec, c);
    }
  } else if (spec !== null && typeof spec === 'object' && 'polynomial' in spec) {
    const c = (spec as { polynomial: unknown }).polynomial;
    if (!Array.isArray(c) || c.length < 2 || !c.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new ConfigError(`${field}.polynomial`, 'must be an array of at least 2 finite numbers', 'give [c0, c1, ...] with g(z) = Σ c_d z^d');
    }
    if (c[c.length - 1] === 0) throw new ConfigError(`${field}.polynomial`, 'the leading coefficient is 0', 'drop trailing zeros');
    return polynomialActivation({ polynomial: c.slice() }, c);
  }
  throw new ConfigError(
    field,
    `unknown activation ${JSON.stringify(spec)}`,
    `use one of ${NAMED_ACTIVATIONS.map((s) => `"${s}"`).join(', ')}, "z^2" … "z^6", or {"polynomial": [c0, c1, ...]}`,
  );
}
