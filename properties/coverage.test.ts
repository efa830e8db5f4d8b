/**
 * Generators must cover the space they claim to: every row of the rank table, degenerate
 * teachers, the N-capped regime, every activation and family for the identities. Uses
 * fast-check's statistics over the same seeded draws the properties run, and prints them.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAUSS_NEWTON_PROPERTIES } from './definitions/gaussNewton.js';
import { LINEAR_PROPERTIES } from './definitions/linearNetwork.js';
import { RANK_PROPERTIES } from './definitions/rank.js';
import { S1_PROPERTIES } from './definitions/gaussNewtonDecomposition.js';
import type { PropertyDefinition } from '../src/harness/propertyDefinition.js';
import { DEFAULT_SEED } from '../src/harness/runSettings.js';

function coverage<C, E>(def: PropertyDefinition<C, E>): Map<string, number> {
  const counts = new Map<string, number>();
  const lines: string[] = [];
  const arb = def.arbitrary({ sizeTier: 'ci' });
  fc.statistics(arb, (c) => def.label!(c), { numRuns: def.numRuns, seed: DEFAULT_SEED, logger: (l) => lines.push(l) });
  for (const c of fc.sample(arb, { numRuns: def.numRuns, seed: DEFAULT_SEED })) {
    const l = def.label!(c);
    counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  console.log(`coverage of ${def.claim} · ${def.name}\n${lines.join('\n')}`);
  return counts;
}

const has = (counts: Map<string, number>, pattern: RegExp) => [...counts.keys()].some((k) => pattern.test(k));

describe('generator coverage', () => {
  it('C3 rank table: every row, degenerate teachers and the N cap are drawn', () => {
    const counts = coverage(RANK_PROPERTIES[0]);
    for (const row of [/^identity/, /^z\^2/, /^z\^3/, /^z\^4/, /^z\^5/, /^z\^6/, /^polynomial/, /^erf/, /^tanh/, /^sigmoid/, /^softplus/, /^relu/, /\+zero-a/, /\+duplicate/, /N-capped/]) {
      expect(has(counts, row), `no case matching ${row}`).toBe(true);
    }
  });
  it('C1 and S1: every activation, deep linear, at and off the optimum', () => {
    for (const def of [...GAUSS_NEWTON_PROPERTIES, ...S1_PROPERTIES]) {
      const counts = coverage<unknown, unknown>(def as PropertyDefinition<unknown, unknown>);
      for (const a of [/^identity/, /^erf/, /^tanh/, /^relu/, /^sigmoid/, /^softplus/, /^z\^/, /^polynomial/, /^deep-linear/]) expect(has(counts, a), `${def.name}: no ${a}`).toBe(true);
    }
  });
  it('C2: two-layer and deep, whitened, and N < Ni', () => {
    const counts = coverage(LINEAR_PROPERTIES[0]);
    for (const p of [/^two-layer/, /^deep/, /whitened/, /N < Ni/]) expect(has(counts, p), `no ${p}`).toBe(true);
  });
});
