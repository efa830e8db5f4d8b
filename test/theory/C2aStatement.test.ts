/** C2a's statement quotes EIG_SLACK from theory/linearNetworkClaims.ts, and no other number. */
import { describe, expect, it } from 'vitest';
import { C2A_CLAIM, EIG_SLACK } from '../../theory/linearNetworkClaims.js';
import { digitsOutside, numberIn } from './statementText.js';

describe('C2a statement', () => {
  const text = C2A_CLAIM.statement;
  it('prints the eigenvalue tolerance with EIG_SLACK', () => {
    expect(numberIn(text, /within (\d+)·\(N \+ P \+ Ni\)·eps/)).toBe(EIG_SLACK);
  });
  it('restates no other number: the only other digits are the formula literals (‖·‖², indices l ± 1, W_1)', () => {
    expect(digitsOutside(text, [/within \d+·/, /‖²/, /\{l\+1\}/, /\{l−1\}/, /W_1/])).toEqual([]);
  });
});
