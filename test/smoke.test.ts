import { describe, expect, it } from 'vitest';
import { fromRows, gramAtA, matmul, transpose, maxAbsDiff } from '../src/linalg/matrix.js';

describe('matrix', () => {
  it('gramAtA equals AᵀA', () => {
    const a = fromRows([[1, 2, 3], [4, 5, 6]]);
    expect(maxAbsDiff(gramAtA(a), matmul(transpose(a), a))).toBe(0);
  });
});
