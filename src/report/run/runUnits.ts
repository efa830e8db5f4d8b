/**
 * Runs work units through the SAME runProperty the vitest files use (no second copy of any
 * check), counting cases for the progress bar through runProperty's onCheck callback.
 */
import { mutantOf, runProperty } from '../../harness/runProperty.js';
import type { RunSettings } from '../../harness/runSettings.js';
import { toRecord } from '../assemble/toRecord.js';
import type { Progress } from '../progress/progress.js';
import type { PropertyRecord } from '../types.js';
import type { WorkUnit } from './plan.js';
import { testFileOf, type PropertySuite } from './suite.js';
import { mutantReplay } from './theoryMutant.js';

/** Settings shared by every unit of a run (each unit brings its own seed). */
export type UnitSettings = Omit<RunSettings, 'seed' | 'path'>;

export function unitLabel(u: { def: { claim: string; name: string }; seed: number }, seeds: number): string {
  return `${u.def.claim} · ${u.def.name}${seeds > 1 ? ` (seed ${u.seed})` : ''}`;
}

export function plannedCases(units: readonly WorkUnit[], runsScale: number): number {
  return units.reduce((s, u) => s + Math.max(1, Math.round(u.def.numRuns * runsScale)), 0);
}

export async function runUnits(suite: Pick<PropertySuite, 'catalogue'>, units: readonly WorkUnit[], settings: UnitSettings, progress: Progress, seedCount = 1): Promise<PropertyRecord[]> {
  const records: PropertyRecord[] = [];
  for (const u of units) {
    const label = unitLabel(u, seedCount);
    progress.unitStarted(label);
    const t0 = performance.now();
    const testFile = testFileOf(suite, u.def.claim);
    // A mutant's failure replays through the report (vitest runs the published theory only).
    const replay = mutantOf(u.def, settings) ? () => mutantReplay(u.def.claim, u.seed, settings) : undefined;
    const result = await runProperty(u.def, { ...settings, seed: u.seed, path: null }, { testFile, onCheck: () => progress.caseDone(), replay });
    const evidence = suite.catalogue.find((c) => c.meta.id === u.def.claim)?.evidence;
    const record = toRecord(u.def, result, { index: u.index, runsScale: settings.runsScale, sizeTier: settings.sizeTier, testFile, evidence });
    records.push(record);
    progress.unitDone({ label, cases: record.cases.length, verdict: record.verdict, seconds: (performance.now() - t0) / 1000 });
  }
  return records;
}
