/**
 * Runs work units through the SAME runProperty the vitest files use (no second copy of any
 * check), counting cases for the progress bar by wrapping each definition's check — the
 * wrapper calls the definition's own check and changes nothing else.
 */
import type { Progress } from '../../src/report/progress/progress.js';
import type { PropertyRecord } from '../../src/report/types.js';
import { claimById } from '../../theory/claims.js';
import type { PropertyDefinition } from '../support/propertyDefinition.js';
import { runProperty } from '../support/runProperty.js';
import type { WorkUnit } from './plan.js';
import { toRecord } from './toRecord.js';

/** The vitest file a claim's replay command names. */
export function testFileOf(claim: string): string {
  try {
    return claimById(claim).testedIn;
  } catch {
    return 'properties';
  }
}

export function unitLabel(u: { def: { claim: string; name: string }; seed: number }, seeds: number): string {
  return `${u.def.claim} · ${u.def.name}${seeds > 1 ? ` (seed ${u.seed})` : ''}`;
}

export function plannedCases(units: readonly WorkUnit[], runsScale: number): number {
  return units.reduce((s, u) => s + Math.max(1, Math.round(u.def.numRuns * runsScale)), 0);
}

export async function runUnits(units: readonly WorkUnit[], runsScale: number, progress: Progress, seedCount = 1): Promise<PropertyRecord[]> {
  const records: PropertyRecord[] = [];
  for (const u of units) {
    const label = unitLabel(u, seedCount);
    progress.unitStarted(label);
    const counted: PropertyDefinition<any> = {
      ...u.def,
      check: (config: unknown) => {
        progress.caseDone();
        return u.def.check(config);
      },
    };
    const t0 = performance.now();
    const testFile = testFileOf(u.def.claim);
    const result = await runProperty(counted, { seed: u.seed, runsScale, testFile });
    const record = toRecord(u.def, result, u.index, runsScale, testFile);
    records.push(record);
    progress.unitDone({ label, cases: record.cases.length, verdict: record.verdict, seconds: (performance.now() - t0) / 1000 });
  }
  return records;
}
