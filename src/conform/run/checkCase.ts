/**
 * One case: the subject's answer to one request against the suite's float64 reference, as
 * error ÷ tolerance (tolerance/opTolerance.ts). An answer that is not a usable number in step
 * (an {"error"}, a wrong length, NaN) fails the case with ratio null.
 */
import type { LinalgBackend } from '../../linalg/backend.js';
import type { Materialised } from '../arbitraries/modelDraw.js';
import type { ComputeAnswer } from '../protocol/parseAnswer.js';
import type { Op } from '../protocol/vocabulary.js';
import { familyCase } from '../reference/familyCase.js';
import { compareEigenvalues, compareHessian, compareHvp, eigenvalueTolerance, type OpComparison, type ToleranceInputs } from '../tolerance/opTolerance.js';

export interface CaseResult {
  /** error ÷ tolerance at the worst entry; null when the answer was unusable. */
  readonly ratio: number | null;
  readonly comparison: OpComparison | null;
  /** One line: what was wrong, or "ok". */
  readonly message: string;
}

export function checkCase(op: Op, m: Materialised, answer: ComputeAnswer, tol: ToleranceInputs, backend: LinalgBackend): CaseResult {
  if (answer.kind === 'wrong') return { ratio: null, comparison: null, message: answer.message };
  const fc = familyCase(m.model);
  const H = fc.hessian();
  const bound = fc.errorBound();
  let cmp: OpComparison;
  if (op === 'hessian') {
    cmp = compareHessian(H, answer.values, bound, tol);
  } else if (op === 'hvp') {
    const v = m.v as Float64Array;
    cmp = compareHvp(fc.hvp(v), answer.values, v, bound, tol);
  } else {
    const asc = backend.symmetricEigenvalues(H);
    const k = m.k as number;
    const top = Float64Array.from({ length: k }, (_, i) => asc[asc.length - 1 - i]);
    cmp = compareEigenvalues(top, answer.values, eigenvalueTolerance(H, bound, tol, backend));
  }
  const ok = cmp.ratio <= 1;
  const message = ok
    ? 'ok'
    : `${cmp.at}: got ${cmp.got}, expected ${cmp.expected} (error ${cmp.error.toExponential(3)} > tolerance ${cmp.tolerance.toExponential(3)}, ratio ${Number.isFinite(cmp.ratio) ? cmp.ratio.toPrecision(3) : '∞'})`;
  return { ratio: cmp.ratio, comparison: cmp, message };
}
