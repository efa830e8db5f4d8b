/**
 * C4's statement quotes its constants from code (theory/longTimeLearning.ts). These tests fail
 * if the statement and the constants disagree: every order and exponent the statement prints
 * must be the constant's, and no other number may appear in it except the formula's own
 * literals (½, 2, 1 in "1 − ηλ", the exponent 2t, "ε → 0").
 */
import { describe, expect, it } from 'vitest';
import { C4_CLAIM, CURVE_ERROR_ORDER, CURVED_LOSS_ORDER, FLAT_LOSS_ORDER, orderRatioBand, power, TIME_SCALING_EXPONENT } from '../../theory/longTimeLearning.js';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const fromSuperscript = (s: string) => Number([...s].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT_DIGITS.indexOf(c)))).join(''));

describe('C4 statement', () => {
  const text = C4_CLAIM.statement;

  it('prints the orders in ε and the time exponent of the constants', () => {
    const eps = [...text.matchAll(/O\(ε([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]*)\)/g)].map((m) => (m[1] ? fromSuperscript(m[1]) : 1));
    expect(eps).toEqual([FLAT_LOSS_ORDER, CURVED_LOSS_ORDER, CURVE_ERROR_ORDER]);
    const time = text.match(/scales as \(λ_min⁺\)([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/);
    expect(time && fromSuperscript(time[1])).toBe(TIME_SCALING_EXPONENT);
  });

  it('the constants say what docs/theory.md#c4 derives: flat O(ε⁴), curved O(ε²), error O(ε), t_f ∝ 1/λ_min⁺', () => {
    expect([FLAT_LOSS_ORDER, CURVED_LOSS_ORDER, CURVE_ERROR_ORDER, TIME_SCALING_EXPONENT]).toEqual([4, 2, 1, -1]);
    // The order bands the properties use tell the three orders apart (disjoint at k = 4).
    const bands = [CURVE_ERROR_ORDER, CURVED_LOSS_ORDER, FLAT_LOSS_ORDER].map((p) => orderRatioBand(p, 4));
    for (let i = 1; i < bands.length; i++) expect(bands[i].lower).toBeGreaterThan(bands[i - 1].upper);
  });

  it('no number is restated in prose: the only digits are the formula literals', () => {
    const stripped = text
      .replace(/O\(ε[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]*\)/g, '')
      .replace(/\(λ_min⁺\)[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '')
      .replace(/c_i²/g, '')
      .replace(/\{2t\}/g, '')
      .replace(/2 log/g, '')
      .replace(/\b1 − η/g, '')
      .replace(/ε → 0/g, '')
      .replace(/2\/λ_max|2\/\(λ_min⁺ \+ λ_max\)/g, '');
    expect(stripped).not.toMatch(/[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]/);
  });

  it('power() prints exponents as the statement needs them', () => {
    expect(power('ε', 1)).toBe('ε');
    expect(power('ε', 4)).toBe('ε⁴');
    expect(power('(λ_min⁺)', -1)).toBe('(λ_min⁺)⁻¹');
    expect(power('x', 12)).toBe('x¹²');
    expect(() => power('x', 0.5)).toThrow(/integer/);
  });
});
