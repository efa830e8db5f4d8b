/**
 * A conformance run: start the subject, ask what it declares, and for every declared op run a
 * fast-check property over drawn models — the subject's answer against the float64 reference
 * at the derived tolerance — then shrink the first failure to a small model with the command
 * that replays it.
 *
 * Per op, two passes over the same seeded draws:
 *   1. every one of the R cases is asked and checked (counts, worst ratio, the ratio strip);
 *   2. only if a case failed: the property again with the verdict as its predicate, so fast-check
 *      stops at the first failure and shrinks it (answers already checked are reused, not asked
 *      again; at most `maxShrinks` new checks).
 * With `path` (a replay) only pass 2 runs, from that path.
 *
 * A subject that crashes, hangs or breaks the protocol ends the run at once (no shrinking: the
 * stream is out of step) with a counterexample naming what it did and the case that triggered
 * it; the remaining ops are marked skipped. Bad usage (an op or family the subject does not
 * declare, a command the shell cannot find) is a ConformUsageError.
 */
import * as fc from 'fast-check';
import type { LinalgBackend } from '../../linalg/backend.js';
import { resolveActivation } from '../../nets/activation.js';
import { mlpCheckedActivations } from '../reference/mlpReference.js';
import type { Progress } from '../../report/progress/progress.js';
import { drawArbitrary, materialise, type Draw, type FamilyPlan, type Materialised } from '../arbitraries/modelDraw.js';
import type { DescribeAnswer } from '../protocol/messages.js';
import { SubjectFailure } from '../protocol/subjectFailure.js';
import { FAMILIES, OPS, UNIT_ROUNDOFF, isFamily, isOp, type FamilyName, type Op } from '../protocol/vocabulary.js';
import { CONFORM_FORMAT_VERSION, type ConformResult, type Counterexample, type DrawRecord, type OpRecord } from '../output/resultSchema.js';
import { checkCase, type CaseResult } from './checkCase.js';
import type { ToleranceInputs } from '../tolerance/opTolerance.js';
import { SubjectSession } from './subjectSession.js';

/** Families the suite has references and error bounds for. */
export const CHECKED_FAMILIES: readonly FamilyName[] = ['two-layer', 'mlp'];

/** New checks allowed while shrinking one failure (a Python subject answers in ~10–100 ms). */
export const DEFAULT_MAX_SHRINKS = 300;
/** Per-request time limit unless --timeout says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export class ConformUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConformUsageError';
  }
}

export interface ConformOptions {
  /** Shell command that starts the subject. */
  readonly command: string;
  readonly cwd?: string;
  /** Ops to check (null: every op the subject declares). */
  readonly ops: readonly Op[] | null;
  /** Families to draw (null: every declared family the suite can check). */
  readonly families: readonly FamilyName[] | null;
  /** Cases per op. */
  readonly runs: number;
  readonly seed: number;
  /** fast-check path of a counterexample to replay (then only that op's failing case runs). */
  readonly path: string | null;
  /** Per-request time limit. */
  readonly timeoutMs: number;
  /** Time limit for the describe answer (start-up included). */
  readonly startupTimeoutMs: number;
  readonly maxShrinks?: number;
  readonly backend: LinalgBackend;
  readonly progress: Progress;
  /** Prefix of the replay command, e.g. "npm run --silent cli -- conform". */
  readonly replayPrefix: string;
  /** Clock (tests). @defaultValue Date.now */
  readonly now?: () => number;
}

/** Activations of a describe answer that a family's reference supports, in the subject's order. */
export function familyActivations(family: FamilyName, declared: readonly string[]): string[] {
  if (family === 'mlp') {
    const checked = mlpCheckedActivations();
    return declared.filter((a) => checked.includes(a));
  }
  return declared.filter((a) => {
    if (a === 'polynomial') return true;
    try {
      resolveActivation(a);
      return true;
    } catch {
      return false;
    }
  });
}

function shellQuote(s: string): string {
  return /^[\w./=:,@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function sizeText(m: Materialised): string {
  const model = m.model;
  if (model.family === 'two-layer') {
    const act = typeof model.activation === 'string' ? model.activation : `polynomial of degree ${model.activation.polynomial.length - 1}`;
    return `two-layer, ${act}, Ni = ${model.W[0].length}, Nh = ${model.W.length}, N = ${model.X.length}, P = ${m.P}`;
  }
  const w = [model.X[0].length, ...model.layers.map((l) => l.weight.length)];
  return `mlp, ${model.activation}, ${model.loss} (${model.reduction}), widths ${w.join('→')}, N = ${model.X.length}, ${model.bias ? 'bias' : 'no bias'}, P = ${m.P}`;
}

interface Plan {
  readonly ops: Op[];
  readonly families: FamilyPlan[];
  readonly ignored: string[];
}

function planFor(d: DescribeAnswer, opts: ConformOptions): Plan {
  const ignored = [...d.ops.filter((o) => !isOp(o)).map((o) => `op ${o}`), ...d.families.filter((f) => !isFamily(f)).map((f) => `family ${f}`)];
  const declaredOps = OPS.filter((o) => d.ops.includes(o));
  for (const o of opts.ops ?? []) {
    if (!declaredOps.includes(o)) throw new ConformUsageError(`--ops ${o}: the subject (${d.name}) does not declare it; it declares ${declaredOps.join(', ') || 'no op the suite knows'}`);
  }
  const ops = opts.ops ? OPS.filter((o) => opts.ops!.includes(o)) : declaredOps;
  if (ops.length === 0) throw new ConformUsageError(`the subject (${d.name}) declares no op the suite checks (${OPS.join(', ')}); it declares ${d.ops.join(', ') || 'none'}`);
  const declaredFamilies = FAMILIES.filter((f) => d.families.includes(f));
  for (const f of opts.families ?? []) {
    if (!declaredFamilies.includes(f)) throw new ConformUsageError(`--families ${f}: the subject (${d.name}) does not declare it; it declares ${declaredFamilies.join(', ') || 'no family the suite knows'}`);
    if (!CHECKED_FAMILIES.includes(f)) throw new ConformUsageError(`--families ${f}: this version of the suite has no reference for the ${f} family yet; use ${CHECKED_FAMILIES.join(', ')}`);
  }
  const wanted = (opts.families ?? declaredFamilies).filter((f) => CHECKED_FAMILIES.includes(f));
  for (const f of declaredFamilies) if (!CHECKED_FAMILIES.includes(f)) ignored.push(`family ${f} (no reference yet)`);
  const families: FamilyPlan[] = [];
  for (const f of wanted) {
    const activations = familyActivations(f, d.activations);
    if (activations.length > 0) families.push({ family: f, activations });
    else ignored.push(`family ${f} (none of its declared activations can be checked)`);
  }
  for (const a of d.activations) if (!families.some((f) => f.activations.includes(a))) ignored.push(`activation ${a}`);
  if (families.length === 0) {
    throw new ConformUsageError(`nothing to check: the subject (${d.name}) declares families [${d.families.join(', ')}] and activations [${d.activations.join(', ')}]; the suite checks ${CHECKED_FAMILIES.join(', ')} with identity, tanh, erf, relu, sigmoid, softplus, z^2…z^6 or polynomial (two-layer) and ${mlpCheckedActivations().join(', ')} (mlp)`);
  }
  return { ops, families, ignored: [...new Set(ignored)] };
}

function emptyRecord(): OpRecord & { draws: DrawRecord[] } {
  return { cases: 0, failed: 0, worstRatio: null, draws: [], skipped: null };
}

/** Runs the whole conformance check; resolves with the result (pass or fail), throws ConformUsageError on bad usage. */
export async function runConformance(opts: ConformOptions): Promise<ConformResult> {
  const now = opts.now ?? Date.now;
  const started = now();
  const timeoutSeconds = opts.timeoutMs / 1000;
  const base = (subject: ConformResult['subject'], ops: Op[], families: string[]): Omit<ConformResult, 'verdict' | 'seconds' | 'ops' | 'counterexample'> => ({
    format: CONFORM_FORMAT_VERSION,
    generatedAt: new Date(started).toISOString(),
    subject,
    settings: { seed: opts.seed, runs: opts.runs, ops, families, timeoutSeconds, path: opts.path },
  });
  let session: SubjectSession;
  try {
    session = await SubjectSession.open(opts.command, { startupMs: opts.startupTimeoutMs, requestMs: opts.timeoutMs }, { cwd: opts.cwd });
  } catch (e) {
    if (!(e instanceof SubjectFailure)) throw e;
    if (e.kind === 'not-found') throw new ConformUsageError(e.message);
    const subject = { command: opts.command, name: null, dtype: null, ops: [], families: [], activations: [], relativeTolerance: null, ignored: [] };
    const replay = `${opts.replayPrefix} --subject ${shellQuote(opts.command)}`;
    const counterexample: Counterexample = {
      op: 'describe', kind: e.kind, model: null, v: null, k: null, error: null, tolerance: null, ratio: null, at: null, expected: null, got: null,
      message: e.message, size: null, seed: null, path: null, shrinks: 0, replay,
    };
    return { ...base(subject, [...(opts.ops ?? [])], [...(opts.families ?? [])]), verdict: 'fail', seconds: (now() - started) / 1000, ops: {}, counterexample };
  }
  try {
    const d = session.description;
    const plan = planFor(d, opts);
    const subject = { command: opts.command, name: d.name, dtype: d.dtype, ops: [...d.ops], families: [...d.families], activations: [...d.activations], relativeTolerance: d.relativeTolerance ?? null, ignored: plan.ignored };
    const tol = { uSubject: UNIT_ROUNDOFF[d.dtype], relativeTolerance: d.relativeTolerance ?? 0 };
    const familyNames = plan.families.map((f) => f.family);
    const arb = drawArbitrary(plan.families);
    const records: Partial<Record<Op, OpRecord>> = {};
    let counterexample: Counterexample | null = null;
    const runs = opts.runs;
    opts.progress.start(plan.ops.length, plan.ops.length * runs, `${d.name} (${d.dtype}) — ops ${plan.ops.join(', ')}; families ${familyNames.join(', ')}; seed ${opts.seed}`);

    let dead: SubjectFailure | null = null;
    for (const op of plan.ops) {
      if (dead) {
        records[op] = { ...emptyRecord(), skipped: `not run: the subject stopped speaking the protocol (${dead.kind})` };
        continue;
      }
      const opStarted = now();
      opts.progress.unitStarted(op);
      const out = await checkOp(op, session, arb, familyNames, tol, opts);
      records[op] = out.record;
      if (out.fatal) {
        dead = out.fatal;
        if (counterexample !== null) out.record.skipped = `stopped: ${out.fatal.message}`;
      }
      counterexample = counterexample ?? out.counterexample;
      const verdict = out.record.failed > 0 || out.counterexample !== null ? `fail${out.fatal ? ` (${out.fatal.kind})` : ''}` : 'pass';
      opts.progress.unitDone({ label: op, cases: out.record.cases, verdict, seconds: (now() - opStarted) / 1000 });
    }
    const failed = counterexample !== null || Object.values(records).some((r) => r.failed > 0);
    const result: ConformResult = { ...base(subject, plan.ops, familyNames), verdict: failed ? 'fail' : 'pass', seconds: (now() - started) / 1000, ops: records, counterexample };
    opts.progress.finish(`${d.name}: ${result.verdict === 'pass' ? 'conforms' : 'does NOT conform'}`);
    return result;
  } finally {
    await session.close();
  }
}

interface OpOutcome {
  readonly record: OpRecord;
  readonly counterexample: Counterexample | null;
  /** Set when the subject stopped speaking the protocol during this op. */
  readonly fatal: SubjectFailure | null;
}

function finiteRatio(r: CaseResult): number | null {
  return r.ratio !== null && Number.isFinite(r.ratio) ? r.ratio : null;
}

function passes(r: CaseResult): boolean {
  return r.ratio !== null && r.ratio <= 1;
}

async function checkOp(op: Op, session: SubjectSession, arb: fc.Arbitrary<Draw>, familyNames: readonly string[], tol: ToleranceInputs, opts: ConformOptions): Promise<OpOutcome> {
  const rec = emptyRecord();
  const runs = opts.runs;
  const timeoutSeconds = opts.timeoutMs / 1000;
  const replayFor = (path: string) =>
    `${opts.replayPrefix} --subject ${shellQuote(opts.command)} --ops ${op} --families ${familyNames.join(',')} --seed ${opts.seed} --runs ${runs} --path ${shellQuote(path)}${opts.timeoutMs !== DEFAULT_TIMEOUT_MS ? ` --timeout ${timeoutSeconds}` : ''}`;
  const cache = new Map<string, CaseResult>();
  let fatal: { failure: SubjectFailure; m: Materialised } | null = null;

  const ask = async (draw: Draw): Promise<{ m: Materialised; result: CaseResult } | null> => {
    const m = materialise(draw, op);
    if (m === null) return null;
    const key = JSON.stringify(draw);
    const hit = cache.get(key);
    if (hit) return { m, result: hit };
    try {
      const answer = await session.compute({ op, model: m.model, P: m.P, v: m.v, k: m.k });
      const result = checkCase(op, m, answer, tol, opts.backend);
      cache.set(key, result);
      return { m, result };
    } catch (e) {
      if (e instanceof SubjectFailure) {
        fatal = { failure: e, m };
        return null;
      }
      throw e;
    }
  };
  const record = (m: Materialised, result: CaseResult) => {
    rec.cases++;
    const ratio = finiteRatio(result);
    rec.draws.push({ family: m.model.family, P: m.P, ratio });
    if (ratio !== null) rec.worstRatio = Math.max(rec.worstRatio ?? 0, ratio);
    if (!passes(result)) rec.failed++;
    opts.progress.caseDone();
  };
  const fatalOutcome = (path: string | null): OpOutcome => {
    const f = fatal as unknown as { failure: SubjectFailure; m: Materialised };
    const counterexample: Counterexample = {
      op, kind: f.failure.kind === 'not-found' ? 'crash' : f.failure.kind, model: f.m.model, v: f.m.v ? Array.from(f.m.v) : null, k: f.m.k ?? null,
      error: null, tolerance: null, ratio: null, at: null, expected: null, got: null, message: f.failure.message, size: sizeText(f.m), seed: opts.seed, path,
      shrinks: 0, replay: path ? replayFor(path) : `${opts.replayPrefix} --subject ${shellQuote(opts.command)} --ops ${op} --families ${familyNames.join(',')} --seed ${opts.seed} --runs ${runs}`,
    };
    return { record: rec, counterexample, fatal: f.failure };
  };

  // Pass 1: every case, for the counts and the strip. A fatal answer fails the property, so
  // fast-check reports its path; everything after it passes at once (nothing is asked).
  if (opts.path === null) {
    const pass1 = await fc.check(
      fc.asyncProperty(arb, async (draw) => {
        if (fatal) return true;
        const r = await ask(draw);
        if (fatal) return false;
        fc.pre(r !== null);
        record(r!.m, r!.result);
        return true;
      }),
      { seed: opts.seed, numRuns: runs },
    );
    if (fatal) return fatalOutcome(pass1.counterexamplePath ?? null);
    if (rec.failed === 0) return { record: rec, counterexample: null, fatal: null };
  }

  // Pass 2: the first failure again (answers reused from the cache), then shrinking.
  let shrinkChecks = 0;
  let failedOnce = false;
  let last: { m: Materialised; result: CaseResult } | null = null;
  const budget = opts.maxShrinks ?? DEFAULT_MAX_SHRINKS;
  const pass2 = await fc.check(
    fc.asyncProperty(arb, async (draw) => {
      if (fatal) return true;
      if (failedOnce && !cache.has(JSON.stringify(draw))) {
        if (shrinkChecks >= budget) return true;
        shrinkChecks++;
      }
      const r = await ask(draw);
      if (fatal) return failedOnce; // fatal before any failure: report it; while shrinking: keep the failure found
      fc.pre(r !== null);
      if (opts.path !== null && !failedOnce) record(r!.m, r!.result);
      const ok = passes(r!.result);
      if (!ok) {
        failedOnce = true;
        last = r;
      }
      return ok;
    }),
    { seed: opts.seed, numRuns: runs, path: opts.path ?? undefined, endOnFailure: false },
  );
  if (fatal && last === null) return fatalOutcome(pass2.counterexamplePath ?? null);
  if (!pass2.failed || last === null) return { record: rec, counterexample: null, fatal: fatal ? (fatal as { failure: SubjectFailure }).failure : null };
  const l = last as { m: Materialised; result: CaseResult };
  const path = pass2.counterexamplePath ?? '';
  const c = l.result.comparison;
  const counterexample: Counterexample = {
    op, kind: 'wrong-answer', model: l.m.model, v: l.m.v ? Array.from(l.m.v) : null, k: l.m.k ?? null,
    error: c ? c.error : null, tolerance: c ? c.tolerance : null, ratio: c && Number.isFinite(c.ratio) ? c.ratio : null,
    at: c ? c.at : null, expected: c ? c.expected : null, got: c ? c.got : null,
    message: l.result.message, size: sizeText(l.m), seed: opts.seed, path, shrinks: pass2.numShrinks, replay: replayFor(path),
  };
  return { record: rec, counterexample, fatal: fatal ? (fatal as { failure: SubjectFailure }).failure : null };
}
