/** C2c's statement quotes EIG_SLACK from theory/linearNetworkClaims.ts, and no other number. */
import { describe, expect, it } from 'vitest';
import { C2C_CLAIM, EIG_SLACK } from '../../theory/linearNetworkClaims.js';
import { digitsOutside, numberIn } from './statementText.js';

describe('C2c statement', () => {
  const text = C2C_CLAIM.statement;
  it('prints the eigenvalue tolerance with EIG_SLACK', () => {
    expect(numberIn(text, /within (\d+)·\(N \+ P \+ Ni\)·eps/)).toBe(EIG_SLACK);
  });
  it('restates no other number: the only other digits are the squares ‖a‖²', () => {
    expect(digitsOutside(text, [/within \d+·/, /‖a‖²/])).toEqual([]);
  });
});
