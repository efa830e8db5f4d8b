/** C3's statement quotes KEPT_MARGIN_MIN (theory/rankDecision.ts) and MAX_INCONCLUSIVE (theory/rankTableClaim.ts), and no other number. */
import { describe, expect, it } from 'vitest';
import { KEPT_MARGIN_MIN } from '../../theory/rankDecision.js';
import { C3_CLAIM, MAX_INCONCLUSIVE } from '../../theory/rankTableClaim.js';
import { digitsOutside, numberIn } from './statementText.js';

describe('C3 statement', () => {
  const text = C3_CLAIM.statement;
  it('prints KEPT_MARGIN_MIN and MAX_INCONCLUSIVE', () => {
    expect(numberIn(text, /at least ([\d.e+]+)× that floor/)).toBe(KEPT_MARGIN_MIN);
    expect(numberIn(text, /at most ([\d.]+) % of a property's cases/) / 100).toBeCloseTo(MAX_INCONCLUSIVE, 15);
  });
  it('restates no other number (the only other digit is the section reference §C3)', () => {
    expect(digitsOutside(text, [/at least [\d.e+]+×/, /at most [\d.]+ %/, /§C3/])).toEqual([]);
  });
});
