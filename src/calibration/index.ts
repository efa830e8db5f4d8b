/** Calibration of statistical tests: false-positive rate and power over R seeded runs. */
export { calibrate } from './calibrate.js';
export { clopperPearson, binomialCdf } from './binomialInterval.js';
export type { CalibrationDraw, CalibrationExperiment, CalibrationResult, CalibrateOptions } from './calibrate.js';
export type { BinomialInterval } from './binomialInterval.js';
