/** S1's statement quotes its tolerance constants from theory/gaussNewtonDecomposition.ts, and no other number. */
import { describe, expect, it } from 'vitest';
import { PSD_SLACK, RESIDUAL_VISIBLE_FACTOR, ROUTE_SLACK, S1_CLAIM } from '../../theory/gaussNewtonDecomposition.js';
import { digitsOutside, numberIn } from './statementText.js';

describe('S1 statement', () => {
  const text = S1_CLAIM.statement;
  it('prints PSD_SLACK, ROUTE_SLACK and RESIDUAL_VISIBLE_FACTOR as the code holds them', () => {
    expect(numberIn(text, /eigenvalues to (\d+)·P·eps/)).toBe(PSD_SLACK);
    expect(numberIn(text, /agree within (\d+)·γ/)).toBe(ROUTE_SLACK);
    expect(numberIn(text, /exceeds (\d+)× the finite-difference error estimate/)).toBe(RESIDUAL_VISIBLE_FACTOR);
  });
  it('restates no other number: the only other digits are the formula literals (1/N, ∇², k−1)', () => {
    expect(digitsOutside(text, [/to \d+·P·eps/, /within \d+·γ/, /exceeds \d+×/, /\(1\/N\)/, /∇²/, /k−1/])).toEqual([]);
  });
});
