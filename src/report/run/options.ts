/**
 * Options of a report run, with every default filled in one place (resolveReportOptions).
 *
 *  - mode 'quick' (default): every property at its CI numRuns (runs ×1) and CI sizes — the same
 *    cases `npx vitest run` checks, so the report and CI agree case for case.
 *  - mode 'full': runs ×FULL_RUNS_SCALE at the papers' sizes (size tier 'paper').
 *  - runsScale / sizeTier: override the mode's (mode becomes 'custom').
 *  - seeds: one seed (DEFAULT_SEED) or a range a..b; each (property, seed) is one unit.
 *  - partition i/n: run only units k ≡ i−1 (mod n) of the canonical order (see plan.ts).
 *  - jobs: run the units in that many worker processes, each taking the next unit when
 *    free ('auto': one per core up to MAX_AUTO_JOBS; 1, a partition run or a single unit
 *    runs in-process). The report is the same either way.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_SEED, resolveRunSettings, type SizeTier, type TheoryMutantSetting } from '../../harness/runSettings.js';

export const QUICK_RUNS_SCALE = 1;
export const FULL_RUNS_SCALE = 10;
/** 'auto' jobs: one per core, at most this many (each child holds its own copy of tfjs). */
export const MAX_AUTO_JOBS = 4;
/** A seed range longer than this is almost surely a typo (each seed re-runs every property). */
export const MAX_SEEDS = 10_000;

export type RunMode = 'quick' | 'full';

export interface ReportRunOptions {
  readonly mode: 'quick' | 'full' | 'custom';
  readonly runsScale: number;
  readonly sizeTier: SizeTier;
  /** Claim ids to run; null runs every claim of the suite. */
  readonly claims: readonly string[] | null;
  readonly seeds: readonly number[];
  readonly partition: { readonly index: number; readonly count: number } | null;
  readonly jobs: number;
  /** A wrong neighbour checked as the claim (--theory-mutant); null for an ordinary report. */
  readonly theoryMutant: TheoryMutantSetting | null;
}

export interface ReportRunOptionsInput {
  /** @defaultValue 'quick' */
  readonly mode?: RunMode;
  /** @defaultValue the mode's (QUICK_RUNS_SCALE or FULL_RUNS_SCALE) */
  readonly runsScale?: number;
  /** @defaultValue the mode's ('ci' for quick, 'paper' for full) */
  readonly sizeTier?: SizeTier;
  /** @defaultValue null (every claim) */
  readonly claims?: readonly string[] | null;
  /** @defaultValue [DEFAULT_SEED] */
  readonly seeds?: readonly number[];
  /** @defaultValue null (everything) */
  readonly partition?: { readonly index: number; readonly count: number } | null;
  /** Child processes; 'auto' = min(cores, MAX_AUTO_JOBS), 1 = run in this process. @defaultValue 'auto' */
  readonly jobs?: number | 'auto';
  /** @defaultValue null */
  readonly theoryMutant?: TheoryMutantSetting | null;
}

export function resolveReportOptions(input: ReportRunOptionsInput = {}): ReportRunOptions {
  const mode = input.mode ?? 'quick';
  const modeScale = mode === 'full' ? FULL_RUNS_SCALE : QUICK_RUNS_SCALE;
  const modeTier: SizeTier = mode === 'full' ? 'paper' : 'ci';
  const { runsScale, sizeTier, theoryMutant } = resolveRunSettings({ runsScale: input.runsScale ?? modeScale, sizeTier: input.sizeTier ?? modeTier, theoryMutant: input.theoryMutant });
  const seeds = input.seeds ?? [DEFAULT_SEED];
  if (seeds.length === 0 || seeds.length > MAX_SEEDS || !seeds.every((s) => Number.isSafeInteger(s) && s >= 0)) throw new Error(`report: seeds must be 1..${MAX_SEEDS} non-negative integers`);
  const p = input.partition ?? null;
  if (p && !(Number.isInteger(p.count) && p.count >= 1 && Number.isInteger(p.index) && p.index >= 1 && p.index <= p.count)) {
    throw new Error(`report: partition must be i/n with 1 ≤ i ≤ n, got ${p.index}/${p.count}`);
  }
  const jobs = input.jobs === undefined || input.jobs === 'auto' ? Math.min(availableParallelism(), MAX_AUTO_JOBS) : input.jobs;
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new Error(`report: jobs must be a positive integer, got ${jobs}`);
  const custom = runsScale !== modeScale || sizeTier !== modeTier;
  return { mode: custom ? 'custom' : mode, runsScale, sizeTier, claims: input.claims ?? null, seeds: [...seeds], partition: p, jobs, theoryMutant };
}
