/** C3's statement quotes KEPT_MARGIN_MIN and the probe factors (theory/rankDecision.ts) and MAX_INCONCLUSIVE (theory/rankTableClaim.ts), and no other number. */
import { describe, expect, it } from 'vitest';
import { KEPT_MARGIN_MIN, PROBE_DROPPED_FACTOR, PROBE_KEPT_FACTOR, TOLERANCE_MUTANT_FACTOR } from '../../theory/rankDecision.js';
import { C3_CLAIM, MAX_INCONCLUSIVE } from '../../theory/rankTableClaim.js';
import { digitsOutside, numberIn } from './statementText.js';

describe('C3 statement', () => {
  const text = C3_CLAIM.statement;
  it('prints KEPT_MARGIN_MIN and MAX_INCONCLUSIVE', () => {
    expect(numberIn(text, /at least ([\d.e+]+)× that floor/)).toBe(KEPT_MARGIN_MIN);
    expect(numberIn(text, /at most ([\d.]+) % of a property's cases/) / 100).toBeCloseTo(MAX_INCONCLUSIVE, 15);
    expect(numberIn(text, /a singular value ([\d.]+)× the floor is kept/)).toBe(PROBE_KEPT_FACTOR);
    expect(numberIn(text, /one ([\d.]+)× dropped/)).toBe(PROBE_DROPPED_FACTOR);
    expect(numberIn(text, /floors ([\d.]+)× larger or smaller/)).toBe(TOLERANCE_MUTANT_FACTOR);
  });
  it('restates no other number (the only other digit is the reference docs/theory.md#c3)', () => {
    expect(digitsOutside(text, [/at least [\d.e+]+×/, /at most [\d.]+ %/, /docs\/theory\.md#c3/, /value [\d.]+× the floor/, /one [\d.]+× dropped/, /floors [\d.]+×/])).toEqual([]);
  });
});
