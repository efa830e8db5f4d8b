/**
 * The claims on ONE model (the CLI's `check`): a user's trained network or a teacher–student
 * configuration, checked by the suite's own property checks where the model meets their
 * hypotheses, and explicitly "not applicable, because …" where it does not.
 *
 * Status of a claim on one model:
 *   pass            every part that applies holds;
 *   fail            a part failed (the `check` command exits 1);
 *   inconclusive    a part could not be decided in float64 (e.g. a finite-difference stencil
 *                   across a ReLU kink, a rank too close to the rounding floor) and none failed;
 *   observation     a statistical claim stated over many draws (a rate): one model agreeing or
 *                   not is reported, not judged (S2);
 *   not-applicable  the model does not meet the claim's hypotheses; `reason` says which.
 */
import type { TeacherStudentProblem } from '../../src/config/buildProblem.js';
import type { AnyConfig } from '../../src/formats/config/parseConfig.js';
import type { LoadedMlp } from '../../src/formats/mlpModel.js';
import type { CaseOutcome } from '../../src/harness/propertyDefinition.js';
import type { LinalgBackend } from '../../src/linalg/backend.js';
import type { CurvatureModel } from '../../src/spectrum/curvatureModel.js';
import type { Claim } from '../../theory/claim.js';

export type ModelCheckStatus = 'pass' | 'fail' | 'inconclusive' | 'observation' | 'not-applicable';

export interface ModelSubject {
  readonly config: AnyConfig;
  readonly curvature: CurvatureModel;
  readonly mlp: LoadedMlp | null;
  readonly teacherStudent: TeacherStudentProblem | null;
  readonly backend: LinalgBackend;
  /** Seed of every random choice of the checks (directions, Lanczos starts). */
  readonly seed: number;
  /** Called after each operator product (progress). */
  readonly onApply?: () => void;
}

export interface ModelCheckPart {
  /** What was checked, in words. */
  readonly name: string;
  readonly status: 'pass' | 'fail' | 'inconclusive' | 'observation';
  /** Why it failed / what was observed, with the numbers (empty when it passed). */
  readonly message: string;
  readonly evidence: Readonly<Record<string, unknown>>;
}

export interface ModelCheckResult {
  readonly claim: string;
  readonly title: string;
  readonly statement: string;
  readonly source: string;
  readonly status: ModelCheckStatus;
  /** Why the claim applies (and which check ran) or why it does not. */
  readonly reason: string;
  readonly parts: readonly ModelCheckPart[];
  /** Numbers the page draws (e.g. S2's top eigenvalues and count). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A property's CaseOutcome as a part. */
export function partFrom(name: string, o: CaseOutcome<object>): ModelCheckPart {
  return { name, status: o.ok ? 'pass' : o.inconclusive ? 'inconclusive' : 'fail', message: o.message ?? '', evidence: { ...(o.evidence as Record<string, unknown>) } };
}

/** The claim's status from its parts: any fail → fail; else any inconclusive → inconclusive; else pass (observation when every part is one). */
export function statusOf(parts: readonly ModelCheckPart[]): ModelCheckStatus {
  if (parts.some((p) => p.status === 'fail')) return 'fail';
  if (parts.some((p) => p.status === 'inconclusive')) return 'inconclusive';
  if (parts.length > 0 && parts.every((p) => p.status === 'observation')) return 'observation';
  return 'pass';
}

export function applied(claim: Claim, reason: string, parts: readonly ModelCheckPart[], data?: Record<string, unknown>): ModelCheckResult {
  return { claim: claim.id, title: claim.title, statement: claim.statement, source: claim.source, status: statusOf(parts), reason, parts, ...(data ? { data } : {}) };
}

export function notApplicable(claim: Claim, reason: string): ModelCheckResult {
  return { claim: claim.id, title: claim.title, statement: claim.statement, source: claim.source, status: 'not-applicable', reason, parts: [] };
}
