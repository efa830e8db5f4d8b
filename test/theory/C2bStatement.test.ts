/** C2b's statement quotes the rank-decision margin from theory/rankDecision.ts, and no other number. */
import { describe, expect, it } from 'vitest';
import { C2B_CLAIM } from '../../theory/linearNetworkClaims.js';
import { KEPT_MARGIN_MIN } from '../../theory/rankDecision.js';
import { digitsOutside, numberIn } from './statementText.js';

describe('C2b statement', () => {
  const text = C2B_CLAIM.statement;
  it('prints KEPT_MARGIN_MIN', () => {
    expect(numberIn(text, /at least ([\d.e+]+)× that floor/)).toBe(KEPT_MARGIN_MIN);
  });
  it('restates no other number: the only other zeros are in the formulas M ≻ 0 and a = 0', () => {
    expect(digitsOutside(text, [/at least [\d.e+]+×/, /a = 0/, /M ≻ 0/])).toEqual([]);
  });
});
