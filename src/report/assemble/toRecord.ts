/**
 * PropertyResult (what runProperty returns) → PropertyRecord (what the report stores and
 * vitest attaches to its test): adds each case's coverage label, the counts, and the unit's
 * verdict. One conversion for both routes, so they cannot disagree.
 *
 * Each case's evidence goes through JSON and its claim's schema here, once: the record holds
 * exactly what conformance.json will hold (no Infinity, NaN or undefined that JSON would turn
 * into something else), and a definition whose evidence drifts from its claim's declared type
 * fails loudly at the source instead of breaking a figure later.
 */
import type { z } from 'zod';
import type { AnyPropertyDefinition } from '../../harness/propertyDefinition.js';
import type { PropertyResult } from '../../harness/runProperty.js';
import type { SizeTier } from '../../harness/runSettings.js';
import type { PropertyRecord, Verdict } from '../types.js';
import { issueText } from './issueText.js';

/**
 * A unit's verdict: fail if any case failed (fast-check found a counterexample); else
 * inconclusive if more than its allowance of cases were undecidable, or no case ran; else pass.
 */
export function unitVerdict(r: Pick<PropertyResult, 'failure' | 'cases' | 'inconclusive' | 'maxInconclusiveFraction'>): Verdict {
  if (r.failure) return 'fail';
  if (r.cases.length === 0) return 'inconclusive';
  return r.inconclusive / r.cases.length > r.maxInconclusiveFraction ? 'inconclusive' : 'pass';
}

export class EvidenceSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceSchemaError';
  }
}

/** JSON round trip + schema check of one evidence value; null stays null. */
export function recordEvidence<E>(value: E | null, schema: z.ZodType<E> | undefined, where: string): E | null {
  if (value === null || value === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `non-finite ${v}` : v)));
  } catch (e) {
    throw new EvidenceSchemaError(`${where}: evidence is not JSON-serialisable (${(e as Error).message})`);
  }
  if (!schema) return json as E;
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new EvidenceSchemaError(`${where}: evidence does not match its claim's schema: ${issueText(parsed.error)} (internal error in the property definition: record finite numbers or null)`);
  return parsed.data;
}

export interface RecordContext {
  readonly index: number;
  readonly runsScale: number;
  readonly sizeTier: SizeTier;
  readonly testFile: string;
  /** The claim's evidence schema (omitted: evidence is only made JSON-safe). */
  readonly evidence?: z.ZodType<unknown>;
}

export function toRecord(def: AnyPropertyDefinition, result: PropertyResult, ctx: RecordContext): PropertyRecord {
  const where = (i: number | 'counterexample') => `${def.claim} · ${def.name}, ${i === 'counterexample' ? 'shrunk counterexample' : `case ${i}`}`;
  const failed = result.cases.filter((c) => !c.ok && !c.inconclusive).length;
  return {
    claim: result.claim,
    name: result.name,
    index: ctx.index,
    seed: result.seed,
    numRuns: result.numRuns,
    runsScale: ctx.runsScale,
    sizeTier: ctx.sizeTier,
    testFile: ctx.testFile,
    passed: result.cases.filter((c) => c.ok).length,
    failed,
    inconclusive: result.inconclusive,
    maxInconclusiveFraction: result.maxInconclusiveFraction,
    verdict: unitVerdict(result),
    failure: result.failure ? { ...result.failure, config: jsonSafe(result.failure.config), evidence: recordEvidence(result.failure.evidence, ctx.evidence, where('counterexample')) } : null,
    cases: result.cases.map((c, i) => ({
      config: jsonSafe(c.config),
      label: labelOf(def, c.config),
      ok: c.ok,
      inconclusive: c.inconclusive,
      evidence: recordEvidence(c.evidence, ctx.evidence, where(i)),
      ...(c.error ? { error: c.error } : {}),
    })),
  };
}

/** A configuration as JSON will hold it (configs are plain data; this drops undefined fields). */
function jsonSafe(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

function labelOf(def: AnyPropertyDefinition, config: unknown): string | null {
  if (!def.label) return null;
  try {
    return def.label(config);
  } catch {
    return null;
  }
}
