/**
 * `report --theory-mutant <claim>:<neighbour>`: the run checks a wrong neighbour as if it were
 * the claim, in every planned definition of that claim that offers it (PropertyDefinition.
 * mutants), and records which did. The report then shows how a failure reads — the shrunk
 * counterexample, the replay command and the figures that expose it — produced honestly by the
 * real pipeline (reports/example-failure, docs/report.md). A mutant no planned definition
 * offers is refused, listing the mutants that exist.
 */
import type { AnyPropertyDefinition } from '../../harness/propertyDefinition.js';
import type { RunSettings, TheoryMutantSetting } from '../../harness/runSettings.js';

type UnitSettingsLike = Pick<RunSettings, 'runsScale' | 'sizeTier' | 'theoryMutant'>;
import type { TheoryMutantRecord } from '../types.js';

/** Every `claim:neighbour` the definitions offer. */
export function availableMutants(defs: readonly AnyPropertyDefinition[]): string[] {
  return [...new Set(defs.flatMap((d) => Object.keys(d.mutants ?? {}).map((n) => `${d.claim}:${n}`)))].sort();
}

export function theoryMutantRecord(m: TheoryMutantSetting, planned: readonly AnyPropertyDefinition[]): TheoryMutantRecord {
  const defs = [...new Set(planned)].filter((d) => d.claim === m.claim && d.mutants?.[m.neighbour]);
  if (defs.length === 0) {
    const offered = availableMutants(planned);
    throw new Error(`--theory-mutant ${m.claim}:${m.neighbour}: no property of the claims being run offers it; ${offered.length ? `offered: ${offered.join(', ')}` : 'none of them offers a mutant (run --claims with the mutant\'s claim)'}`);
  }
  return { claim: m.claim, neighbour: m.neighbour, description: defs[0].mutants![m.neighbour].description, properties: defs.map((d) => d.name) };
}

/** The command that replays a mutant's failure: the same report run (the draws and the shrinking are deterministic in the seed). */
export function mutantReplay(claim: string, seed: number, s: UnitSettingsLike): string {
  const m = s.theoryMutant!;
  return `npm run report -- --claims ${claim} --seed ${seed}${s.runsScale === 1 ? '' : ` --runs-scale ${s.runsScale}`}${s.sizeTier === 'ci' ? '' : ` --size-tier ${s.sizeTier}`} --theory-mutant ${m.claim}:${m.neighbour} --jobs 1`;
}
