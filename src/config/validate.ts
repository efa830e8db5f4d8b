/**
 * Field validators for configurations read from JSON. Each throws a ConfigError naming
 * the field (with its JSON path) and the fix; none returns NaN or a partial value.
 */
import { ConfigError } from './configError.js';
import { fromRows, type Matrix } from '../linalg/matrix.js';

export function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(field, `must be a JSON object, got ${describe(value)}`, 'see README "Configurations"');
  }
  return value as Record<string, unknown>;
}

export function requireInteger(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) throw new ConfigError(field, 'is missing', `give an integer ≥ ${min}`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(field, `must be an integer in [${min}, ${max}], got ${describe(value)}`, `give an integer ≥ ${min}`);
  }
  return value;
}

export function optionalNumber(value: unknown, field: string, fallback: number, min = -Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new ConfigError(field, `must be a finite number ≥ ${min}, got ${describe(value)}`, `omit it for the default ${fallback}`);
  }
  return value;
}

export function optionalBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ConfigError(field, `must be true or false, got ${describe(value)}`, `omit it for the default ${fallback}`);
  return value;
}

/** A vector of finite numbers, with an optional required length. */
export function requireVector(value: unknown, field: string, length?: number): Float64Array {
  if (!Array.isArray(value)) throw new ConfigError(field, `must be an array of numbers, got ${describe(value)}`, 'give a JSON array of finite numbers');
  if (length !== undefined && value.length !== length) {
    throw new ConfigError(field, `has ${value.length} entries, expected ${length}`, `give exactly ${length} numbers`);
  }
  if (value.length === 0) throw new ConfigError(field, 'is empty', 'give at least one number');
  value.forEach((v, i) => requireFinite(v, `${field}[${i}]`));
  return Float64Array.from(value as number[]);
}

/** A rows×cols matrix as an array of rows of finite numbers. */
export function requireMatrix(value: unknown, field: string, rows?: number, cols?: number): Matrix {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ConfigError(field, `must be a non-empty array of rows, got ${describe(value)}`, 'give a JSON array of equal-length arrays of numbers');
  }
  if (rows !== undefined && value.length !== rows) {
    throw new ConfigError(field, `has ${value.length} rows, expected ${rows}`, `give ${rows} rows`);
  }
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  value.forEach((row, i) => {
    if (!Array.isArray(row)) throw new ConfigError(`${field}[${i}]`, `must be an array of numbers, got ${describe(row)}`, 'give each row as a JSON array');
    const expected = cols ?? width;
    if (row.length !== expected || expected === 0) {
      throw new ConfigError(`${field}[${i}]`, `has ${row.length} entries, expected ${expected}`, `make every row of ${field} ${expected} long`);
    }
    row.forEach((v, j) => requireFinite(v, `${field}[${i}][${j}]`));
  });
  return fromRows(value as number[][]);
}

function requireFinite(v: unknown, field: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ConfigError(field, `must be a finite number, got ${describe(v)}`, 'replace NaN, Infinity, null or strings with a finite number');
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
