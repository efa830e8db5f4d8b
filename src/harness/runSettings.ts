/**
 * Run settings: the values that decide which cases a property run draws — the fast-check seed,
 * an optional replay path, the multiplier on every property's number of runs, and the size
 * tier of the expensive statistical properties. They are passed as one validated value from
 * the entry point (the CLI, or the vitest glue reading HC_* variables once) down to runProperty,
 * arbitraries and definitions; nothing reads them from the environment later.
 */

/** The fixed default seed that keeps CI deterministic. */
export const DEFAULT_SEED = 20251216;

/**
 * 'ci': sizes that keep `npx vitest run` within minutes; 'paper': the sizes of the papers'
 * experiments (the report's --full). Only properties whose cost grows with size read it.
 */
export type SizeTier = 'ci' | 'paper';
export const SIZE_TIERS: readonly SizeTier[] = ['ci', 'paper'];

/** Largest runs multiplier accepted (a typo guard: ×1000 of the CI runs is hours of work). */
export const MAX_RUNS_SCALE = 1000;

/** A wrong neighbour to check as if it were the claim (PropertyDefinition.mutants). */
export interface TheoryMutantSetting {
  readonly claim: string;
  readonly neighbour: string;
}

export interface RunSettings {
  readonly seed: number;
  /** fast-check path replaying one counterexample; null for a normal run. */
  readonly path: string | null;
  /** Multiplies every definition's numRuns. */
  readonly runsScale: number;
  readonly sizeTier: SizeTier;
  /** null: the published theory; set: the named neighbour runs in place of the claim wherever a definition offers it. */
  readonly theoryMutant: TheoryMutantSetting | null;
}

export interface RunSettingsInput {
  /** @defaultValue DEFAULT_SEED */
  readonly seed?: number;
  /** @defaultValue null */
  readonly path?: string | null;
  /** @defaultValue 1 */
  readonly runsScale?: number;
  /** @defaultValue 'ci' */
  readonly sizeTier?: SizeTier;
  /** @defaultValue null */
  readonly theoryMutant?: TheoryMutantSetting | null;
}

export class RunSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunSettingsError';
  }
}

/** Fills defaults and validates; throws RunSettingsError naming the field and the fix. */
export function resolveRunSettings(input: RunSettingsInput = {}): RunSettings {
  const seed = input.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RunSettingsError(`seed must be a non-negative integer, got ${String(seed)}`);
  const runsScale = input.runsScale ?? 1;
  if (typeof runsScale !== 'number' || !(runsScale > 0 && runsScale <= MAX_RUNS_SCALE)) {
    throw new RunSettingsError(`runs scale must be a number in (0, ${MAX_RUNS_SCALE}], got ${String(runsScale)}`);
  }
  const sizeTier = input.sizeTier ?? 'ci';
  if (!SIZE_TIERS.includes(sizeTier)) throw new RunSettingsError(`size tier must be one of ${SIZE_TIERS.join(', ')}, got ${JSON.stringify(sizeTier)}`);
  const path = input.path ?? null;
  if (path !== null && !/^\d+(:\d+)*$/.test(path)) throw new RunSettingsError(`replay path must look like "3:0:1" (from a failure's replay command), got ${JSON.stringify(path)}`);
  const theoryMutant = input.theoryMutant ?? null;
  if (theoryMutant !== null && !(typeof theoryMutant.claim === 'string' && /^\w+$/.test(theoryMutant.claim) && typeof theoryMutant.neighbour === 'string' && /^[\w-]+$/.test(theoryMutant.neighbour))) {
    throw new RunSettingsError(`theory mutant must be a claim id and a neighbour id, e.g. C4:lambda-max, got ${JSON.stringify(theoryMutant)}`);
  }
  return { seed, path, runsScale, sizeTier, theoryMutant };
}

/** Parses "<claim>:<neighbour>" (the CLI's --theory-mutant). */
export function parseTheoryMutant(text: string): TheoryMutantSetting {
  const m = /^(\w+):([\w-]+)$/.exec(text);
  if (!m) throw new RunSettingsError(`theory mutant must look like <claim>:<neighbour>, e.g. C4:lambda-max, got ${JSON.stringify(text)}`);
  return { claim: m[1], neighbour: m[2] };
}

/** Cases a definition runs under these settings (at least one). */
export function scaledRuns(numRuns: number, settings: Pick<RunSettings, 'runsScale' | 'path'>): number {
  return settings.path ? 1 : Math.max(1, Math.round(numRuns * settings.runsScale));
}

/** The environment assignments that reproduce these settings in front of `npx vitest run`. */
export function settingsEnvPrefix(s: RunSettings): string {
  const parts = [`HC_SEED=${s.seed}`];
  if (s.runsScale !== 1) parts.push(`HC_RUNS_SCALE=${s.runsScale}`);
  if (s.sizeTier !== 'ci') parts.push(`HC_SIZE_TIER=${s.sizeTier}`);
  if (s.path) parts.push(`HC_PATH="${s.path}"`);
  return parts.join(' ');
}
