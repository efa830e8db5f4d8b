/** One sentence naming how a report was produced: seeds, mode, runs scale, environment, partition, theory mutant. */
import type { ConformanceReport } from './types.js';

export function seedText(seeds: readonly number[]): string {
  if (seeds.length === 1) return `seed ${seeds[0]}`;
  return `seeds ${seeds[0]}..${seeds[seeds.length - 1]} (${seeds.length})`;
}

export function runDescription(r: ConformanceReport): string {
  const e = r.environment;
  const parts = [
    seedText(r.seeds),
    `${r.mode} mode (runs ×${r.runsScale})`,
    `Node ${e.node}`,
    `float64 linear algebra: ${e.backend}`,
    `tfjs: ${e.tfjsBackend}`,
  ];
  if (r.selection.claims) parts.push(`claims ${r.selection.claims.join(', ')}`);
  if (r.partition) parts.push(`PARTIAL: partition ${r.partition.index} of ${r.partition.count}`);
  if (r.theoryMutant) parts.push(`THEORY MUTANT ${r.theoryMutant.claim}:${r.theoryMutant.neighbour}`);
  return parts.join(' · ');
}
