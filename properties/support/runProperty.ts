/**
 * Runs a PropertyDefinition with fast-check and returns the verdict with every case's
 * evidence. A failure carries what replays it: the seed, the fast-check path, the
 * (shrunk) configuration as JSON, and the command line.
 *
 * Seeds: HC_SEED (default DEFAULT_SEED) so CI is deterministic; HC_PATH replays one
 * counterexample; HC_RUNS_SCALE multiplies every property's numRuns (e.g. 10 for a soak).
 */
import * as fc from 'fast-check';
import type { CaseOutcome, Evidence, PropertyDefinition } from './propertyDefinition.js';

/** The fixed default seed that keeps CI deterministic. */
export const DEFAULT_SEED = 20251216;

export interface PropertyRunOptions {
  seed?: number;
  path?: string;
  /** Multiplies the definition's numRuns. */
  runsScale?: number;
  /** File to name in the replay command. */
  testFile?: string;
}

export interface PropertyFailure {
  readonly seed: number;
  readonly path: string;
  readonly config: unknown;
  readonly message: string;
  readonly replay: string;
}

export interface PropertyResult {
  readonly claim: string;
  readonly name: string;
  readonly seed: number;
  readonly numRuns: number;
  readonly cases: ReadonlyArray<{ config: unknown; ok: boolean; inconclusive: boolean; evidence: Evidence }>;
  /** Inconclusive cases among `cases`. */
  readonly inconclusive: number;
  readonly maxInconclusiveFraction: number;
  readonly failure: PropertyFailure | null;
}

export function optionsFromEnv(): PropertyRunOptions {
  const env = process.env;
  const seed = env.HC_SEED !== undefined && env.HC_SEED !== '' ? Number(env.HC_SEED) : undefined;
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`HC_SEED must be an integer, got ${JSON.stringify(env.HC_SEED)}`);
  const scale = env.HC_RUNS_SCALE ? Number(env.HC_RUNS_SCALE) : 1;
  if (!(scale > 0)) throw new Error(`HC_RUNS_SCALE must be a positive number, got ${JSON.stringify(env.HC_RUNS_SCALE)}`);
  return { seed, path: env.HC_PATH || undefined, runsScale: scale };
}

export async function runProperty<C>(def: PropertyDefinition<C>, opts: PropertyRunOptions = {}): Promise<PropertyResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const numRuns = opts.path ? 1 : Math.max(1, Math.round(def.numRuns * (opts.runsScale ?? 1)));
  const cases: Array<{ config: unknown; ok: boolean; inconclusive: boolean; evidence: Evidence }> = [];
  const lastMessage = new Map<string, string>();
  const prop = fc.asyncProperty(def.arbitrary, async (config) => {
    let out: CaseOutcome;
    try {
      out = await def.check(config);
    } catch (e) {
      out = { ok: false, evidence: {}, message: `threw: ${e instanceof Error ? e.message : String(e)}` };
    }
    const inconclusive = !out.ok && out.inconclusive === true;
    cases.push({ config, ok: out.ok, inconclusive, evidence: out.evidence });
    if (!out.ok && !inconclusive) lastMessage.set(JSON.stringify(config), out.message ?? 'check returned ok = false');
    return out.ok || inconclusive;
  });
  const details = await fc.check(prop, { seed, numRuns, path: opts.path, endOnFailure: false });
  let failure: PropertyFailure | null = null;
  if (details.failed) {
    const config = details.counterexample?.[0];
    const path = details.counterexamplePath ?? '';
    const key = JSON.stringify(config);
    const file = opts.testFile ?? 'properties';
    failure = {
      seed,
      path,
      config,
      message: lastMessage.get(key) ?? (details.errorInstance instanceof Error ? details.errorInstance.message : 'failed'),
      replay: `HC_SEED=${seed} HC_PATH="${path}" npx vitest run ${file} -t "${def.name}"`,
    };
  }
  // Shrinking re-runs the check; the verdict's cases are the first numRuns draws.
  const kept = cases.slice(0, numRuns);
  return {
    claim: def.claim,
    name: def.name,
    seed,
    numRuns,
    cases: kept,
    inconclusive: kept.filter((c) => c.inconclusive).length,
    maxInconclusiveFraction: def.maxInconclusiveFraction ?? 0,
    failure,
  };
}

/** The text a failing vitest assertion prints: everything needed to replay. */
export function describeFailure(r: PropertyResult): string {
  const f = r.failure;
  if (!f) return '';
  return [
    `${r.claim} · ${r.name} failed`,
    `  reason: ${f.message}`,
    `  seed: ${f.seed}, path: "${f.path}"`,
    `  config: ${JSON.stringify(f.config)}`,
    `  replay: ${f.replay}`,
  ].join('\n');
}
