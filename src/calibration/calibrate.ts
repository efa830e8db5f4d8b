/**
 * Calibration of a statistical test: run it R times on fresh data under its own (right) law,
 * count rejections at level α (the empirical false-positive rate, with an exact
 * Clopper–Pearson interval), and count how often the same test rejects each wrong neighbour
 * (the power, with its interval).
 *
 * Seeds: run r uses Rng.fromSeed(seed).split(`run:${r}`), so every run is independent and
 * reproducible; an experiment draws everything of run r from that generator.
 * An experiment's `run` returns, for one fresh draw, the p-value of the right law's test
 * (`nullP`; several per run are allowed when one run tests several regimes) and one p-value
 * per wrong neighbour (`neighbourP[name]`, possibly several).
 */
import { Rng } from '../rng/rng.js';
import { clopperPearson, type BinomialInterval } from './binomialInterval.js';

export interface CalibrationDraw {
  readonly nullP: readonly number[];
  readonly neighbourP: Readonly<Record<string, readonly number[]>>;
}

export interface CalibrationExperiment {
  readonly claim: string;
  /** Per-test significance level. */
  readonly alpha: number;
  /** What one run is, in one line (sizes, n, regimes). */
  readonly description: string;
  readonly neighbours: readonly string[];
  /** Estimated seconds of one run (measured; the command line checks runs × this against the time budget and shows progress). */
  readonly secondsPerRun?: number;
  /** Optional one-off set-up (e.g. tabulating laws) before the runs. */
  prepare?(): void | Promise<void>;
  run(rng: Rng, index: number): CalibrationDraw | Promise<CalibrationDraw>;
}

export interface CalibrationResult {
  readonly claim: string;
  readonly alpha: number;
  readonly runs: number;
  readonly seed: number;
  readonly description: string;
  readonly falsePositive: BinomialInterval;
  /** false-positive interval contains α (consistent with a calibrated test). */
  readonly consistentWithAlpha: boolean;
  readonly power: Readonly<Record<string, BinomialInterval>>;
  readonly milliseconds: number;
}

export interface CalibrateOptions {
  readonly runs: number;
  readonly seed: number;
  /** Confidence level of the intervals. @defaultValue 0.95 */
  readonly level?: number;
  /** Called after each run (progress). */
  readonly onRun?: (done: number) => void;
}

export async function calibrate(exp: CalibrationExperiment, opts: CalibrateOptions): Promise<CalibrationResult> {
  if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error(`calibrate: field \`runs\` must be an integer ≥ 1 (got ${opts.runs})`);
  const started = Date.now();
  const level = opts.level ?? 0.95;
  const root = Rng.fromSeed(opts.seed);
  await exp.prepare?.();
  let nullTests = 0;
  let nullRejections = 0;
  const tests: Record<string, number> = {};
  const rejections: Record<string, number> = {};
  for (const name of exp.neighbours) {
    tests[name] = 0;
    rejections[name] = 0;
  }
  for (let r = 0; r < opts.runs; r++) {
    const draw = await exp.run(root.split(`run:${r}`), r);
    for (const p of draw.nullP) {
      nullTests++;
      if (p < exp.alpha) nullRejections++;
    }
    for (const [name, ps] of Object.entries(draw.neighbourP)) {
      if (!(name in tests)) throw new Error(`calibrate: experiment ${exp.claim} returned an undeclared neighbour ${JSON.stringify(name)}`);
      for (const p of ps) {
        tests[name]++;
        if (p < exp.alpha) rejections[name]++;
      }
    }
    opts.onRun?.(r + 1);
  }
  const falsePositive = clopperPearson(nullRejections, nullTests, level);
  const power: Record<string, BinomialInterval> = {};
  for (const name of exp.neighbours) if (tests[name] > 0) power[name] = clopperPearson(rejections[name], tests[name], level);
  return {
    claim: exp.claim,
    alpha: exp.alpha,
    runs: opts.runs,
    seed: opts.seed,
    description: exp.description,
    falsePositive,
    consistentWithAlpha: falsePositive.lower <= exp.alpha && exp.alpha <= falsePositive.upper,
    power,
    milliseconds: Date.now() - started,
  };
}
