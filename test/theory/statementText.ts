/**
 * Helpers for the statement tests (test/theory/<id>Statement.test.ts): a claim's statement must
 * print its constants as the code holds them and restate no other number in prose.
 */
import { expect } from 'vitest';

/** The number captured by the first group of `pattern` in `text` (fails the test if absent). */
export function numberIn(text: string, pattern: RegExp): number {
  const m = text.match(pattern);
  expect(m, `statement has no match for ${pattern}`).not.toBeNull();
  return Number(m![1]);
}

/** What remains of `text` after removing the formula literals, as digits (ASCII and superscript). */
export function digitsOutside(text: string, literals: readonly RegExp[]): string[] {
  const stripped = literals.reduce((t, re) => t.replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), ' '), text);
  return stripped.match(/[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]+/g) ?? [];
}
