/**
 * C4 · the time to a loss fraction scales as 1/λ_min⁺ across configurations: per case the
 * normalised time t_f·rate/log(s/f) is 1 ± τ (a derived bound), and across a batch the OLS
 * log-log exponent of t_f/log(s/f) against the late rate is TIME_SCALING_EXPONENT ± a derived
 * bound; the λ_max and mean-eigenvalue neighbours' normalised times must fall outside 1 ± τ.
 */
import { olsSlope, olsSlopeDeviationBound } from '../../../src/dynamics/olsSlope.js';
import { contamination, logLossAt, slowestModes } from '../../../src/dynamics/modeMixture.js';
import { relativeRoundingError } from '../../../src/dynamics/roundingFloor.js';
import { measuredTimeToFraction, predictedTimeToFraction } from '../../../src/dynamics/timeToFraction.js';
import { allOf, outcome, type CaseOutcome, type PropertyDefinition } from '../../../src/harness/propertyDefinition.js';
import { CONVERGING_NEIGHBOURS, TIME_SCALING_EXPONENT } from '../../../theory/longTimeLearning.js';
import { c4LateSlope, c4NormalisedTimeBand, neighbourSlope } from '../../../theory/longTimeLearningPredictions.js';
import { predictionFor, resolveCase, roundingFloorOf, type DynamicsCase } from '../../arbitraries/C4/dynamicsCase.js';
import { TIME_FRACTION, timeScalingBatchArb } from '../../arbitraries/C4/timeScalingBatch.js';
import type { C4Evidence } from '../../evidence/C4.js';
import { finiteOrNull, incomplete, runFrom, sig } from './checks.js';

interface TimeRecord {
  /** log rate, log(t_f/log(s/f)): the point of the log-log fit. */
  readonly x: number;
  readonly y: number;
  readonly tau: number;
  readonly nu: number;
  readonly tf: number;
  readonly neighbourNu: ReadonlyMap<string, number>;
  /** For failure messages. */
  readonly details: Record<string, number>;
}

function timeRecord(c: DynamicsCase): TimeRecord | CaseOutcome<C4Evidence> {
  const r = resolveCase(c);
  const mix = predictionFor(r, c.eta, c.epsilon);
  const slow = slowestModes(mix);
  const rate = -c4LateSlope(r.model, c.eta).slope;
  const share = Math.exp(slow.logAmplitude - logLossAt(mix, 0));
  const band = c4NormalisedTimeBand(share, TIME_FRACTION, -rate);
  const floor = roundingFloorOf(r, c.eta);
  // Horizon from the prediction: its t_f plus the steps a log-shift of 1 (curve error up to
  // ½, far above the O(ε) measured) would add.
  const tfPred = predictedTimeToFraction(mix, TIME_FRACTION) ?? 0;
  const horizon = tfPred + Math.ceil(1 / rate) + 2;
  const run = runFrom(r, c.eta, c.epsilon, horizon);
  const tf = measuredTimeToFraction(run.losses, TIME_FRACTION);
  if (tf === null || run.diverged) return incomplete('fraction-not-reached', horizon, `loss fraction ${TIME_FRACTION} not reached within ${horizon} steps${run.diverged ? ` (${run.stopReason})` : ''}`);
  // The measured curve is log L̂_t + e_t with |e_t| ≤ E (measured over [0, t_f]; O(ε) by the
  // curve property), so the measured t_f is the predicted first passage for a fraction
  // shifted by at most 2E in log. Hence |t_f·rate − log(s/f)| ≤ log(1 + R(t_f − 1)) + rate
  // (quadratic model, exact: discreteness and the other modes) + 2E + the rounding of L_{t_f};
  // τ is that over log(s/f).
  let curveErr = 0;
  for (let t = 0; t <= tf; t++) curveErr = Math.max(curveErr, Math.abs(Math.log(run.losses[t]) - logLossAt(mix, t)));
  const slack = Math.log1p(contamination(mix, tf - 1)) + rate + 2 * curveErr + relativeRoundingError(run.losses[tf], floor);
  const tau = slack / band.asymptotic;
  const nu = (tf * rate) / band.asymptotic;
  const neighbourNu = new Map(CONVERGING_NEIGHBOURS.map((n) => [n.id, (tf * -neighbourSlope(n, r.model, c.eta)) / band.asymptotic]));
  return {
    x: Math.log(rate),
    y: Math.log(tf / band.asymptotic),
    tau,
    nu,
    tf,
    neighbourNu,
    details: { tf, rate: sig(rate), etaLambdaMin: sig(c.eta * r.model.lambdaMinPositive), share: sig(share), curveError: sig(curveErr), nu: sig(nu), tau: sig(tau) },
  };
}

function checkTimeScaling(batch: DynamicsCase[]): CaseOutcome<C4Evidence> {
  const recs: TimeRecord[] = [];
  for (const c of batch) {
    const rec = timeRecord(c);
    if ('ok' in rec) return rec;
    recs.push(rec);
  }
  const x = recs.map((q) => q.x);
  const y = recs.map((q) => q.y);
  const beta = olsSlope(x, y);
  // y_i = −x_i + e_i with |e_i| ≤ τ'_i = max|log(1 ± τ_i)|, so |β + 1| ≤ Σ|x_i − x̄|τ'_i / Σ(x_i − x̄)².
  const tauLog = recs.map((q) => (q.tau < 1 ? -Math.log(1 - q.tau) : Infinity));
  const betaTol = olsSlopeDeviationBound(x, tauLog);
  // Reported only: the exponent of the raw t_f against ηλ_min⁺, without the log(s/f) prefactor
  // and with 2ηλ in place of −2 log(1 − ηλ) — the scaling as a reader would first plot it.
  const rawExponent = olsSlope(
    batch.map((c) => Math.log(c.eta * resolveCase(c).model.lambdaMinPositive)),
    recs.map((q) => Math.log(q.tf)),
  );
  const margins = CONVERGING_NEIGHBOURS.map((n) => ({ n, margins: recs.map((q) => Math.abs(q.neighbourNu.get(n.id)! - 1) / q.tau) }));
  const evidence: C4Evidence = {
    kind: 'time-scaling',
    exponent: beta,
    predictedExponent: TIME_SCALING_EXPONENT,
    exponentTolerance: finiteOrNull(betaTol),
    rateDecades: sig((Math.max(...x) - Math.min(...x)) / Math.LN10),
    rawExponentVsEtaLambdaMin: sig(rawExponent),
    nu: recs.map((q) => q.nu),
    tau: recs.map((q) => q.tau),
    neighbours: margins.map(({ n, margins: m }) => ({ id: n.id, minMargin: Math.min(...m) })),
  };
  const parts: CaseOutcome<C4Evidence>[] = [
    outcome(Math.abs(beta - TIME_SCALING_EXPONENT) <= betaTol, evidence, () => `log-log exponent of t_f/log(s/f) against the late rate is ${beta}, not ${TIME_SCALING_EXPONENT} ± ${betaTol}`),
  ];
  recs.forEach((q, i) => {
    parts.push(outcome(Math.abs(q.nu - 1) <= q.tau, evidence, () => `config ${i}: t_f·rate/log(s/f) = ${q.nu}, not 1 ± ${q.tau} (${JSON.stringify(q.details)})`));
  });
  for (const { n, margins: m } of margins) {
    m.forEach((mg, i) =>
      parts.push(outcome(mg > 1, evidence, () => `config ${i}: wrong neighbour "${n.description}" NOT rejected: normalised time ${recs[i].neighbourNu.get(n.id)} within 1 ± ${recs[i].tau}`)),
    );
  }
  return allOf(...parts);
}

export const timeScalingProperty: PropertyDefinition<DynamicsCase[], C4Evidence> = {
  claim: 'C4',
  name: 'time to a loss fraction scales as 1/λ_min⁺ across configurations (exponent −1); λ_max and mean neighbours rejected',
  arbitrary: () => timeScalingBatchArb,
  numRuns: 12,
  label: (b) => `batch of ${b.length}`,
  check: checkTimeScaling,
};
