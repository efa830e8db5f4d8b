/** singularValueWindow: the values around the decided rank, clipped at both ends, and its argument checks. */
import { describe, expect, it } from 'vitest';
import { singularValueWindow } from '../../src/linalg/singularValueWindow.js';

const s = [10, 9, 8, 7, 6, 5, 1e-14, 1e-15, 1e-16, 0];

describe('singularValueWindow', () => {
  it('keeps σ_{r−kept+1} … σ_{r+dropped}, 1-based, with the total', () => {
    expect(singularValueWindow(s, 6, 2, 3)).toEqual({ first: 5, values: [6, 5, 1e-14, 1e-15, 1e-16], total: 10 });
  });
  it('clips at the top (small rank) and at the bottom (nothing dropped)', () => {
    expect(singularValueWindow(s, 1, 4, 2)).toEqual({ first: 1, values: [10, 9, 8], total: 10 });
    expect(singularValueWindow(s, 10, 3, 4)).toEqual({ first: 8, values: [1e-15, 1e-16, 0], total: 10 });
    expect(singularValueWindow(s, 0, 4, 2)).toEqual({ first: 1, values: [10, 9], total: 10 });
    expect(singularValueWindow([], 0, 4, 4)).toEqual({ first: 1, values: [], total: 0 });
  });
  it('copies values exactly (no rounding)', () => {
    const f = Float64Array.of(Math.PI, Math.E, 1 / 3);
    expect(singularValueWindow(f, 2, 1, 1).values).toEqual([Math.E, 1 / 3]);
  });
  it('rejects a rank outside [0, n] and negative or fractional widths', () => {
    expect(() => singularValueWindow(s, 11, 1, 1)).toThrow(/rank must be an integer in \[0, 10\]/);
    expect(() => singularValueWindow(s, 2.5, 1, 1)).toThrow(/rank/);
    expect(() => singularValueWindow(s, 2, -1, 1)).toThrow(/`kept`/);
    expect(() => singularValueWindow(s, 2, 1, 0.5)).toThrow(/`dropped`/);
  });
});
