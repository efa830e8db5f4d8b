/**
 * Public surface of the dynamics layer (docs/theory.md#c4 machinery): gradient descent and
 * flow near a minimum, and their eigenbasis prediction. One concept per file; this barrel
 * names every export.
 */
export { displacedStart, seededUnitDirection, DIRECTION_STREAM } from './direction.js';
export { flatProjection, modeAmplitudes, NoCurvatureError, quadraticModelAtOptimum, quadraticModelOfMatrix } from './eigenbasis.js';
export { DEFAULT_DIVERGENCE_FACTOR, gradientDescent } from './gradientDescent.js';
export { gradientFlowRk45 } from './gradientFlowRk45.js';
export { secondHalfSlope, trustedEnd, windowSlope } from './lateSlope.js';
export { logGrid } from './logGrid.js';
export { logAbsOneMinus, logSumExp } from './logSpace.js';
export {
  contamination,
  dominanceStep,
  EIGEN_BACKWARD_CONSTANT,
  gradientDescentPrediction,
  gradientFlowPrediction,
  logLossAt,
  lossAt,
  slowestModes,
} from './modeMixture.js';
export { quadraticDescentState, quadraticFlowState } from './quadraticFlow.js';
export { quadraticGradientDescent } from './quadraticIteration.js';
export { classifyRegime } from './regime.js';
export { lossRoundingFloor, relativeRoundingError, TRUST_FACTOR } from './roundingFloor.js';
export { measuredTimeToFraction, predictedTimeToFraction } from './timeToFraction.js';
export { olsSlope, olsSlopeDeviationBound } from './olsSlope.js';
export { weylSlopeBand } from './weylSlopeBand.js';

export type { QuadraticModel } from './eigenbasis.js';
export type { GradientDescentOptions, GradientDescentRun } from './gradientDescent.js';
export type { Rk45Options, Rk45Run } from './gradientFlowRk45.js';
export type { MeasuredSlope } from './lateSlope.js';
export type { ModeMixture } from './modeMixture.js';
export type { QuadraticIterationRun } from './quadraticIteration.js';
export type { Regime, RegimeClassification } from './regime.js';
export type { FloorInputs } from './roundingFloor.js';
