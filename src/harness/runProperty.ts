/**
 * Runs a PropertyDefinition with fast-check under explicit RunSettings and returns every
 * drawn case with its evidence, and — when a case failed — the shrunk counterexample with
 * what replays it: seed, fast-check path, configuration as JSON, and the command line.
 *
 * Cases: the draws up to and including the first failure (fast-check stops drawing there and
 * shrinks); shrink candidates are not cases. The shrunk counterexample keeps its own evidence.
 * Shrinking budget: a definition's `maxShrinkChecks` caps the check calls spent shrinking;
 * past it every further candidate is skipped (reported as passing to fast-check), so the
 * failure is the smallest one found within the budget, and the record says the budget ran out.
 */
import * as fc from 'fast-check';
import type { CaseOutcome, PropertyDefinition } from './propertyDefinition.js';
import { scaledRuns, settingsEnvPrefix, type RunSettings } from './runSettings.js';

export interface RunCase<C, E> {
  readonly config: C;
  readonly ok: boolean;
  readonly inconclusive: boolean;
  /** null when the check threw (then `error` says why). */
  readonly evidence: E | null;
  readonly error?: string;
}

export interface PropertyFailure<E = unknown> {
  readonly seed: number;
  readonly path: string;
  readonly config: unknown;
  readonly message: string;
  /** The evidence of the shrunk counterexample (null when its check threw). */
  readonly evidence: E | null;
  /** Check calls spent shrinking, and whether the definition's budget stopped it early. */
  readonly shrinkChecks: number;
  readonly shrinkBudgetExhausted: boolean;
  readonly replay: string;
}

export interface PropertyResult<C = unknown, E = unknown> {
  readonly claim: string;
  readonly name: string;
  readonly seed: number;
  readonly numRuns: number;
  readonly cases: ReadonlyArray<RunCase<C, E>>;
  /** Inconclusive cases among `cases`. */
  readonly inconclusive: number;
  readonly maxInconclusiveFraction: number;
  readonly failure: PropertyFailure<E> | null;
}

export interface RunPropertyOptions {
  /** File to name in the replay command. @defaultValue 'properties' */
  readonly testFile?: string;
  /** Called after each check call (progress bars). */
  readonly onCheck?: () => void;
  /** The replay command of a failure at `path` (default: the vitest command, replayCommand). */
  readonly replay?: (path: string) => string;
}

/** The shell command that replays a failure of `name` under these settings. */
export function replayCommand(settings: RunSettings, path: string, testFile: string, name: string): string {
  return `${settingsEnvPrefix({ ...settings, path })} npx vitest run ${testFile} -t ${JSON.stringify(name)}`;
}

async function safeCheck<C, E>(def: PropertyDefinition<C, E>, config: C): Promise<CaseOutcome<E | null> & { error?: string }> {
  try {
    return await def.check(config);
  } catch (e) {
    const error = `threw: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, evidence: null, message: error, error };
  }
}

/** The mutated check the settings ask this definition to run in place of its own, or undefined. */
export function mutantOf<C, E>(def: PropertyDefinition<C, E>, settings: Pick<RunSettings, 'theoryMutant'>) {
  const m = settings.theoryMutant;
  return m && m.claim === def.claim ? def.mutants?.[m.neighbour] : undefined;
}

export async function runProperty<C, E>(def: PropertyDefinition<C, E>, settings: RunSettings, opts: RunPropertyOptions = {}): Promise<PropertyResult<C, E>> {
  const mutant = mutantOf(def, settings);
  const checked: PropertyDefinition<C, E> = mutant ? { ...def, check: (c) => mutant.check(c) } : def;
  const numRuns = scaledRuns(def.numRuns, settings);
  const cases: Array<RunCase<C, E>> = [];
  let failedOnce = false;
  let shrinkChecks = 0;
  let budgetHit = false;
  let last: { key: string; out: CaseOutcome<E | null> } | null = null;
  const budget = def.maxShrinkChecks ?? Infinity;
  const prop = fc.asyncProperty(def.arbitrary({ sizeTier: settings.sizeTier }), async (config) => {
    if (failedOnce && shrinkChecks >= budget) {
      budgetHit = true;
      return true;
    }
    if (failedOnce) shrinkChecks++;
    const out = await safeCheck(checked, config);
    opts.onCheck?.();
    const inconclusive = !out.ok && out.inconclusive === true;
    const failed = !out.ok && !inconclusive;
    if (!failedOnce) {
      cases.push({ config, ok: out.ok, inconclusive, evidence: out.evidence, ...(out.error ? { error: out.error } : {}) });
      if (failed) failedOnce = true;
    }
    if (failed) last = { key: JSON.stringify(config), out };
    return !failed;
  });
  const details = await fc.check(prop, { seed: settings.seed, numRuns, path: settings.path ?? undefined, endOnFailure: false });
  let failure: PropertyFailure<E> | null = null;
  if (details.failed) {
    const config = details.counterexample?.[0];
    const path = details.counterexamplePath ?? '';
    const file = opts.testFile ?? 'properties';
    const shrunk = last as { key: string; out: CaseOutcome<E | null> } | null;
    const matches = shrunk !== null && shrunk.key === JSON.stringify(config);
    failure = {
      seed: settings.seed,
      path,
      config,
      message: matches ? (shrunk.out.message ?? 'check returned ok = false') : details.errorInstance instanceof Error ? details.errorInstance.message : 'failed',
      evidence: matches ? shrunk.out.evidence : null,
      shrinkChecks,
      shrinkBudgetExhausted: budgetHit,
      replay: opts.replay ? opts.replay(path) : replayCommand(settings, path, file, def.name),
    };
  }
  return {
    claim: def.claim,
    name: def.name,
    seed: settings.seed,
    numRuns,
    cases,
    inconclusive: cases.filter((c) => c.inconclusive).length,
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
    `  seed: ${f.seed}, path: "${f.path}"${f.shrinkBudgetExhausted ? ` (shrinking stopped after its budget of ${f.shrinkChecks} checks)` : ''}`,
    `  config: ${JSON.stringify(f.config)}`,
    `  replay: ${f.replay}`,
  ].join('\n');
}
