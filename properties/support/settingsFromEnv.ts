/**
 * The vitest entry point's run settings, read once from the environment and validated:
 *   HC_SEED (default DEFAULT_SEED), HC_PATH (replay one counterexample), HC_RUNS_SCALE
 *   (multiplies numRuns, e.g. 10 for a soak), HC_SIZE_TIER ('ci' or 'paper').
 * A malformed value is an error naming the variable — never silently the CI default.
 */
import { resolveRunSettings, RunSettingsError, SIZE_TIERS, type RunSettings, type SizeTier } from '../../src/harness/runSettings.js';

function numberVar(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v)) throw new RunSettingsError(`${name} must be a number, got ${JSON.stringify(raw)}`);
  return v;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const tier = env.HC_SIZE_TIER === undefined || env.HC_SIZE_TIER === '' ? undefined : env.HC_SIZE_TIER;
  if (tier !== undefined && !SIZE_TIERS.includes(tier as SizeTier)) throw new RunSettingsError(`HC_SIZE_TIER must be one of ${SIZE_TIERS.join(', ')}, got ${JSON.stringify(tier)}`);
  try {
    return resolveRunSettings({ seed: numberVar(env, 'HC_SEED'), runsScale: numberVar(env, 'HC_RUNS_SCALE'), sizeTier: tier as SizeTier | undefined, path: env.HC_PATH || null });
  } catch (e) {
    if (e instanceof RunSettingsError) throw new RunSettingsError(`HC_* environment: ${e.message}`);
    throw e;
  }
}
