/** C1's statement quotes its wrong-route rule from theory/gaussNewton.ts, and no other number. */
import { describe, expect, it } from 'vitest';
import { C1_CLAIM, RAW_TFJS_WRONG_ACTIVATIONS, RESIDUAL_VISIBLE_FACTOR } from '../../theory/gaussNewton.js';
import { digitsOutside, numberIn } from './statementText.js';

describe('C1 statement', () => {
  const text = C1_CLAIM.statement;
  it('names the raw tfjs activations and the visibility factor of the code', () => {
    expect(text.match(/raw tfjs (\S+) ops/)?.[1].split('/')).toEqual([...RAW_TFJS_WRONG_ACTIVATIONS]);
    expect(numberIn(text, /exceeds (\d+)× the float32 tolerance/)).toBe(RESIDUAL_VISIBLE_FACTOR);
  });
  it('restates no other number', () => {
    expect(digitsOutside(text, [/exceeds \d+×/, /float32/])).toEqual([]);
  });
});
