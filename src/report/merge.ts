/**
 * Merging partial reports: the union of their units (property × seed). Partitions must come
 * from the same run plan — same format, seeds, mode, runs scale and claim selection, and the
 * same partition count — and together hold every partition exactly once; anything else is
 * an error that names the offending file. The result is the units in canonical order
 * (registry index, then seed), ready to be re-assembled into a whole report exactly as a
 * single run would be.
 */
import { ReportInputError } from './json.js';
import type { ConformanceReport, EnvironmentInfo, PropertyRecord } from './types.js';

export interface PartialReport {
  readonly source: string;
  readonly report: ConformanceReport;
}

export interface MergedUnits {
  /** The shared run plan (taken from the first partial). */
  readonly plan: Pick<ConformanceReport, 'seed' | 'seeds' | 'mode' | 'runsScale' | 'sizeTier' | 'selection' | 'theoryMutant'>;
  readonly environment: EnvironmentInfo;
  readonly units: PropertyRecord[];
}

type UnitId = Pick<PropertyRecord, 'claim' | 'name' | 'index' | 'seed'>;

/** A unit is one property (claim + name) with one seed. */
export function unitKey(u: UnitId): string {
  return JSON.stringify([u.claim, u.name, u.seed]);
}

/**
 * Canonical order: registry index, then seed. Units of a property that is not in the
 * registry (index < 0, e.g. read from an older vitest run) go last, by claim and name.
 */
export function compareUnits(a: UnitId, b: UnitId): number {
  const ia = a.index < 0 ? Infinity : a.index;
  const ib = b.index < 0 ? Infinity : b.index;
  if (ia !== ib) return ia < ib ? -1 : 1;
  if (a.claim !== b.claim) return a.claim < b.claim ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.seed - b.seed;
}

function planKey(r: ConformanceReport): string {
  return JSON.stringify([r.format, r.seeds, r.mode, r.runsScale, r.sizeTier, r.selection.claims, r.partition?.count ?? null, r.theoryMutant ?? null]);
}

/** Distinct values joined, so a merge across machines shows every environment it ran on. */
function mergeEnvironments(envs: readonly EnvironmentInfo[]): EnvironmentInfo {
  const join = (k: keyof EnvironmentInfo) => [...new Set(envs.map((e) => e[k]))].join(' | ');
  return { node: join('node'), backend: join('backend'), tfjsBackend: join('tfjsBackend'), platform: join('platform') };
}

export function mergeUnits(partials: readonly PartialReport[]): MergedUnits {
  if (partials.length < 2) throw new ReportInputError(`merge: pass at least two partial reports, got ${partials.length}`);
  const first = partials[0];
  const seen = new Map<number, string>();
  for (const p of partials) {
    if (!p.report.partition) throw new ReportInputError(`merge: ${p.source} is a whole report, not a partition (it has "partition": null); merge only files written with --partition i/n`);
    if (planKey(p.report) !== planKey(first.report)) {
      throw new ReportInputError(`merge: ${p.source} comes from a different run plan than ${first.source} (seeds, mode, runs scale, claims and partition count must all match)`);
    }
    const i = p.report.partition.index;
    if (seen.has(i)) throw new ReportInputError(`merge: partition ${i} is given twice (${seen.get(i)} and ${p.source})`);
    seen.set(i, p.source);
  }
  const count = first.report.partition!.count;
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new ReportInputError(`merge: partition${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing; run them with --partition i/${count} and pass their conformance.json too`);
  const units = new Map<string, PropertyRecord>();
  for (const p of partials) {
    for (const c of p.report.claims) {
      for (const u of c.evidence.properties) {
        const key = unitKey(u);
        if (units.has(key)) throw new ReportInputError(`merge: unit ${c.id} · ${u.name} (seed ${u.seed}) appears in more than one partition (again in ${p.source})`);
        units.set(key, u);
      }
    }
  }
  const r = first.report;
  return {
    plan: { seed: r.seed, seeds: r.seeds, mode: r.mode, runsScale: r.runsScale, sizeTier: r.sizeTier, selection: r.selection, ...(r.theoryMutant ? { theoryMutant: r.theoryMutant } : {}) },
    environment: mergeEnvironments(partials.map((p) => p.report.environment)),
    units: [...units.values()].sort(compareUnits),
  };
}
